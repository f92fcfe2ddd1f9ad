import Foundation
import GraphRender
import TestSupport
import Testing

/// `micrograd figures --out DIR` replaces DIR as a whole and only when
/// every step succeeded, and only a folder it may replace.
@Suite struct FiguresFolderTests {
  /// A failing step (here the last, bigram) leaves the folder byte for
  /// byte as it was, and nothing beside it.
  @Test func failureLeavesTheFolderAsItWas() throws {
    let root = try TemporaryFolder()
    let figures = try fakeFigures(in: root, ["add.svg": "old add", ".notes/a.txt": "a hidden note", ".gitkeep": ""])
    let before = try snapshot(figures)
    let missing = root.url.appendingPathComponent("no-names.txt").path
    let result = try run("micrograd", ["figures", "--out", figures.path, "--quiet", "--names", missing])
    #expect(result.status == 2)
    #expect(result.error.hasPrefix("micrograd: error: bigram: cannot read the names file \"\(missing)\""))
    #expect(result.error.split(separator: "\n").count == 1)
    #expect(try snapshot(figures) == before)
    #expect(try root.files() == ["figures"], "a staging folder was left beside the figures")
    // The steps before bigram wrote figures, but none landed: no line
    // may say it was written.
    #expect(result.output.isEmpty, "\(result.output)")
    // Without --quiet, the lectures' own lines, and still no `wrote`.
    let loud = try run("micrograd", ["figures", "--out", figures.path, "--names", missing])
    #expect(loud.status == 2)
    // Each lesson announced, in the notes' order, with its --help's summary.
    let announced = loud.output.split(separator: "\n").filter { $0.hasPrefix("== ") }
    #expect(
      announced.map { $0.dropFirst(3).prefix { $0 != ":" } }
        == ["derivative", "add", "chain", "expression", "neuron", "accumulation", "mlp", "training", "moons", "bigram"])
    #expect(announced.dropFirst().first == "== add: q = a + b, the smallest graph")
    #expect(!loud.output.contains("wrote"), "\(loud.output)")
    #expect(try snapshot(figures) == before)
  }

  /// A success replaces the folder: a figure no longer made is gone, but
  /// hidden entries (.gitkeep, a hidden folder) are kept as they were. The
  /// folder is reached through a symbolic link, which is kept.
  @Test func successRemovesAStaleFigureThroughALink() throws {
    let root = try TemporaryFolder()
    let hidden = [".gitkeep": "", ".cache/a.txt": "a note"]
    let real = try fakeFigures(
      in: root, ["stale.svg": "stale", "add.svg": "old add"].merging(hidden) { $1 }, name: "real")
    try FileManager.default.createSymbolicLink(
      atPath: root.url.appendingPathComponent("link").path, withDestinationPath: "real")
    let result = try run("micrograd", ["figures", "--out", "link", "--quiet"], in: root.url)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.error.isEmpty)
    let entries = try FileManager.default.contentsOfDirectory(atPath: real.path).sorted()
    let made = entries.filter { !$0.hasPrefix(".") }
    #expect(made == (try committedFiles()))
    #expect(entries.filter { $0.hasPrefix(".") } == [".cache", ".gitkeep"])
    for (path, text) in hidden {
      #expect(try String(contentsOf: real.appendingPathComponent(path), encoding: .utf8) == text, "\(path)")
    }
    #expect(
      try FileManager.default.destinationOfSymbolicLink(atPath: root.url.appendingPathComponent("link").path) == "real")
    #expect(try root.files() == ["link", "real"], "the old or the staging folder was left behind")
    #expect(try Data(contentsOf: real.appendingPathComponent("add.svg")) != Data("old add".utf8))
    #expect(
      try String(contentsOf: real.appendingPathComponent("GRAPHVIZ_VERSION"), encoding: .utf8)
        == graphvizVersion() + "\n")
    // One line per file, naming the folder as given, not the staging one;
    // GRAPHVIZ_VERSION, written last, is said last.
    let lines = result.output.split(separator: "\n")
    #expect(lines.allSatisfy { $0.hasPrefix("wrote link/") })
    #expect(lines.last?.hasPrefix("wrote link/GRAPHVIZ_VERSION (Graphviz ") == true)
    #expect(lines.map { line in String(line.dropFirst("wrote link/".count).prefix { $0 != " " }) }.sorted() == made)
  }

  /// A micrograd copied away from the lesson programs says which one is
  /// missing and what to do, before anything is written.
  @Test func missingLessonProgramSaysWhatToDo() throws {
    let root = try TemporaryFolder()
    let copy = root.url.appendingPathComponent("micrograd")
    try FileManager.default.copyItem(at: productsFolder.appendingPathComponent("micrograd"), to: copy)
    let result = try run(copy.path, ["figures", "--out", "figures"], in: root.url)
    #expect(result.status == 2)
    // The first lesson in the notes' order is the first looked for.
    #expect(
      result.error.hasPrefix("micrograd: error: the lesson program \"derivative\" is not beside micrograd (in \"/"))
    #expect(result.error.hasSuffix("\"); run swift build first; make figures does\n"))
    #expect(result.output.isEmpty)
    #expect(try root.files() == ["micrograd"])
  }

  /// A lesson that fails without its one-line `name: message` (here a
  /// stand-in for add that exits with 3) stops the run with how it ended
  /// and what it wrote, in one line; nothing is written.
  @Test func aLessonThatFailsOtherwise() throws {
    let (result, root) = try figuresWithStandInAdd("echo 'Fatal error' >&2; echo 'in add' >&2; exit 3", quiet: false)
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: add exited with status 3: Fatal error / in add\n")
    // After the lesson before it (derivative) and what it printed.
    #expect(result.output.hasPrefix("== derivative: ") && result.output.hasSuffix("\n== add: a stand-in\n"))
    #expect(try root.files().filter { !$0.hasPrefix(".") }.contains("figures") == false)
    #expect(try root.files().allSatisfy { !$0.hasPrefix(".") }, "a staging folder was left")
  }

  /// `micrograd figures` beside the real lessons, with `add` replaced by a
  /// shell script whose run after `--help` is `body`; its result.
  func figuresWithStandInAdd(_ body: String, quiet: Bool = true) throws -> (result: ProgramRun, root: TemporaryFolder) {
    let root = try TemporaryFolder()
    let copy = root.url.appendingPathComponent("micrograd")
    try FileManager.default.copyItem(at: productsFolder.appendingPathComponent("micrograd"), to: copy)
    // Every other lesson, as Examples/ holds them.
    let lessons = try FileManager.default.contentsOfDirectory(
      atPath: repositoryRoot.appendingPathComponent("Examples").path
    ).filter { !["add", "names-mlp", "Lectures"].contains($0) && !$0.hasPrefix(".") }
    for lesson in lessons {
      try FileManager.default.createSymbolicLink(
        at: root.url.appendingPathComponent(lesson), withDestinationURL: productsFolder.appendingPathComponent(lesson))
    }
    let add = root.url.appendingPathComponent("add")
    try Data(
      """
      #!/bin/sh
      if [ "$1" = --help ]; then echo 'add: a stand-in'; echo 'usage: add [--out DIR]'; exit 0; fi
      \(body)

      """.utf8
    ).write(to: add)
    try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: add.path)
    return (try run(copy.path, ["figures", "--out", "figures"] + (quiet ? ["--quiet"] : []), in: root.url), root)
  }

  /// A lesson that writes much to stderr neither blocks the command nor
  /// floods its one-line error; one that exits 0 but writes no figure
  /// (a stale build) fails instead of emptying the folder; one that warns
  /// and succeeds has its warning passed on.
  @Test func standInLessons() throws {
    let loud = try figuresWithStandInAdd(
      "i=0; while [ $i -lt 5000 ]; do echo \"line $i of a long report\" >&2; i=$((i+1)); done; exit 4")
    #expect(loud.result.status == 2)
    #expect(
      loud.result.error == "micrograd: error: add exited with status 4: line 0 of a long report / "
        + "line 1 of a long report / line 2 of a long report / ... (4997 more lines)\n")
    #expect(try loud.root.files().allSatisfy { !$0.hasPrefix(".") }, "a staging folder was left")

    let silent = try figuresWithStandInAdd("exit 0")
    #expect(silent.result.status == 2)
    #expect(
      silent.result.error == "micrograd: error: add wrote no figure into the folder; rebuild it with swift build\n")
    #expect(try !silent.root.files().contains("figures"))

    let warning = try figuresWithStandInAdd("echo 'add: warning: \u{1B}[2J odd' >&2; touch \"$2/add.svg\"; exit 0")
    #expect(warning.result.status == 0, "\(warning.result.error)")
    #expect(warning.result.error == "add: warning: \u{241B}[2J odd\n")
  }

  /// A missing folder is made, and its missing parents.
  @Test func makesANewFolderAndItsParents() throws {
    let root = try TemporaryFolder()
    let parent = root.url.appendingPathComponent("a/b")
    let result = try run("micrograd", ["figures", "--out", parent.appendingPathComponent("figures").path, "--quiet"])
    #expect(result.status == 0, "\(result.error)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: parent.path) == ["figures"])
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: parent.appendingPathComponent("figures").path).sorted()
        == (try committedFiles()))
  }

  /// A failure removes the parent folders it made (a/b and a/b/c), and
  /// only those (not a, which was there).
  @Test func failureRemovesTheParentsItMade() throws {
    let root = try TemporaryFolder()
    let a = root.url.appendingPathComponent("a")
    try FileManager.default.createDirectory(at: a, withIntermediateDirectories: false)
    let out = a.appendingPathComponent("b/c/figures").path
    let missing = root.url.appendingPathComponent("no-names.txt").path
    let result = try run("micrograd", ["figures", "--out", out, "--quiet", "--names", missing])
    #expect(result.status == 2)
    #expect(result.error.hasPrefix("micrograd: error: bigram: cannot read the names file \"\(missing)\""))
    #expect(result.output.isEmpty)
    #expect(try root.files() == ["a"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: a.path).isEmpty)
  }

  /// The staging folder's name (.NAME.partial-RANDOM) can be too long
  /// where NAME is not: refused, and the parent folder made is removed.
  @Test func aNameTooLongForTheStagingFolder() throws {
    let root = try TemporaryFolder()
    let base = String(repeating: "f", count: 250)
    let out = root.url.appendingPathComponent("new/\(base)").path
    let result = try run("micrograd", ["figures", "--out", out])
    #expect(result.status == 2)
    #expect(
      result.error == "micrograd: error: cannot make the folder \"\(root.url.path)/new/.\(base).partial-…\" "
        + "for --out \"\(out)\": File name too long\n")
    #expect(result.output.isEmpty)
    #expect(try root.files().isEmpty)
  }

  /// A missing parent that cannot be made (its name too long): refused,
  /// with the system's reason; the parents made before it are removed.
  @Test func aParentThatCannotBeMade() throws {
    let root = try TemporaryFolder()
    let out = root.url.appendingPathComponent("new/\(String(repeating: "p", count: 300))/figures").path
    let result = try run("micrograd", ["figures", "--out", out])
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: cannot make the folder \"\(out)\": File name too long\n")
    #expect(result.output.isEmpty)
    #expect(try root.files().isEmpty)
  }

  /// An empty --out names no folder.
  @Test func refusesAnEmptyOut() throws {
    let root = try TemporaryFolder()
    let result = try run("micrograd", ["figures", "--out", ""], in: root.url)
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: --out is empty; pass a folder\n")
    #expect(result.output.isEmpty)
    #expect(try root.files().isEmpty)
  }

  /// A folder with files but no GRAPHVIZ_VERSION (a file) is not one
  /// `micrograd figures` made: refused before any step runs, unchanged.
  @Test(arguments: [["notes.txt": "mine"], ["GRAPHVIZ_VERSION/x": "a folder, not the file"]])
  func refusesAFolderItDidNotMake(_ files: [String: String]) throws {
    let root = try TemporaryFolder()
    let desk = root.url.appendingPathComponent("Desktop")
    try write(files, into: desk)
    let before = try snapshot(desk)
    let result = try run("micrograd", ["figures", "--out", desk.path])
    #expect(result.status == 2)
    #expect(
      result.error == "micrograd: error: will not replace --out \"\(desk.path)\": it holds files but no "
        + "GRAPHVIZ_VERSION, so micrograd figures did not make it; pass --out a new or empty folder\n")
    #expect(result.output.isEmpty)
    #expect(try snapshot(desk) == before)
    #expect(try root.files() == ["Desktop"])
  }

  /// Through a symbolic link the same rule holds, and the error says where
  /// the link leads; a link that leads nowhere is refused.
  @Test func refusesThroughALink() throws {
    let root = try TemporaryFolder()
    let desk = root.url.appendingPathComponent("Desktop")
    try write(["notes.txt": "mine"], into: desk)
    let link = root.url.appendingPathComponent("link").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "Desktop")
    let result = try run("micrograd", ["figures", "--out", "link"], in: root.url)
    #expect(result.status == 2)
    #expect(result.error.hasPrefix("micrograd: error: will not replace --out \"link\" (a link to \"/"))
    #expect(
      result.error.hasSuffix(
        "/Desktop\"): it holds files but no GRAPHVIZ_VERSION, so micrograd figures "
          + "did not make it; pass --out a new or empty folder\n"))
    #expect(result.error.split(separator: "\n").count == 1)
    #expect(result.output.isEmpty)
    #expect(try root.files() == ["Desktop", "link"])
    let nowhere = root.url.appendingPathComponent("nowhere").path
    try FileManager.default.createSymbolicLink(atPath: nowhere, withDestinationPath: "missing")
    let dangling = try run("micrograd", ["figures", "--out", nowhere])
    #expect(dangling.status == 2)
    #expect(
      dangling.error == "micrograd: error: cannot follow the symbolic link --out \"\(nowhere)\": "
        + "No such file or directory; make the folder it leads to, or remove the link\n")
    #expect(try root.files() == ["Desktop", "link", "nowhere"])
  }

  /// A file is not a folder: refused, unchanged.
  @Test func refusesAFile() throws {
    let root = try TemporaryFolder()
    let file = root.url.appendingPathComponent("figures")
    try Data("a file".utf8).write(to: file)
    let result = try run("micrograd", ["figures", "--out", file.path])
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: --out \"\(file.path)\" is a file, not a folder; pass a folder\n")
    #expect(result.output.isEmpty)
    #expect(try Data(contentsOf: file) == Data("a file".utf8))
    #expect(try root.files() == ["figures"])
  }
}

/// output/'s files, hidden ones left out.
private func committedFiles() throws -> [String] {
  try FileManager.default.contentsOfDirectory(atPath: outputFolder.path).filter { !$0.hasPrefix(".") }.sorted()
}

/// Writes each file (a path under `folder`, and its text), making folders.
func write(_ files: [String: String], into folder: URL) throws {
  for (path, text) in files {
    let url = folder.appendingPathComponent(path)
    try FileManager.default.createDirectory(at: url.deletingLastPathComponent(), withIntermediateDirectories: true)
    try Data(text.utf8).write(to: url)
  }
}

/// A folder that passes for one `micrograd figures` made: GRAPHVIZ_VERSION
/// and `files`.
private func fakeFigures(in root: TemporaryFolder, _ files: [String: String], name: String = "figures") throws -> URL {
  let folder = root.url.appendingPathComponent(name)
  try write(files.merging(["GRAPHVIZ_VERSION": "0.0.0\n"]) { $1 }, into: folder)
  return folder
}

/// Every file and folder under `folder`, each file with its bytes and each
/// folder with nil.
func snapshot(_ folder: URL) throws -> [String: Data?] {
  var entries: [String: Data?] = [:]
  for path in try FileManager.default.subpathsOfDirectory(atPath: folder.path) {
    let url = folder.appendingPathComponent(path)
    var isFolder: ObjCBool = false
    _ = FileManager.default.fileExists(atPath: url.path, isDirectory: &isFolder)
    entries[path] = .some(isFolder.boolValue ? nil : try Data(contentsOf: url))
  }
  return entries
}
