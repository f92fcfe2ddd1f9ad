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
/// - `.atomic-RANDOM.tmp`: ``AtomicFile``'s temporary file; removed by the
///   next write into its folder.
/// - `.NAME.partial-RANDOM`, `.NAME.locking-RANDOM`, `.NAME.old-RANDOM`:
///   ``StagedFolder``'s
///   folders beside `NAME`; the next staged write of `NAME` puts `NAME`
///   back from `.NAME.old-RANDOM` if a kill left it missing, gives back
///   the hidden entries carried into the partial folder, and removes both.
/// - `.step-NNN.ext.partial`: the partial frames of older versions.
public enum Leftovers {
  /// The start of ``AtomicFile``'s temporary files' names.
  public static let temporaryPrefix = ".atomic-"
  /// The end of ``AtomicFile``'s temporary files' names.
  public static let temporarySuffix = ".tmp"

  /// Whether `name` is a temporary file of ``AtomicFile``'s, or a partial
  /// frame of an older version.
  public static func isTemporaryFile(_ name: String) -> Bool {
    (name.hasPrefix(temporaryPrefix) && name.hasSuffix(temporarySuffix))
      || (name.hasPrefix(".") && name.hasSuffix(".partial"))
  }

  /// Removes the temporary files in `folder` that no running process holds.
  public static func removeTemporaryFiles(in folder: String) {
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: folder) else { return }
    for entry in entries where isTemporaryFile(entry) {
      let path = (folder as NSString).appendingPathComponent(entry)
      var info = stat()
      guard lstat(path, &info) == 0, info.st_mode & S_IFMT == S_IFREG, isAbandoned(path) else { continue }
      unlink(path)
    }
  }

  /// Opens `path` and locks it for as long as the descriptor is open.
  ///
  /// - Returns: The descriptor, or -1 when it cannot be opened.
  static func lock(_ path: String) -> Int32 {
    let fd = open(path, O_RDONLY | O_CLOEXEC | O_NOFOLLOW | O_NONBLOCK)
    if fd >= 0 { _ = flock(fd, LOCK_EX) }
    return fd
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
