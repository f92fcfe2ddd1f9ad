import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// What a killed run leaves behind, recognised and removed by the next.
///
/// Every temporary file and staging folder is locked (`flock`) by the
/// process that made it for as long as it works on it; the system drops
/// the lock when the process ends, however it ends. So an unlocked one
/// was left by a run that is over, and is removed; a locked one belongs
/// to a run still working, and is left alone.
///
/// Only what this package makes is taken for a leftover: the exact names
/// below (`RANDOM` is 1 to 7 of `0-9a-z`, a 32-bit number in base 36),
/// and the exact kind, a regular file or a folder. A user's file named
/// `.notes.partial`, `.atomic-mine.tmp.bak` or `.out.old-copy.1`, or a
/// folder `.atomic-x.tmp`, is theirs, and is left alone (and carried
/// into a staged folder as any hidden entry is).
///
/// - `.atomic-RANDOM.tmp`, a regular file: ``AtomicFile``'s temporary
///   file; removed by the next write into its folder.
/// - `.NAME.partial-RANDOM`, `.NAME.locking-RANDOM`, `.NAME.old-RANDOM`,
///   folders: ``StagedFolder``'s folders beside `NAME`; the next staged
///   write of `NAME` puts `NAME` back from `.NAME.old-RANDOM` if a kill
///   left it missing, gives back the hidden entries carried into the
///   partial folder, and removes both.
/// - `.step-NNN.EXT.partial`, a regular file in a frames folder: a partial
///   frame of the versions before ``StagedFolder`` (a frame's name, a
///   file `step-` with three or more digits and an extension of letters
///   and digits); not carried into the new frames.
public enum Leftovers {
  /// The start of ``AtomicFile``'s temporary files' names.
  public static let temporaryPrefix = ".atomic-"
  /// The end of ``AtomicFile``'s temporary files' names.
  public static let temporarySuffix = ".tmp"

  /// Whether `name` is the name of a temporary file of ``AtomicFile``'s,
  /// `.atomic-RANDOM.tmp`, or of a partial frame of an older version,
  /// `.step-NNN.EXT.partial`. Whether it is one depends on its kind too
  /// (``isTemporaryFile(_:in:)``).
  public static func isTemporaryFile(_ name: String) -> Bool {
    if name.hasPrefix(temporaryPrefix), name.hasSuffix(temporarySuffix) {
      return isRandom(name.dropFirst(temporaryPrefix.count).dropLast(temporarySuffix.count))
    }
    guard name.hasPrefix(".step-"), name.hasSuffix(".partial") else { return false }
    let frame = name.dropFirst().dropLast(".partial".count).split(separator: ".", omittingEmptySubsequences: false)
    return frame.count == 2 && FrameNumber.parse(frame[0])?.base == "step" && !frame[1].isEmpty
      && frame[1].allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
  }

  /// Whether the entry `name` of `folder` is a temporary file of this
  /// package's: a regular file (not a folder, not a link) with such a
  /// name (``isTemporaryFile(_:)``).
  public static func isTemporaryFile(_ name: String, in folder: String) -> Bool {
    var info = stat()
    return isTemporaryFile(name) && lstat((folder as NSString).appendingPathComponent(name), &info) == 0
      && info.st_mode & S_IFMT == S_IFREG
  }

  /// Whether `text` is a random part of a name this package makes: 1 to 7
  /// characters of `0-9a-z` (a `UInt32` in base 36).
  static func isRandom(_ text: some StringProtocol) -> Bool {
    (1...7).contains(text.count) && text.utf8.allSatisfy { (0x30...0x39).contains($0) || (0x61...0x7A).contains($0) }
  }

  /// Removes the temporary files of ``AtomicFile``'s in `folder` that no
  /// running process holds (only those: a partial frame of an older
  /// version is left to the frames' folder's next staged write).
  public static func removeTemporaryFiles(in folder: String) {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for entry in entries where entry.hasPrefix(temporaryPrefix) && isTemporaryFile(entry, in: folder) {
      let path = (folder as NSString).appendingPathComponent(entry)
      if isAbandoned(path) { unlink(path) }
    }
  }

  /// Opens `path` and locks it for as long as the descriptor is open.
  ///
  /// - Returns: The descriptor, which holds the lock.
  /// - Throws: The system's reason when `path` cannot be opened or
  ///   locked (nothing is left open then): what is not locked would be
  ///   taken for a killed run's leftover, and removed under the writer.
  static func lock(_ path: String) throws(LockFailure) -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard fd >= 0 else { throw LockFailure(reason: String(cString: strerror(errno))) }
    try lock(descriptor: fd)
    return fd
  }

  /// Locks the open file `fd` for as long as it is open, waiting for a
  /// lock another process holds (retrying when a signal interrupts).
  ///
  /// - Throws: The system's reason; `fd` is closed then.
  static func lock(descriptor fd: Int32) throws(LockFailure) {
    while flock(fd, LOCK_EX) != 0 {
      if errno == EINTR { continue }
      let failure = LockFailure(reason: String(cString: strerror(errno)))
      close(fd)
      throw failure
    }
  }

  /// Why a lock could not be taken, in the system's words.
  struct LockFailure: Error {
    let reason: String
  }

  /// Whether no process holds a lock on `path` (one that cannot be opened
  /// is taken for locked).
  static func isUnlocked(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    return flock(fd, LOCK_EX | LOCK_NB) == 0
  }

  /// Whether `path` was left by a run that is over: no process holds a
  /// lock on it, and it is not a fresh empty one, which a run may have
  /// made a moment ago and not yet locked (such a one is abandoned once
  /// it is 10 s old). One that cannot be opened is not taken for
  /// abandoned.
  static func isAbandoned(_ path: String) -> Bool {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    guard fd >= 0 else { return false }
    defer { close(fd) }
    var info = stat()
    guard flock(fd, LOCK_EX | LOCK_NB) == 0, fstat(fd, &info) == 0 else { return false }
    let empty =
      info.st_mode & S_IFMT == S_IFDIR
      ? ((try? FileManager.default.contentsOfDirectory(atPath: path))?.isEmpty ?? true) : info.st_size == 0
    #if canImport(Darwin)
      let modified = info.st_mtimespec.tv_sec
    #else
      let modified = info.st_mtim.tv_sec
    #endif
    return !empty || time(nil) - modified > 10
  }
}
