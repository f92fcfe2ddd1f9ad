import FileOutput
import Foundation
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The plumbing each program shares: one escaping, one frame numbering,
/// one visible text, and what a killed run leaves put right.
@Suite struct PlumbingTests {
  @Test func htmlEscapesAllFiveCharacters() {
    #expect(Escaping.html("a < b & 'c' > \"d\"") == "a &lt; b &amp; &#39;c&#39; &gt; &quot;d&quot;")
    #expect(Escaping.html("ünïcødé") == "ünïcødé")
  }

  @Test func jsonStringsAreSafeInsideAScript() {
    #expect(Escaping.json("say \"hi\"\n\\") == "\"say \\\"hi\\\"\\n\\\\\"")
    #expect(Escaping.json("</script><!--") == "\"\\u003c/script\\u003e\\u003c!--\"")
    #expect(Escaping.json("\u{1}\u{7F}\u{2028}") == "\"\\u0001\\u007f\\u2028\"")
  }

  @Test func framesAreNumberedAndReadBack() {
    #expect(FrameNumber.name("step", 7, of: 8) == "step-007")
    #expect(FrameNumber.name("chain-step", 12, of: 1_200) == "chain-step-0012")
    #expect(FrameNumber.parse("chain-step-007")! == ("chain-step", 7))
    #expect(FrameNumber.parse("step-12") == nil)
    #expect(FrameNumber.parse("step-0a1") == nil)
  }

  /// Bidirectional controls and zero-width characters are shown as their
  /// escapes, as C1 controls are; C0 controls as pictures.
  @Test func reorderingAndHiddenCharactersAreVisible() {
    for value: UInt32 in [0x202A, 0x202E, 0x2066, 0x2069, 0x200B, 0x200D, 0x2060, 0xFEFF] {
      let c = String(Character(Unicode.Scalar(value)!))
      #expect(Terminal.visible("a\(c)b") == "a\\u{\(String(value, radix: 16, uppercase: true))}b")
    }
    #expect(Terminal.visible("\u{1B}[2J\u{9B}") == "␛[2J\\u{9B}")
    #expect(Terminal.visible("ünïcødé 你好 🎉") == "ünïcødé 你好 🎉")
  }

  @Test func longInputIsQuotedShort() {
    let long = String(repeating: "x", count: 50_000)
    #expect(Terminal.quoted(long) == String(repeating: "x", count: 80) + "… (50,000 characters)")
    #expect(Terminal.quoted("short") == "short")
  }

  /// An unlocked temporary file with something in it was left by a killed
  /// run: the next write into the folder removes it. A locked one (a
  /// writer at work) stays.
  @Test func leftoverTemporaryFilesAreRemoved() throws {
    let folder = try Folder()
    try Data("half".utf8).write(to: URL(fileURLWithPath: folder.path + "/.atomic-dead.tmp"))
    let live = folder.path + "/.atomic-live.tmp"
    try Data("half".utf8).write(to: URL(fileURLWithPath: live))
    let fd = open(live, O_RDONLY)
    defer { close(fd) }
    #expect(flock(fd, LOCK_EX) == 0)
    try AtomicFile.write("x", to: folder.path + "/a.txt")
    #expect(try folder.files() == [".atomic-live.tmp", "a.txt"])
  }

  /// A kill between the two renames of a commit left the target missing:
  /// the next staged folder puts it back before anything else.
  @Test func aMissingTargetIsPutBack() throws {
    let folder = try Folder()
    let old = folder.path + "/.out.old-abc"
    try FileManager.default.createDirectory(atPath: old, withIntermediateDirectories: true)
    try Data("old".utf8).write(to: URL(fileURLWithPath: old + "/a.svg"))
    let abandoned = folder.path + "/.out.partial-xyz"
    try FileManager.default.createDirectory(atPath: abandoned, withIntermediateDirectories: true)
    try Data("new".utf8).write(to: URL(fileURLWithPath: abandoned + "/b.svg"))
    let staged = try StagedFolder(folder.path + "/out", named: "out") { _, _ in nil }
    #expect(try String(contentsOfFile: folder.path + "/out/a.svg", encoding: .utf8) == "old")
    #expect(try folder.files() == [(staged.staging as NSString).lastPathComponent, "out"].sorted())
    try Data("newer".utf8).write(to: URL(fileURLWithPath: staged.staging + "/a.svg"))
    #expect(try staged.commit() == nil)
    #expect(try String(contentsOfFile: folder.path + "/out/a.svg", encoding: .utf8) == "newer")
    #expect(try folder.files() == ["out"])
  }

  /// What the path points to decides how it is written.
  @Test func destinations() throws {
    let folder = try Folder()
    #expect(try Destination("-") == .standardOutput)
    #expect(try Destination("/dev/stdout") == .standardOutput)
    #expect(try Destination("/dev/null") == .inPlace("/dev/null"))
    try FileManager.default.createSymbolicLink(atPath: folder.path + "/link", withDestinationPath: "deeper/file")
    #expect(try Destination(folder.path + "/link") == .file(folder.path + "/deeper/file"))
    #expect(throws: AtomicFileError(path: folder.path, reason: "Is a directory")) { try Destination(folder.path) }
  }
}
