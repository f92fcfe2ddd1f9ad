#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
import Foundation

/// The folder `micrograd figures` writes into: a fresh one beside the
/// target, swapped in by ``commit()`` only once every lesson succeeded, so
/// that a figure no longer made does not linger and a failure leaves the
/// target exactly as it was.
///
/// - The target must be missing, empty, or a folder `micrograd figures`
///   made (one that holds `GRAPHVIZ_VERSION`, which it writes last); any
///   other folder, or a file, is refused before anything is written. A
///   missing target is made, and its missing parent folders with it; a
///   failure removes the parent folders it made.
/// - A symbolic link to a folder is followed: the folder it leads to is
///   replaced and the link is kept.
/// - Hidden entries of the old folder (`.gitkeep`, `.DS_Store`, any name
///   that starts with ".") are moved into the fresh folder before the
///   swap: only the figures are replaced.
/// - The fresh folder is `.NAME.partial-RANDOM` beside the target and the
///   old one is, for a moment, `.NAME.old-RANDOM`: same parent, so both
///   moves are renames. A run that is killed can leave either behind (the
///   repository's .gitignore names them); a failure removes them.
struct StagedFolder {
  /// The folder replaced, symbolic links resolved.
  let target: String
  /// Where the figures are written until ``commit()``.
  let staging: String
  /// The target as errors name it: as given, and where a link leads.
  private let name: String
  /// Whether there is an old folder to move aside.
  private let existed: Bool
  /// The folders above the target that ``init(out:)`` made, outermost
  /// first; ``discard()`` removes them again (those still empty).
  private let madeParents: [String]

  /// Checks that `out` may be replaced, makes its parent folders if need
  /// be, and makes the fresh folder beside it.
  ///
  /// - Throws: `InputError`, one line naming the folder and what to do;
  ///   nothing is written then.
  init(out: String) throws {
    guard !out.isEmpty else { throw InputError(message: "--out is empty; pass a folder") }
    var path = URL(fileURLWithPath: out).standardizedFileURL.path
    var name = "--out \"\(out)\""
    if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
      guard let real = realpath(path, nil) else {
        throw InputError(
          message: "cannot follow the symbolic link \(name): \(Self.reason()); make the folder it leads to, or remove the link")
      }
      path = String(cString: real)
      free(real)
      name += " (a link to \"\(path)\")"
    }
    var isFolder: ObjCBool = false
    if FileManager.default.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw InputError(message: "\(name) is a file, not a folder; pass --out a folder")
      }
      let entries: [String]
      do {
        entries = try FileManager.default.contentsOfDirectory(atPath: path)
      } catch {
        throw InputError(message: "cannot read the folder \(name): \(Self.reason(error))")
      }
      var isVersionFolder: ObjCBool = false
      let version = (path as NSString).appendingPathComponent("GRAPHVIZ_VERSION")
      guard entries.isEmpty
        || FileManager.default.fileExists(atPath: version, isDirectory: &isVersionFolder) && !isVersionFolder.boolValue
      else {
        throw InputError(
          message: "will not replace \(name): it holds files but no GRAPHVIZ_VERSION, so micrograd figures "
            + "did not make it; pass --out a new or empty folder")
      }
      existed = true
      madeParents = []
    } else {
      madeParents = try Self.makeParents(of: path, out: out)
      existed = false
    }
    let parent = (path as NSString).deletingLastPathComponent
    let base = (path as NSString).lastPathComponent
    do {
      staging = try Self.makeSibling(parent, "." + base + ".partial-", for: name)
    } catch {
      Self.removeEmpty(madeParents)
      throw error
    }
    target = path
    self.name = name
  }

  /// Puts the fresh folder in the target's place and removes the old one,
  /// keeping the old folder's permissions and its hidden entries (moved
  /// into the fresh folder first). If the fresh folder cannot be moved
  /// in, the old one is put back, its hidden entries too, and the fresh
  /// one removed.
  ///
  /// - Returns: A warning when the figures are in place but the old folder,
  ///   moved aside, could not be removed.
  /// - Throws: `InputError` when the target is left as it was (or, should
  ///   even putting it back fail, saying where it is).
  func commit() throws -> String? {
    var info = stat()
    if existed, stat(target, &info) == 0 {
      // Best effort: the figures are no less right with the usual permissions.
      _ = chmod(staging, info.st_mode & 0o7777)
    }
    guard existed else {
      guard rename(staging, target) == 0 else {
        let reason = Self.reason()
        discard()
        throw InputError(message: "cannot move the figures into \(name): \(reason)")
      }
      return nil
    }
    // An empty folder reserves the name, and rename replaces an empty folder.
    let parent = (target as NSString).deletingLastPathComponent
    let old: String
    do {
      old = try Self.makeSibling(parent, "." + (target as NSString).lastPathComponent + ".old-", for: name)
    } catch {
      discard()
      throw error
    }
    let carried: [String]
    do {
      carried = try carryHiddenEntries()
    } catch {
      rmdir(old)
      throw error
    }
    guard rename(target, old) == 0 else {
      let reason = Self.reason()
      rmdir(old)
      throw InputError(message: "cannot move \(name) aside: \(reason); \(restore(carried))")
    }
    guard rename(staging, target) == 0 else {
      let reason = Self.reason()
      guard rename(old, target) == 0 else {
        throw InputError(
          message: "cannot move the figures into \(name) (\(reason)) nor the old folder back (\(Self.reason())); "
            + "the old folder is \"\(old)\", the new one \"\(staging)\""
            + (carried.isEmpty ? "" : " (with the old folder's hidden entries)"))
      }
      throw InputError(message: "cannot move the figures into \(name): \(reason); \(restore(carried))")
    }
    do {
      try FileManager.default.removeItem(atPath: old)
    } catch {
      return "the figures are in \(name), but the old folder \"\(old)\" could not be removed: \(Self.reason(error))"
    }
    return nil
  }

  /// Moves the target's hidden entries into the fresh folder, by name.
  ///
  /// - Returns: The names moved.
  /// - Throws: `InputError` when one cannot be moved (or the fresh folder
  ///   holds one of that name); those moved are put back first.
  private func carryHiddenEntries() throws -> [String] {
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: target)
    } catch {
      discard()
      throw InputError(message: "cannot read the folder \(name): \(Self.reason(error)); it is unchanged")
    }
    var moved: [String] = []
    for entry in entries.sorted() where entry.hasPrefix(".") {
      let destination = (staging as NSString).appendingPathComponent(entry)
      var info = stat()
      let reason: String
      if lstat(destination, &info) == 0 {
        reason = "the figures hold one of that name"  // rename would replace it
      } else if rename((target as NSString).appendingPathComponent(entry), destination) == 0 {
        moved.append(entry)
        continue
      } else {
        reason = Self.reason()
      }
      throw InputError(
        message: "cannot move \"\(entry)\" from \(name) into the new figures: \(reason); \(restore(moved))")
    }
    return moved
  }

  /// After a failure, puts the hidden entries carried into the fresh
  /// folder back into the target and removes the fresh folder.
  ///
  /// - Returns: How the error ends: "it is unchanged", or, should an entry
  ///   not go back, where it is (the fresh folder is kept then).
  private func restore(_ carried: [String]) -> String {
    let stuck = carried.filter { entry in
      rename((staging as NSString).appendingPathComponent(entry), (target as NSString).appendingPathComponent(entry)) != 0
    }
    guard stuck.isEmpty else {
      let names = stuck.map { "\"\($0)\"" }.joined(separator: ", ")
      return "it is unchanged but for its hidden \(names), which could not be put back from \"\(staging)\""
    }
    discard()
    return "it is unchanged"
  }

  /// Removes the fresh folder and whatever was written into it, and the
  /// parent folders ``init(out:)`` made, if nothing else is in them.
  func discard() {
    // Nothing more to do if this fails: the folder is hidden and ignored.
    try? FileManager.default.removeItem(atPath: staging)
    Self.removeEmpty(madeParents)
  }

  /// Makes the folders above `path` that are missing, saying plainly when
  /// a file stands where a folder must be.
  ///
  /// - Returns: The folders made, outermost first.
  /// - Throws: `InputError`; the folders made are removed first.
  private static func makeParents(of path: String, out: String) throws -> [String] {
    var missing: [String] = []
    var ancestor = (path as NSString).deletingLastPathComponent
    while ancestor != "/" {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: ancestor, isDirectory: &isFolder) {
        guard isFolder.boolValue else {
          throw InputError(message: "cannot make the folder \"\(out)\": \(ancestor) is a file, not a folder")
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
        let reason = reason()
        removeEmpty(made)
        throw InputError(message: "cannot make the folder \"\(out)\": \(reason)")
      }
    }
    return made
  }

  /// Removes `folders` (outermost first), innermost first, each only if
  /// it is empty: something put there meanwhile is not ours to remove.
  private static func removeEmpty(_ folders: [String]) {
    for folder in folders.reversed() { _ = rmdir(folder) }
  }

  /// Makes a new empty folder `prefix` + a random suffix in `parent`, for
  /// the target `name` (as errors name it).
  private static func makeSibling(_ parent: String, _ prefix: String, for name: String) throws -> String {
    for _ in 0..<100 {
      let path = (parent as NSString).appendingPathComponent(prefix + String(UInt32.random(in: 0...UInt32.max), radix: 36))
      if mkdir(path, 0o777) == 0 { return path }
      guard errno == EEXIST else {
        let shown = (parent as NSString).appendingPathComponent(prefix + "…")
        throw InputError(message: "cannot make the folder \"\(shown)\" for \(name): \(reason())")
      }
    }
    throw InputError(message: "cannot make a folder named \(prefix)… in \"\(parent)\": all names tried exist")
  }

  /// The system's reason for the last failed call.
  private static func reason() -> String { String(cString: strerror(errno)) }

  /// Foundation's reason, without the file name it repeats when it has
  /// the system's.
  private static func reason(_ error: Error) -> String {
    let underlying = (error as NSError).userInfo[NSUnderlyingErrorKey] as? NSError
    if let underlying, underlying.domain == NSPOSIXErrorDomain {
      return String(cString: strerror(Int32(underlying.code)))
    }
    return error.localizedDescription
  }
}
