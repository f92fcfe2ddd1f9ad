import Foundation
import Testing

/// The repository's root folder (this file is Tests/RepositoryTests/RepositoryTests.swift).
private let root = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Every path of the repository, relative to the root, folders included:
/// what git tracks and would add (`git ls-files`), so that a clash is seen
/// even on a case-insensitive disk, where checking out merges the two
/// paths into one. Without git, every path in the working tree (git's and
/// the build's own folders left out).
func repositoryPaths() throws -> [String] {
  if let files = try? gitFiles() {
    var paths = Set(files)
    for file in files {
      var folder = (file as NSString).deletingLastPathComponent
      while !folder.isEmpty, paths.insert(folder).inserted {
        folder = (folder as NSString).deletingLastPathComponent
      }
    }
    return paths.sorted()
  }
  return try workingTreePaths()
}

/// The files git tracks, and the untracked ones it does not ignore.
private func gitFiles() throws -> [String] {
  let git = Process()
  git.executableURL = URL(fileURLWithPath: "/usr/bin/env")
  git.arguments = ["git", "-C", root.path, "ls-files", "-z", "--cached", "--others", "--exclude-standard"]
  let output = Pipe()
  git.standardOutput = output
  git.standardError = FileHandle.nullDevice
  try git.run()
  let data = output.fileHandleForReading.readDataToEndOfFile()
  git.waitUntilExit()
  let files = data.split(separator: 0).map { String(decoding: $0, as: UTF8.self) }
  guard git.terminationStatus == 0, !files.isEmpty else { throw CocoaError(.fileReadUnknown) }
  return files
}

/// Every path in the working tree.
private func workingTreePaths() throws -> [String] {
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
    #expect(paths.contains("Sources/Micrograd/Engine/Value.swift") && paths.contains("output/neuron.svg"))
    #expect(!paths.contains { $0.hasPrefix(".build") || $0.hasPrefix(".git/") })
    let clashes = caseClashes(paths)
    #expect(clashes.isEmpty, "paths that are one on a case-insensitive disk: \(clashes)")
  }

  /// The check itself finds a clash, in a folder's name as in a file's.
  @Test func caseCheckFindsClashes() {
    #expect(
      caseClashes(["Sources/Micrograd", "Sources/micrograd", "Sources/MicrogradCLI"])
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

  /// The explorer page's script and style sheet are files that a linter
  /// reads (Sources/GraphRender/Explorer/Web, embedded at build time), not
  /// strings inside Swift.
  @Test func theExplorersScriptIsNotInsideSwift() throws {
    let needle = "addEvent" + "Listener"
    let paths = try repositoryPaths()
    let swiftWithScript = paths.filter { path in
      path.hasSuffix(".swift")
        && (try? String(contentsOf: root.appendingPathComponent(path), encoding: .utf8))?.contains(needle) == true
    }
    #expect(swiftWithScript.isEmpty, "Swift files with the page's script: \(swiftWithScript)")
    let scripts = paths.filter { $0.hasPrefix("Sources/GraphRender/Explorer/Web/") && $0.hasSuffix(".js") }
    #expect(!scripts.isEmpty)
  }

  /// README is a newcomer's first steps, under 250 lines; reference
  /// material belongs in the DocC catalogs.
  @Test func readmeStaysShort() throws {
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    let lines = readme.split(separator: "\n", omittingEmptySubsequences: false).count - 1
    #expect(lines < 250, "README.md has \(lines) lines; move reference material into a DocC catalog")
  }

  /// The line counts the docs give for a program to read are its own.
  @Test func statedLineCountsAreCurrent() throws {
    let lines =
      try String(contentsOf: root.appendingPathComponent("Examples/names-mlp/main.swift"), encoding: .utf8)
      .split(separator: "\n", omittingEmptySubsequences: false).count - 1
    let readme = try String(contentsOf: root.appendingPathComponent("README.md"), encoding: .utf8)
    #expect(readme.contains("`names-mlp` is makemore part 2 in \(lines) lines"))
    let article = try String(
      contentsOf: root.appendingPathComponent("Sources/Makemore/Documentation.docc/TrainingTheMLP.md"), encoding: .utf8)
    #expect(
      article.contains("is the same run as an \(lines)-line program") || article.contains("as a \(lines)-line program"))
  }

  /// Every lesson in Examples/ is one `micrograd figures` runs and builds:
  /// a new lesson missing from the command's list would never be drawn.
  /// Package.swift names each once. (Not lessons: `names-mlp`, a program
  /// of its own, and `Lectures`, the library of graphs that lessons share
  /// with the tests.)
  @Test func everyLessonIsRunByMicrogradFigures() throws {
    let examples = try FileManager.default.contentsOfDirectory(atPath: root.appendingPathComponent("Examples").path)
      .filter { !["names-mlp", "Lectures"].contains($0) && !$0.hasPrefix(".") }.sorted()
    #expect(examples.count == 11)
    let command = try String(
      contentsOf: root.appendingPathComponent("Sources/MicrogradCLI/FiguresCommand.swift"), encoding: .utf8)
    let start = try #require(command.range(of: "static let lessons = ["))
    let end = try #require(command[start.upperBound...].firstIndex(of: "]"))
    let listed = command[start.upperBound..<end].split(separator: "\"").enumerated()
      .filter { $0.offset % 2 == 1 }.map { String($0.element) }
    #expect(listed.sorted() == examples, "FiguresCommand.lessons: \(listed)")
    // Package.swift names each lesson once, in its `lessons` list, in the
    // command's order; the targets are made from that list.
    let package = try String(contentsOf: root.appendingPathComponent("Package.swift"), encoding: .utf8)
    let named = package.split(separator: "\n").filter { $0.hasPrefix("  (\"") }
      .map { $0.dropFirst(4).prefix { $0 != "\"" } }.map(String.init)
    #expect(named == listed, "Package.swift's lessons: \(named)")
    for lesson in examples {
      #expect(
        package.components(separatedBy: "\"\(lesson)\"").count == 2, "Package.swift names \(lesson) more than once")
    }
    #expect(package.contains("path: \"Examples/\\(lesson.name)\""))
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
