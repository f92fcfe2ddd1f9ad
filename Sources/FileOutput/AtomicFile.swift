#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// Writes a file all at once or not at all: into a temporary file in the
/// same folder, flushed to disk, then renamed over the destination.
///
/// Every file the package writes goes through here: drawings, plots,
/// `GRAPHVIZ_VERSION`, model files, loss curves. A reader never sees half
/// a file, and a failed write leaves the old file as it was.
///
/// ```swift
/// try AtomicFile.write(Data("2.43.0\n".utf8), to: "output/GRAPHVIZ_VERSION")
/// ```
///
/// As with any such replacement, the new file has the usual permissions
/// (0666 less the umask) rather than the old file's, and a symbolic link at
/// the destination is replaced, not followed.
public enum AtomicFile {
  /// Replaces the file at `path` with `data`, or makes it.
  ///
  /// - Parameters:
  ///   - data: The file's new bytes.
  ///   - path: The file to write; its folder must exist.
  /// - Throws: ``AtomicFileError`` with the path and the system's reason
  ///   (`No such file or directory`, `Permission denied`, ...); the
  ///   temporary file is removed and `path` is left as it was.
  public static func write(_ data: Data, to path: String) throws(AtomicFileError) {
    let name = (path as NSString).lastPathComponent
    guard !name.isEmpty, !path.hasSuffix("/") else {
      throw AtomicFileError(path: path, reason: "the path names no file")
    }
    let folder = (path as NSString).deletingLastPathComponent
    // A short name, so that a destination name near the system's limit
    // still leaves room for it.
    let prefix = (folder.isEmpty ? "" : folder + "/") + ".atomic-"
    var temporary = ""
    var fd: Int32 = -1
    for _ in 0..<100 {
      temporary = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36) + ".tmp"
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw failure(path) }
    var error = writeAll(data, to: fd) ? nil : failure(path)
    if error == nil, fsync(fd) != 0 { error = failure(path) }
    if close(fd) != 0, error == nil { error = failure(path) }
    if error == nil, rename(temporary, path) != 0 { error = failure(path) }
    if let error {
      unlink(temporary)
      throw error
    }
  }

  /// Replaces the file at `path` with `text` in UTF-8, or makes it.
  ///
  /// - Throws: ``AtomicFileError``, as ``write(_:to:)-(Data,_)`` does.
  public static func write(_ text: String, to path: String) throws(AtomicFileError) {
    try write(Data(text.utf8), to: path)
  }

  /// Writes every byte, retrying short and interrupted writes.
  private static func writeAll(_ bytes: Data, to fd: Int32) -> Bool {
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
  private static func failure(_ path: String) -> AtomicFileError {
    AtomicFileError(path: path, reason: String(cString: strerror(errno)))
  }
}

/// The C library's `write(2)`, which ``AtomicFile``'s own `write` hides
/// inside the type.
private func systemWrite(_ fd: Int32, _ bytes: UnsafeRawPointer, _ count: Int) -> Int {
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
