import Foundation
import Testing

@testable import FileOutput

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Only what the package makes is a leftover: its exact names and kinds.
/// A user's file or folder that looks like one is theirs, and stays; and
/// a staging folder that cannot be locked is an error, not a folder the
/// next run would take for a leftover.
@Suite struct LeftoversTests {
  /// Writes `text` into the file `name` of `folder`.
  func file(_ name: String, in folder: Folder, _ text: String = "mine") throws {
    try Data(text.utf8).write(to: URL(fileURLWithPath: folder.path + "/" + name))
  }

  func folder(_ name: String, in folder: Folder) throws {
    try FileManager.default.createDirectory(atPath: folder.path + "/" + name, withIntermediateDirectories: true)
  }

  @Test func namesAreExact() {
    for ours in [".atomic-0.tmp", ".atomic-1z141z3.tmp", ".step-000.svg.partial", ".step-1200.png.partial"] {
      #expect(Leftovers.isTemporaryFile(ours), "\(ours)")
    }
    for theirs in [
      ".x.partial", ".notes.partial", ".atomic-.tmp", ".atomic-MINE.tmp", ".atomic-12345678.tmp", ".atomic-a b.tmp",
      ".atomic-abc.tmp.bak", ".step-01.svg.partial", ".step-001.partial", ".step-001.s-g.partial",
      ".chain-step-001.svg.partial",
    ] {
      #expect(!Leftovers.isTemporaryFile(theirs), "\(theirs)")
    }
  }

  /// A write into a folder removes the dead temporary files of its own,
  /// and nothing that only looks like one: a hidden `.x.partial` file, a
  /// name with capitals or too long a number, a folder of such a name.
  @Test func aWriteRemovesOnlyItsOwnTemporaryFiles() throws {
    let out = try Folder()
    try file(".atomic-dead.tmp", in: out, "half")
    let theirs = [".x.partial", ".atomic-MINE.tmp", ".atomic-abcdefgh.tmp", ".step-001.svg.partial"]
    for name in theirs { try file(name, in: out) }
    try folder(".atomic-abc.tmp", in: out)
    try AtomicFile.write("x", to: out.path + "/a.txt")
    #expect(try out.files() == (theirs + [".atomic-abc.tmp", "a.txt"]).sorted())
  }

  /// A staged folder keeps the target's hidden entries that look like
  /// leftovers but are not (a `.x.partial` file, folders of the
  /// temporary files' names); an older version's partial frame, a
  /// regular file, is not carried.
  @Test func hiddenLookalikesAreCarriedIntoTheNewFolder() throws {
    let root = try Folder()
    let target = root.path + "/fr"
    try FileManager.default.createDirectory(atPath: target + "/.atomic-abc.tmp", withIntermediateDirectories: true)
    try FileManager.default.createDirectory(
      atPath: target + "/.step-002.svg.partial", withIntermediateDirectories: true)
    for name in [".x.partial", "step-000.svg", ".step-001.svg.partial"] {
      try Data("mine".utf8).write(to: URL(fileURLWithPath: target + "/" + name))
    }
    let staged = try StagedFolder(target, named: "fr", accepting: FrameNumber.refusal(base: "step"))
    try Data("new".utf8).write(to: URL(fileURLWithPath: staged.staging + "/step-000.svg"))
    #expect(try staged.commit() == nil)
    let kept = try FileManager.default.contentsOfDirectory(atPath: target).sorted()
    #expect(kept == [".atomic-abc.tmp", ".step-002.svg.partial", ".x.partial", "step-000.svg"])
    #expect(try String(contentsOfFile: target + "/.x.partial", encoding: .utf8) == "mine")
    #expect(try root.files() == ["fr"])
  }

  /// Beside the target, only folders of the exact staged names are put
  /// right: a user's file `.out.old-abc` does not become `out`, and a
  /// `.out.partial-abc` file or a `.out.partial-notes.txt` folder stays.
  @Test func lookalikesBesideTheTargetStay() throws {
    let root = try Folder()
    try file(".out.old-abc", in: root)
    try file(".out.partial-abc", in: root)
    try file(".out.locking-abc", in: root)
    try folder(".out.partial-notes.txt", in: root)
    try folder("..out.partial-abc.partial-Q", in: root)
    try folder(".out.partial-dead", in: root)  // an abandoned staging folder: removed
    let staged = try StagedFolder(root.path + "/out", named: "out") { _, _ in nil }
    staged.discard()
    #expect(
      try root.files() == [
        "..out.partial-abc.partial-Q", ".out.locking-abc", ".out.old-abc", ".out.partial-abc",
        ".out.partial-notes.txt",
      ])
  }

  /// A staging folder that cannot be locked (the system refuses: no locks
  /// left, say) is an error that says so; nothing is left, not even the
  /// parent folders it made.
  @Test func aFailedLockIsAnError() throws {
    let root = try Folder()
    #expect(
      throws: OutputError(
        "cannot lock the new folder \"\(root.path)/made/.out.partial-…\" for --out \"out\": No locks available; "
          + "nothing is written")
    ) {
      let refuse = { (_: String) throws(Leftovers.LockFailure) -> Int32 in
        throw Leftovers.LockFailure(reason: "No locks available")
      }
      _ = try StagedFolder(root.path + "/made/out", named: "--out \"out\"", accepting: { _, _ in nil }, locking: refuse)
    }
    #expect(try root.files() == [])
  }
}
