import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Making folders, and removing the ones made when what was to go in them
/// failed.
public enum Folders {
  /// Makes the folder `path` and the folders above it that are missing,
  /// saying plainly when a file stands where a folder must be.
  ///
  /// - Parameters:
  ///   - path: The folder.
  ///   - includingLast: Whether to make `path` itself too, or only the
  ///     folders above it.
  /// - Returns: The folders made, outermost first (to pass to
  ///   ``removeEmpty(_:)`` after a failure).
  /// - Throws: ``FolderError``; the folders made are removed first.
  @discardableResult
  public static func make(_ path: String, includingLast: Bool = true) throws(FolderError) -> [String] {
    var missing: [String] = []
    var ancestor = URL(fileURLWithPath: path).standardizedFileURL.path
    if !includingLast { ancestor = (ancestor as NSString).deletingLastPathComponent }
    while ancestor != "/", !ancestor.isEmpty {
      var info = stat()
      if stat(ancestor, &info) == 0 {
        guard info.st_mode & S_IFMT == S_IFDIR else {
          throw FolderError(path: path, reason: "\(ancestor) is a file, not a folder")
        }
        break
      }
      missing.append(ancestor)
      ancestor = (ancestor as NSString).deletingLastPathComponent
    }
    var made: [String] = []
    for folder in missing.reversed() {
      if mkdir(folder, 0o777) == 0 {
        made.append(folder)
      } else if errno != EEXIST {  // One made meanwhile is not ours to remove.
        let reason = String(cString: strerror(errno))
        removeEmpty(made)
        throw FolderError(path: path, reason: reason)
      }
    }
    return made
  }

  /// Removes `folders` (outermost first), innermost first, each only if
  /// it is empty: something put there meanwhile is not ours to remove.
  public static func removeEmpty(_ folders: [String]) {
    for folder in folders.reversed() { _ = rmdir(folder) }
  }
}

/// Why ``Folders/make(_:includingLast:)`` could not make a folder.
public struct FolderError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The folder, as it was given.
  public let path: String
  /// Why, in the system's words, or which path is a file.
  public let reason: String

  /// `cannot make the folder "PATH": REASON`.
  public var description: String { "cannot make the folder \"\(path)\": \(reason)" }
}
