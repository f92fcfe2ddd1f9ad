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
/// As with any such replacement, the new file has the usual permissions
/// (0666 less the umask) rather than the old file's, and a symbolic link at
/// the destination is replaced, not followed.
enum AtomicFile {
  /// Replaces the file at `path` with `bytes`, or makes it.
  ///
  /// - Throws: ``GraphRenderError/cannotWrite(path:reason:)`` with the
  ///   system's reason; the temporary file is removed and `path` is left
  ///   as it was.
  static func replace(_ path: String, with bytes: Data) throws {
    let name = (path as NSString).lastPathComponent
    guard !name.isEmpty, !path.hasSuffix("/") else {
      throw GraphRenderError.cannotWrite(path: path, reason: "the path names no file")
    }
    let folder = (path as NSString).deletingLastPathComponent
    // A short name, so that a destination name near the system's limit
    // still leaves room for it.
    let prefix = (folder.isEmpty ? "" : folder + "/") + ".graphrender-"
    var temporary = ""
    var fd: Int32 = -1
    for _ in 0..<100 {
      temporary = prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36) + ".tmp"
      fd = open(temporary, O_WRONLY | O_CREAT | O_EXCL | O_CLOEXEC, 0o666)
      if fd >= 0 || errno != EEXIST { break }
    }
    guard fd >= 0 else { throw failure(path) }
    var error = writeAll(bytes, to: fd) ? nil : failure(path)
    if error == nil, fsync(fd) != 0 { error = failure(path) }
    if close(fd) != 0, error == nil { error = failure(path) }
    if error == nil, rename(temporary, path) != 0 { error = failure(path) }
    if let error {
      unlink(temporary)
      throw error
    }
  }

  /// Writes every byte, retrying short and interrupted writes.
  private static func writeAll(_ bytes: Data, to fd: Int32) -> Bool {
    bytes.withUnsafeBytes { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = write(fd, buffer.baseAddress! + offset, buffer.count - offset)
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
  private static func failure(_ path: String) -> GraphRenderError {
    .cannotWrite(path: path, reason: String(cString: strerror(errno)))
  }
}
