import Foundation
import TestSupport
import Testing

/// `micrograd makemore train` reads the names the package carries, from
/// any folder, with nothing beside the repository.
@Suite struct PackagedNamesTests {
  static let quickRun = ["makemore", "train", "--steps", "0", "--hidden-size", "16", "--samples", "0", "--quiet"]

  @Test func trainFromAnEmptyFolder() throws {
    let folder = try TemporaryFolder()
    let result = try run("micrograd", Self.quickRun, in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("data: 182,625 train / 22,655 dev examples (25,626 / 3,203 / 3,204 words)"))
    #expect(try folder.files().isEmpty)
  }

  /// A copy of the program, away from the build folder and its resource
  /// bundle, still finds them (the package's own copy), instead of
  /// stopping as SwiftPM's Bundle.module does.
  @Test func copiedProgramStillFindsTheNames() throws {
    let folder = try TemporaryFolder()
    let copy = folder.url.appendingPathComponent("micrograd")
    try FileManager.default.copyItem(at: productsFolder.appendingPathComponent("micrograd"), to: copy)
    let result = try run(copy.path, Self.quickRun, in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("(25,626 / 3,203 / 3,204 words)"))
  }
}
