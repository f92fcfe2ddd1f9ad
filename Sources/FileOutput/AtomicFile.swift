import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Writes a file whole or not at all, and writes to standard output, a
/// pipe or a device as such.
///
/// Every file the package writes goes through here: drawings, plots,
/// `GRAPHVIZ_VERSION`, model files, loss curves. What happens depends on
/// what the path points to (``Destination``):
///
/// - a regular file, or nothing yet: the bytes go into a temporary file in
///   the same folder (`.atomic-RANDOM.tmp`), flushed to disk, then renamed
///   over the path. A reader never sees half a file, and a failed write
///   leaves the old file as it was;
/// - `-`, `/dev/stdout` (`/dev/fd/1`): standard output, streaming;
/// - a pipe, a FIFO, a character device (`/dev/null`, a terminal): written
///   in place, streaming, never replaced by a regular file;
/// - a symbolic link: followed; what it leads to is written by the same
///   rules, and the link is kept.
///
/// ```swift
/// try AtomicFile.write(Data("2.43.0\n".utf8), to: "output/GRAPHVIZ_VERSION")
/// ```
///
/// A replaced file gets the usual permissions (0666 less the umask). The
/// temporary file is locked while it is written; one that a killed run
/// left behind is unlocked, and the next write into that folder removes
/// it (``Leftovers``).
public enum AtomicFile {
  /// Replaces the file at `path` with `data`, or makes it, or writes it to
  /// standard output, a pipe or a device (see ``AtomicFile``).
  ///
  /// - Parameters:
  ///   - data: The file's new bytes.
  ///   - path: The file to write; its folder must exist.
  /// - Throws: ``AtomicFileError`` with the path and the system's reason
  ///   (`No such file or directory`, `Permission denied`, ...); the
  ///   temporary file is removed and `path` is left as it was.
  public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
    switch try Destination(path) {
    case .standardOutput:
      do {
        try Terminal.write(Array(data))
      } catch {
        throw AtomicFileError(path: path, reason: error.message)
      }
    case .inPlace(let file):
      let fd = open(file, O_WRONLY | O_CLOEXEC)
      guard fd >= 0 else { throw failure(path) }
      let error = writeAll(data, to: fd) ? nil : failure(path)
      if close(fd) != 0, error == nil { throw failure(path) }
      if let error { throw error }
    case .file(let file):
      try replace(file, with: data, as: path)
    }
  }

  /// Replaces the file at `path` with `text` in UTF-8, or makes it.
  ///
  /// - Throws: ``AtomicFileError``, as ``write(_:to:)-(Data,_)`` does.
  public static func write(_ text: String, to path: String) throws(AtomicFileError) {
    try write(Data(text.utf8), to: path)
  }

  /// Checks, before a long run, that `path` can be written as
  /// ``write(_:to:)-(Data,_)`` will write it: a device or a pipe must be writable;
  /// for a file, a file can be made in its folder and renamed to its name
  /// (this makes, renames and removes a temporary file: a folder that is
  /// read-only, full to the last inode, on `/proc`, or a name too long
  /// for the file system all fail here).
  ///
  /// - Throws: ``AtomicFileError``, as writing would.
  public static func checkWritable(_ path: String) throws(AtomicFileError) {
    switch try Destination(path) {
    case .standardOutput:
      return
    case .inPlace(let file):
      guard access(file, W_OK) == 0 else { throw failure(path) }
    case .file(let file):
      let (temporary, fd) = try makeTemporary(beside: file, as: path)
      defer { close(fd) }
      var info = stat()
      let exists = lstat(file, &info) == 0
      let probe = exists ? temporary + "2" : file
      guard rename(temporary, probe) == 0 else {
        let error = failure(path)
        unlink(temporary)
        throw error
      }
      unlink(probe)
    }
  }

  /// Writes `data` for `path` as ``write(_:to:)-(Data,_)`` would, all but its last
  /// step, for outputs that must change together: a regular file is
  /// written and flushed beside its destination, and only
  /// ``StagedFile/commit()``'s rename is left; standard output, a pipe or
  /// a device is written by `commit()` itself (a stream cannot be taken
  /// back).
  ///
  /// - Throws: ``AtomicFileError``, as writing would; nothing is left
  ///   behind.
  public static func stage(_ data: Data, to path: String) throws(AtomicFileError) -> StagedFile {
    switch try Destination(path) {
    case .standardOutput, .inPlace:
      return StagedFile(path: path, pending: .stream(data))
    case .file(let file):
      return try stage(data, replacing: file, as: path)
    }
  }

  /// Writes `data` into a locked temporary file beside `file`, flushed,
  /// to be renamed over `file`.
  private static func stage(_ data: Data, replacing file: String, as path: String) throws(AtomicFileError)
    -> StagedFile
  {
    let folder = (file as NSString).deletingLastPathComponent
    Leftovers.removeTemporaryFiles(in: folder.isEmpty ? "." : folder)
    let (temporary, fd) = try makeTemporary(beside: file, as: path)
    var error = writeAll(data, to: fd) ? nil : failure(path)
    if error == nil, fsync(fd) != 0 { error = failure(path) }
    if let error {
      unlink(temporary)
      close(fd)
      throw error
    }
    return StagedFile(path: path, pending: .rename(temporary: temporary, descriptor: fd, file: file))
  }

  /// Writes `data` into a locked temporary file beside `file` and renames
  /// it over `file`.
  private static func replace(_ file: String, with data: Data, as path: String) throws(AtomicFileError) {
    try stage(data, replacing: file, as: path).commit()
  }

  /// Makes and locks a new temporary file in `file`'s folder.
  ///
  /// - Returns: Its path and open descriptor, which holds the lock.
  private static func makeTemporary(beside file: String, as path: String) throws(AtomicFileError) -> (String, Int32) {
    let name = (file as NSString).lastPathComponent
    guard !name.isEmpty, !file.hasSuffix("/") else {
      throw AtomicFileError(path: path, reason: "the path names no file")
    }
    let folder = (file as NSString).deletingLastPathComponent
    // A short name, so that a destination name near the system's limit
    // still leaves room for it.
    let prefix = (folder.isEmpty ? "" : folder + "/") + Leftovers.temporaryPrefix
    for _ in 0..<100 {
      let temporary = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36) + Leftovers.temporarySuffix
      let fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if fd >= 0 {
        // Unlocked, it would be taken for a killed run's leftover.
        do {
          try Leftovers.lock(descriptor: fd)
        } catch {
          unlink(temporary)
          throw AtomicFileError(path: path, reason: "cannot lock \"\(temporary)\": \(error.reason)")
        }
        return (temporary, fd)
      }
      if errno != EEXIST { break }
    }
    throw failure(path)
  }

  /// Writes every byte, retrying short and interrupted writes.
  static func writeAll(_ bytes: Data, to fd: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = systemWrite(fd, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0 {
          if errno == EINTR { continue }
          return false
        }
        offset += n
      }
      return true
    }
  }

  /// The error for `path`, with the reason `errno` gives.
  static func failure(_ path: String) -> AtomicFileError {
    AtomicFileError(path: path, reason: String(cString: strerror(errno)))
  }
}

/// What an output path points to, and so how it is written.
public enum Destination: Equatable, Sendable {
  /// `-`, `/dev/stdout`, `/dev/fd/1`, `/proc/self/fd/1`: standard output.
  case standardOutput
  /// A pipe, FIFO, socket or device, at this path (links followed): opened
  /// and written in place.
  case inPlace(String)
  /// A regular file, or nothing yet, at this path (links followed):
  /// replaced whole.
  case file(String)

  /// Whether it is written as a stream (standard output, a pipe, a
  /// device), not replaced.
  public var isStream: Bool {
    if case .file = self { return false }
    return true
  }

  /// Where `path` leads. A symbolic link is followed (to 40 links deep),
  /// also when what it names does not exist yet.
  ///
  /// - Throws: ``AtomicFileError`` for a folder, an empty path, or links
  ///   that loop.
  public init(_ path: String) throws(AtomicFileError) {
    guard !path.isEmpty, !path.hasSuffix("/") else {
      throw AtomicFileError(path: path, reason: "the path names no file")
    }
    if ["-", "/dev/stdout", "/dev/fd/1", "/proc/self/fd/1"].contains(path) {
      self = .standardOutput
      return
    }
    var current = path
    for _ in 0..<40 {
      // A descriptor's link names a pipe as `pipe:[123]`: written through
      // the descriptor's own path.
      if current.hasPrefix("/proc/self/fd/") || current.hasPrefix("/dev/fd/") {
        self = current.hasSuffix("fd/1") ? .standardOutput : .inPlace(current)
        return
      }
      var info = stat()
      guard lstat(current, &info) == 0 else {
        self = .file(current)  // Nothing there yet (or the folder is missing: writing says so).
        return
      }
      switch info.st_mode & S_IFMT {
      case S_IFLNK:
        guard let target = try? FileManager.default.destinationOfSymbolicLink(atPath: current) else {
          throw AtomicFile.failure(path)
        }
        current =
          target.hasPrefix("/")
          ? target : ((current as NSString).deletingLastPathComponent as NSString).appendingPathComponent(target)
      case S_IFREG:
        self = .file(current)
        return
      case S_IFDIR:
        throw AtomicFileError(path: path, reason: "Is a directory")
      default:
        self = .inPlace(current)
        return
      }
    }
    throw AtomicFileError(path: path, reason: "Too many levels of symbolic links")
  }
}

/// The C library's `write(2)`, which ``AtomicFile``'s own `write` hides
/// inside the type.
func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
  write(fd, bytes, count)
}

/// Why ``AtomicFile`` could not write a file: the path, and the system's
/// reason. The file at the path is as it was before, and no temporary file
/// remains.
public struct AtomicFileError: Error, Hashable, Sendable {
  /// The file that could not be written, as it was given.
  public let path: String
  /// Why, in the system's words (`No such file or directory`).
  public let reason: String

  /// An error for `path`, for `reason`.
  public init(path: String, reason: String) {
    self.path = path
    self.reason = reason
  }
}

extension AtomicFileError: CustomStringConvertible, LocalizedError {
  /// `cannot write "PATH": REASON`.
  public var description: String { "cannot write \"\(path)\": \(reason)" }

  /// The same as ``description``, for `localizedDescription`.
  public var errorDescription: String? { description }
}
