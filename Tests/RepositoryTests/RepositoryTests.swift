import Foundation
import Testing

/// The repository's root folder (this file is Tests/RepositoryTests/RepositoryTests.swift).
private let root = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every path in the working tree, relative to the root, folders included;
/// git's and the build's own folders are left out.
private func repositoryPaths() throws -> [String] {
  var paths: [String] = []
  var pending = [""]
  while let folder = pending.popLast() {
    let url = folder.isEmpty ? root : root.appendingPathComponent(folder)
    for name in try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() {
      if folder.isEmpty, name == ".git" || name == ".swiftpm" || name.hasPrefix(".build") { continue }
      let path = folder.isEmpty ? name : folder + "/" + name
      paths.append(path)
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: root.appendingPathComponent(path).path, isDirectory: &isFolder),
        isFolder.boolValue
      {
        pending.append(path)
      }
    }
  }
  return paths.sorted()
}

/// A clone builds on macOS's case-insensitive disk and needs nothing
/// beside it.
@Suite struct RepositoryTests {
  /// Two paths that differ only in case (`Sources/micrograd` and
  /// `Sources/Micrograd`) are one folder on macOS's default file system.
  @Test func noTwoPathsDifferOnlyInCase() throws {
    let paths = try repositoryPaths()
    #expect(paths.contains("Sources/Micrograd") && paths.contains("Sources/MicrogradCLI"))
    let clashes = caseClashes(paths)
    #expect(clashes.isEmpty, "paths that are one on a case-insensitive disk: \(clashes)")
  }

  /// The check itself finds a clash, in a folder's name as in a file's.
  @Test func caseCheckFindsClashes() {
    #expect(caseClashes(["Sources/Micrograd", "Sources/micrograd", "Sources/MicrogradCLI"])
      == [["Sources/Micrograd", "Sources/micrograd"]])
    #expect(caseClashes(["output/add.svg", "output/Add.svg", "output/ADD.svg"]).count == 1)
    #expect(caseClashes(["a", "a/b", "A"]) == [["A", "a"]])
    #expect(caseClashes(["caf\u{E9}", "cafe\u{301}"]).count == 1)
    #expect(caseClashes(["a", "b"]).isEmpty)
  }

  /// Nothing in the package, its tests, its scripts or its README reads
  /// the folder that happens to stand beside this clone.
  @Test func nothingReadsOutsideTheRepository() throws {
    let needle = ".." + "/shared"
    var readers: [String] = []
    for path in try repositoryPaths() {
      guard let text = try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8) else { continue }
      if text.contains(needle) { readers.append(path) }
    }
    #expect(readers.isEmpty, "files that name \(needle): \(readers)")
  }

  /// The executable is built from the dependency versions that were tested.
  @Test func packageResolvedIsCommitted() throws {
    let resolved = try String(contentsOf: root.appendingPathComponent("Package.resolved"), encoding: .utf8)
    for dependency in ["swift-argument-parser", "swift-snapshot-testing"] {
      #expect(resolved.contains("/\(dependency)"), "Package.resolved pins no \(dependency)")
    }
    let ignored = try String(contentsOf: root.appendingPathComponent(".gitignore"), encoding: .utf8)
    #expect(!ignored.split(separator: "\n").contains("Package.resolved"))
  }
}

/// Groups of paths that name one file on a case-insensitive disk (macOS's
/// APFS and HFS+ also ignore the difference between composed and decomposed
/// accents), each sorted; groups in order.
func caseClashes(_ paths: [String]) -> [[String]] {
  var groups: [String: [String]] = [:]
  for path in paths {
    groups[path.precomposedStringWithCanonicalMapping.lowercased(), default: []].append(path)
  }
  return groups.values.filter { $0.count > 1 }.map { $0.sorted() }.sorted { $0[0] < $1[0] }
}
