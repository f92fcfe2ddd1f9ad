import FileOutput
import Foundation
import Testing

/// A fresh folder under the temporary folder, removed on deinit.
final class Folder {
  let path: String

  init() throws {
    path = FileManager.default.temporaryDirectory.appendingPathComponent("FileOutputTests-\(UUID().uuidString)").path
    try FileManager.default.createDirectory(atPath: path, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(atPath: path) }

  func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: path).sorted() }
}

@Suite struct AtomicFileTests {
  @Test func writesAndReplacesWhole() throws {
    let folder = try Folder()
    let file = folder.path + "/a.txt"
    try AtomicFile.write(Data("first".utf8), to: file)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "first")
    try AtomicFile.write("second, longer\n", to: file)
    #expect(try String(contentsOfFile: file, encoding: .utf8) == "second, longer\n")
    try AtomicFile.write(Data(), to: file)
    #expect(try Data(contentsOf: URL(fileURLWithPath: file)).isEmpty)
    // Nothing left beside it.
    #expect(try folder.files() == ["a.txt"])
  }

  /// The error names the path and the system's reason, in the words
  /// every writer of the package shows: `cannot write "PATH": REASON`.
  @Test func failuresNameThePathAndTheReason() throws {
    let folder = try Folder()
    let missing = folder.path + "/no/such/folder/a.txt"
    #expect(throws: AtomicFileError(path: missing, reason: "No such file or directory")) {
      try AtomicFile.write("x", to: missing)
    }
    let file = folder.path + "/file"
    try AtomicFile.write("x", to: file)
    #expect(throws: AtomicFileError(path: file + "/a.txt", reason: "Not a directory")) {
      try AtomicFile.write("x", to: file + "/a.txt")
    }
    #expect(throws: AtomicFileError(path: folder.path + "/", reason: "the path names no file")) {
      try AtomicFile.write("x", to: folder.path + "/")
    }
    #expect(throws: AtomicFileError(path: "", reason: "the path names no file")) {
      try AtomicFile.write("x", to: "")
    }
    let error = AtomicFileError(path: "/x/a.txt", reason: "Permission denied")
    #expect(error.description == "cannot write \"/x/a.txt\": Permission denied")
    #expect(error.localizedDescription == error.description)
  }

  /// A folder in the way of the rename: the old entry stays, and the
  /// temporary file is removed.
  @Test func aFailedRenameLeavesNothingBehind() throws {
    let folder = try Folder()
    let target = folder.path + "/a.txt"
    try FileManager.default.createDirectory(atPath: target + "/inside", withIntermediateDirectories: true)
    #expect(throws: AtomicFileError.self) { try AtomicFile.write("x", to: target) }
    #expect(try folder.files() == ["a.txt"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: target) == ["inside"])
  }

  /// Written in one go: many tasks replacing one file never leave a mix.
  @Test func concurrentWritersLeaveOneWholeFile() async throws {
    let folder = try Folder()
    let file = folder.path + "/shared.txt"
    let texts = (0..<16).map { String(repeating: Character(UnicodeScalar(UInt8(97 + $0))), count: 100_000) }
    try await withThrowingTaskGroup(of: Void.self) { group in
      for text in texts {
        group.addTask { try AtomicFile.write(text, to: file) }
      }
      try await group.waitForAll()
    }
    #expect(texts.contains(try String(contentsOfFile: file, encoding: .utf8)))
    #expect(try folder.files() == ["shared.txt"])
  }
}
