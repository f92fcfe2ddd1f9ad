import Foundation
import Testing

/// The repository's root folder (this file is Tests/RepositoryTests/EngineReadingOrderTests.swift).
private let root = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The DocC article that tells a learner which files of the engine to read,
/// in order, names files that exist.
@Suite("The engine's reading order")
struct EngineReadingOrderTests {
  @Test("every Swift file that TheEngine's \"Reading the source\" names exists")
  func namedFilesExist() throws {
    let article = try String(
      contentsOf: root.appendingPathComponent("Sources/Micrograd/Documentation.docc/TheEngine.md"), encoding: .utf8)
    let section = try #require(article.components(separatedBy: "### Reading the source").dropFirst().first)
      .components(separatedBy: "\n### ")[0]
    // Every `…​.swift` in backquotes, a path relative to a folder of the
    // engine or of its tests (`Operations/Add.swift`, `Exp.swift`).
    let names = section.components(separatedBy: "`").enumerated()
      .filter { $0.offset % 2 == 1 && $0.element.hasSuffix(".swift") }.map(\.element)
    #expect(names.count >= 10, "\(names)")
    let files = try swiftFiles(under: ["Sources/Micrograd", "Tests/MicrogradTests"])
    for name in names {
      #expect(files.contains { $0.hasSuffix("/" + name) }, "TheEngine.md names \(name), which is not in the engine")
    }
  }

  /// The Swift files under `folders`, relative to the root.
  private func swiftFiles(under folders: [String]) throws -> [String] {
    try folders.flatMap { folder -> [String] in
      let base = root.appendingPathComponent(folder)
      let enumerator = try #require(FileManager.default.enumerator(atPath: base.path))
      return enumerator.compactMap { $0 as? String }.filter { $0.hasSuffix(".swift") }.map { "\(folder)/\($0)" }
    }
  }
}
