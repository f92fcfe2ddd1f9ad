import FileOutput
import Foundation
import Testing

/// A staged file is written beside its destination and changes nothing
/// until it is committed; discarded, or dropped, it leaves nothing behind.
@Suite struct StagedFileTests {
  @Test func changesNothingUntilCommitted() throws {
    let folder = try Folder()
    let file = folder.path + "/figure.svg"
    try AtomicFile.write("old", to: file)
    let staged = try AtomicFile.stage(Data("new".utf8), to: file)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "old")
    #expect(try folder.files().count == 2, "the staged bytes wait beside the file")
    try staged.commit()
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
    #expect(try folder.files() == ["figure.svg"])
    try staged.commit()  // a second commit does nothing
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "new")
  }

  @Test func discardedOrDroppedLeavesTheFileAsItWas() throws {
    let folder = try Folder()
    let file = folder.path + "/figure.svg"
    try AtomicFile.write("old", to: file)
    let staged = try AtomicFile.stage(Data("new".utf8), to: file)
    staged.discard()
    try staged.commit()  // after discard, nothing to put in place
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "old")
    #expect(try folder.files() == ["figure.svg"])
    do {
      _ = try AtomicFile.stage(Data("dropped".utf8), to: file)
    }
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "old")
    #expect(try folder.files() == ["figure.svg"])
  }

  @Test func failsAsWritingWouldAndLeavesNothing() throws {
    let folder = try Folder()
    let missing = folder.path + "/no/such/figure.svg"
    #expect(throws: AtomicFileError(path: missing, reason: "No such file or directory")) {
      _ = try AtomicFile.stage(Data("x".utf8), to: missing)
    }
    #expect(try folder.files().isEmpty)
  }

  /// A stream cannot be taken back: its bytes are written by the commit.
  @Test func aStreamIsWrittenByTheCommit() throws {
    let staged = try AtomicFile.stage(Data("x".utf8), to: "/dev/null")
    try staged.commit()
    #expect(staged.path == "/dev/null")
  }
}
