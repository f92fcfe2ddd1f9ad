import Foundation
import TestSupport
import Testing

@testable import Makemore

/// Where the package's names.txt is found, and a clear error where it is not.
@Suite struct NamesFileTests {
  /// A folder of this test's own, removed after it.
  let temporary: TemporaryFolder
  var folder: URL { temporary.url }

  init() throws { temporary = try TemporaryFolder() }

  /// The resource bundle beside the program (or the tests) comes first.
  @Test func bundleBesideTheProgram() throws {
    let bundle = folder.appendingPathComponent("bin").appendingPathComponent(Words.resourceBundleName)
    try FileManager.default.createDirectory(at: bundle, withIntermediateDirectories: true)
    try Data("emma\n".utf8).write(to: bundle.appendingPathComponent("names.txt"))
    let found = Words.locateNames(
      in: [folder.appendingPathComponent("elsewhere"), folder.appendingPathComponent("bin")],
      source: Words.namesFile, missing: folder.appendingPathComponent("missing.txt"))
    #expect(found.standardizedFileURL.path == bundle.appendingPathComponent("names.txt").standardizedFileURL.path)
    #expect(try Words(contentsOf: found).words == ["emma"])
  }

  /// Without a bundle, the package's own copy in its sources.
  @Test func sourceCopyWithoutABundle() throws {
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/Makemore/Resources/names.txt")
    let found = Words.locateNames(in: [folder], source: source, missing: folder.appendingPathComponent("missing.txt"))
    #expect(found == source)
    #expect(try Words(contentsOf: found).words.count == 32_033)
  }

  /// Neither: reading says which file is missing (no crash, as SwiftPM's
  /// Bundle.module would).
  @Test func neitherIsAClearError() throws {
    let missing = folder.appendingPathComponent(Words.resourceBundleName).appendingPathComponent("names.txt")
    let found = Words.locateNames(
      in: [folder], source: folder.appendingPathComponent("no-source.txt"), missing: missing)
    #expect(found == missing)
    #expect(throws: MakemoreError.unreadable(path: missing.path, reason: "no such file")) {
      try Words(contentsOf: found)
    }
  }
}
