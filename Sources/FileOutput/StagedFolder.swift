internal import CFileSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A folder replaced all at once or not at all: a fresh folder is made
/// beside the target, filled, and swapped in by ``commit()`` only when
/// everything in it is written, so that nothing no longer made lingers and
/// a failure, or a kill, leaves the target as it was. `micrograd figures`
/// writes its folder this way, and so do the frames of `backward()`.
///
/// - The target must be missing, empty, or hold what the caller accepts
///   (a folder `micrograd figures` made, or earlier frames); any other
///   folder, or a file, is refused before anything is written. A missing
///   target is made, and its missing parent folders with it; a failure
///   removes the parent folders it made.
/// - A symbolic link to a folder is followed: the folder it leads to is
///   replaced and the link is kept.
/// - Hidden entries of the old folder (`.gitkeep`, `.DS_Store`, any name
///   that starts with ".") are moved into the fresh folder before the
///   swap: only the rest is replaced.
/// - The fresh folder is `.NAME.partial-RANDOM` beside the target, locked
///   while this process works in it (made as `.NAME.locking-RANDOM`, and
///   renamed once locked). Where the system can swap two
///   folders in one call (Linux's `renameat2` with `RENAME_EXCHANGE`,
///   macOS's `renamex_np` with `RENAME_SWAP`), the target is never
///   missing; elsewhere the old folder is, for a moment,
///   `.NAME.old-RANDOM`. What a killed run leaves is put right by the next
///   one (``Leftovers``): `NAME` restored from `.NAME.old-RANDOM` if it is
///   missing, the hidden entries given back, both folders removed.
public final class StagedFolder {
  /// The folder replaced, symbolic links resolved.
  public let target: String
  /// Where the new contents are written until ``commit()``.
  public let staging: String
  /// The target as errors name it: as given, and where a link leads.
  private let name: String
  /// Whether there is an old folder to move aside.
  private let existed: Bool
  /// The folders above the target that ``init(_:named:accepting:)`` made,
  /// outermost first; ``discard()`` removes them again (those still empty).
  private let madeParents: [String]
  /// The descriptor that holds the staging folder's lock; -1 once closed.
  private var lock: Int32

  /// Checks that `path` may be replaced, makes its parent folders if need
  /// be, puts right what a killed run left beside it, and makes the fresh
  /// folder beside it.
  ///
  /// - Parameters:
  ///   - path: The folder to replace.
  ///   - name: How messages name it: `--out "output"`.
  ///   - accepting: Given the old folder (links resolved) and the names of
  ///     its entries that are not hidden (sorted; never called for an empty
  ///     folder), why it must not be replaced, or `nil` when it may.
  /// - Throws: ``OutputError``, one line naming the folder and what to do;
  ///   nothing is written then.
  public convenience init(
    _ path: String, named name: String, accepting: (_ folder: String, _ entries: [String]) -> String?
  ) throws(OutputError) {
    try self.init(
      path, named: name, accepting: accepting,
      locking: { path throws(Leftovers.LockFailure) in
        try Leftovers.lock(path)
      })
  }

  /// ``init(_:named:accepting:)``, with the fresh folder locked by
  /// `locking` (`Leftovers.lock`; a test's stand-in fails as the system
  /// can).
  init(
    _ path: String, named name: String, accepting: (_ folder: String, _ entries: [String]) -> String?,
    locking: (String) throws(Leftovers.LockFailure) -> Int32
  ) throws(OutputError) {
    var path = URL(fileURLWithPath: path).standardizedFileURL.path
    var name = name
    if (try? FileManager.default.destinationOfSymbolicLink(atPath: path)) != nil {
      guard let real = realpath(path, nil) else {
        throw OutputError(
          "cannot follow the symbolic link \(name): \(Self.reason()); make the folder it leads to, or remove the link")
      }
      path = String(cString: real)
      free(real)
      name += " (a link to \"\(path)\")"
    }
    Self.putRight(path)
    var info = stat()
    if stat(path, &info) == 0 {
      guard info.st_mode & S_IFMT == S_IFDIR else {
        throw OutputError("\(name) is a file, not a folder; pass a folder")
      }
      let entries: [String]
      do {
        entries = try FileManager.default.contentsOfDirectory(atPath: path).filter { !$0.hasPrefix(".") }.sorted()
      } catch {
        throw OutputError("cannot read the folder \(name): \(Self.reason(error))")
      }
      if !entries.isEmpty, let refusal = accepting(path, entries) {
        throw OutputError("will not replace \(name): \(refusal)")
      }
      existed = true
      madeParents = []
    } else {
      do {
        madeParents = try Folders.make(path, includingLast: false)
      } catch {
        throw OutputError(error.description)
      }
      existed = false
    }
    let parent = (path as NSString).deletingLastPathComponent
    let base = (path as NSString).lastPathComponent
    // Made as `.NAME.locking-R`, locked, and only then named
    // `.NAME.partial-R`: a partial folder that is not locked is a
    // leftover, whatever is in it.
    let made: String
    do {
      made = try Self.makeSibling(parent, "." + base + ".locking-", for: name, shown: Self.partialPrefix(base))
    } catch {
      Folders.removeEmpty(madeParents)
      throw error
    }
    // Unlocked, the folder would be taken for a killed run's leftover
    // and removed while this run writes into it.
    do {
      lock = try locking(made)
    } catch {
      rmdir(made)
      Folders.removeEmpty(madeParents)
      let shown = (parent as NSString).appendingPathComponent(Self.partialPrefix(base) + "…")
      throw OutputError(
        "cannot lock the new folder \"\(shown)\" for \(name): \(error.reason); nothing is written")
    }
    staging = (parent as NSString).appendingPathComponent(
      Self.partialPrefix(base) + (made as NSString).lastPathComponent.dropFirst(base.count + 10))
    guard rename(made, staging) == 0 else {
      let reason = Self.reason()
      close(lock)
      rmdir(made)
      Folders.removeEmpty(madeParents)
      throw OutputError("cannot make the folder \"\(staging)\" for \(name): \(reason)")
    }
    target = path
    self.name = name
  }

  /// `.NAME.partial-`: the start of the staging folders' names.
  static func partialPrefix(_ base: String) -> String { "." + base + ".partial-" }
  /// `.NAME.old-`: the start of the old folders' names.
  static func oldPrefix(_ base: String) -> String { "." + base + ".old-" }

  /// Puts the fresh folder in the target's place and removes the old one,
  /// keeping the old folder's permissions and its hidden entries (moved
  /// into the fresh folder first). If the fresh folder cannot be moved
  /// in, the old one is put back, its hidden entries too, and the fresh
  /// one removed.
  ///
  /// - Returns: A warning when the new contents are in place but the old
  ///   folder, moved aside, could not be removed.
  /// - Throws: ``OutputError`` when the target is left as it was (or,
  ///   should even putting it back fail, saying where it is).
  public func commit() throws(OutputError) -> String? {
    defer { unlock() }
    var info = stat()
    if existed, stat(target, &info) == 0 {
      // Best effort: the contents are no less right with the usual permissions.
      _ = chmod(staging, info.st_mode & 0o7777)
    }
    guard existed else {
      guard rename(staging, target) == 0 else {
        let reason = Self.reason()
        discard()
        throw OutputError("cannot move the new folder into \(name): \(reason)")
      }
      return nil
    }
    let carried = try carryHiddenEntries()
    // One call where the system has it: the target is never missing.
    if cfs_swap(staging, target) == 0 {
      do {
        try FileManager.default.removeItem(atPath: staging)
      } catch {
        return "\(name) is replaced, but the old folder \"\(staging)\" could not be removed: \(Self.reason(error))"
      }
      return nil
    }
    // An empty folder reserves the name, and rename replaces an empty folder.
    let parent = (target as NSString).deletingLastPathComponent
    let old: String
    do {
      old = try Self.makeSibling(
        parent,
        Self.oldPrefix((target as NSString).lastPathComponent)
          + (staging as NSString).lastPathComponent.split(separator: "-").last.map(String.init)!, for: name, exact: true
      )
    } catch {
      throw OutputError(error.message + "; " + restore(carried))
    }
    guard rename(target, old) == 0 else {
      let reason = Self.reason()
      rmdir(old)
      throw OutputError("cannot move \(name) aside: \(reason); \(restore(carried))")
    }
    guard rename(staging, target) == 0 else {
      let reason = Self.reason()
      guard rename(old, target) == 0 else {
        throw OutputError(
          "cannot move the new folder into \(name) (\(reason)) nor the old folder back (\(Self.reason())); "
            + "the old folder is \"\(old)\", the new one \"\(staging)\""
            + (carried.isEmpty ? "" : " (with the old folder's hidden entries)"))
      }
      throw OutputError("cannot move the new folder into \(name): \(reason); \(restore(carried))")
    }
    do {
      try FileManager.default.removeItem(atPath: old)
    } catch {
      return "\(name) is replaced, but the old folder \"\(old)\" could not be removed: \(Self.reason(error))"
    }
    return nil
  }

  /// Moves the target's hidden entries into the fresh folder, by name
  /// (not a killed run's temporary files, which are removed with the old
  /// folder).
  ///
  /// - Returns: The names moved.
  /// - Throws: ``OutputError`` when one cannot be moved (or the fresh
  ///   folder holds one of that name); those moved are put back first.
  private func carryHiddenEntries() throws(OutputError) -> [String] {
    let entries: [String]
    do {
      entries = try FileManager.default.contentsOfDirectory(atPath: target)
    } catch {
      discard()
      throw OutputError("cannot read the folder \(name): \(Self.reason(error)); it is unchanged")
    }
    var moved: [String] = []
    for entry in entries.sorted() where entry.hasPrefix(".") && !Leftovers.isTemporaryFile(entry, in: target) {
      let destination = (staging as NSString).appendingPathComponent(entry)
      var info = stat()
      let reason: String
      if lstat(destination, &info) == 0 {
        reason = "the new folder holds one of that name"  // rename would replace it
      } else if rename((target as NSString).appendingPathComponent(entry), destination) == 0 {
        moved.append(entry)
        continue
      } else {
        reason = Self.reason()
      }
      throw OutputError("cannot move \"\(entry)\" from \(name) into the new folder: \(reason); \(restore(moved))")
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
      rename((staging as NSString).appendingPathComponent(entry), (target as NSString).appendingPathComponent(entry))
        != 0
    }
    guard stuck.isEmpty else {
      let names = stuck.map { "\"\($0)\"" }.joined(separator: ", ")
      return "it is unchanged but for its hidden \(names), which could not be put back from \"\(staging)\""
    }
    discard()
    return "it is unchanged"
  }

  /// Removes the fresh folder and whatever was written into it, and the
  /// parent folders ``init(_:named:accepting:)`` made, if nothing else is
  /// in them.
  public func discard() {
    // Nothing more to do if this fails: the folder is hidden, unlocked
    // once this process ends, and removed by the next run.
    try? FileManager.default.removeItem(atPath: staging)
    unlock()
    Folders.removeEmpty(madeParents)
  }

  /// Drops the staging folder's lock.
  private func unlock() {
    if lock >= 0 { close(lock) }
    lock = -1
  }

  /// Puts right what killed runs left beside `target`: the target put back
  /// from `.NAME.old-R` if it is missing (and no run is working on
  /// `.NAME.partial-R`), the hidden entries the target lacks given back
  /// from abandoned partial folders, and the leftovers removed. Only
  /// folders of exactly these names are touched (``isSibling(_:of:_:in:)``).
  static func putRight(_ target: String) {
    let parent = (target as NSString).deletingLastPathComponent
    let base = (target as NSString).lastPathComponent
    guard let entries = try? FileManager.default.contentsOfDirectory(atPath: parent) else { return }
    let partial = partialPrefix(base)
    let oldPrefix = oldPrefix(base)
    func path(_ entry: String) -> String { (parent as NSString).appendingPathComponent(entry) }
    for entry in entries.sorted() where isSibling(entry, of: base, "old", in: parent) {
      let live = path(partial + entry.dropFirst(oldPrefix.count))
      if FileManager.default.fileExists(atPath: live), !Leftovers.isUnlocked(live) { continue }
      var info = stat()
      if lstat(target, &info) != 0, rename(path(entry), target) == 0 { continue }
      try? FileManager.default.removeItem(atPath: path(entry))
    }
    for entry in entries.sorted()
    where isSibling(entry, of: base, "locking", in: parent) && Leftovers.isAbandoned(path(entry)) {
      _ = rmdir(path(entry))
    }
    for entry in entries.sorted()
    where (isSibling(entry, of: base, "partial", in: parent) || isNested(entry, of: base, in: parent))
      && Leftovers.isUnlocked(path(entry))
    {
      let folder = path(entry)
      let hidden = (try? FileManager.default.contentsOfDirectory(atPath: folder)) ?? []
      for name in hidden.sorted() where name.hasPrefix(".") && !Leftovers.isTemporaryFile(name, in: folder) {
        let back = (target as NSString).appendingPathComponent(name)
        var info = stat()
        if lstat(back, &info) != 0 { _ = rename((folder as NSString).appendingPathComponent(name), back) }
      }
      try? FileManager.default.removeItem(atPath: folder)
    }
  }

  /// Whether `entry` of `parent` is a folder that a staged write of `base`
  /// makes: `.BASE.KIND-RANDOM` (`kind` is `partial`, `locking` or `old`;
  /// RANDOM as ``Leftovers`` says), a folder, not a link. A user's
  /// `.out.partial-notes.txt`, or a file of such a name, is not.
  static func isSibling(_ entry: some StringProtocol, of base: String, _ kind: String, in parent: String) -> Bool {
    let prefix = "." + base + "." + kind + "-"
    return entry.hasPrefix(prefix) && Leftovers.isRandom(entry.dropFirst(prefix.count))
      && isFolder((parent as NSString).appendingPathComponent(String(entry)))
  }

  /// Whether `entry` of `parent` is a folder that a staged write of a
  /// staging folder of `base` makes: `..BASE.partial-R.KIND-S` (the
  /// frames staged by `micrograd draw`, each frame write staged too).
  static func isNested(_ entry: String, of base: String, in parent: String) -> Bool {
    let prefix = "." + partialPrefix(base)
    guard entry.hasPrefix(prefix) else { return false }
    let rest = entry.dropFirst(prefix.count)
    guard let dot = rest.firstIndex(of: "."), Leftovers.isRandom(rest[..<dot]) else { return false }
    let inner = String(entry[..<dot])  // `..BASE.partial-R`
    return ["partial", "locking", "old"].contains {
      isSibling(entry, of: String(inner.dropFirst()), $0, in: parent)
    }
  }

  /// Whether `path` is a folder itself (not a link to one).
  private static func isFolder(_ path: String) -> Bool {
    var info = stat()
    return lstat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFDIR
  }

  /// Makes a new empty folder `prefix` + a random suffix (or, `exact`,
  /// `prefix` itself) in `parent`, for the target `name` (as errors name it).
  private static func makeSibling(
    _ parent: String, _ prefix: String, for name: String, exact: Bool = false, shown: String? = nil
  ) throws(OutputError) -> String {
    for _ in 0..<(exact ? 1 : 100) {
      let path = (parent as NSString).appendingPathComponent(
        prefix + (exact ? "" : String(UInt32.random(in: 0...UInt32.max), radix: 36)))
      if mkdir(path, 0o777) == 0 { return path }
      guard errno == EEXIST else {
        let shown = (parent as NSString).appendingPathComponent((shown ?? prefix) + (exact ? "" : "…"))
        throw OutputError("cannot make the folder \"\(shown)\" for \(name): \(reason())")
      }
    }
    throw OutputError("cannot make a folder named \(prefix)… in \"\(parent)\": all names tried exist")
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
