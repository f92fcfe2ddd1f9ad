import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 22's defects, each as a user met it: what is written where, what
/// a failed write to standard output does, what a kill or Ctrl-C leaves,
/// and huge or odd input. Each test names the defect it covers.
@Suite struct OutputSafetyTests {
  let folder: TemporaryFolder

  init() throws { folder = try TemporaryFolder() }

  static let add = ["draw", "q = a + b", "--set", "a=2", "--set", "b=-3"]
  /// A graph of 9 values: 10 frames.
  static let chain = [
    "draw", "e = a*b; d = e + c; L = d*f; M = L*L", "--backward", "--set", "a=2", "--set", "b=-3", "--set", "c=10",
    "--set", "f=-2",
  ]

  // MARK: - Defect 1: a failed -o write emptied the frames' folder

  /// `--backward-steps fr -o FILE` where FILE cannot be written (its name
  /// is too long): the earlier frames are all still there, unchanged.
  @Test func framesSurviveAFigureThatCannotBeWritten() throws {
    let frames = folder.url.appendingPathComponent("fr")
    try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: true)
    for k in 0...20 {
      try Data("old \(k)".utf8).write(to: frames.appendingPathComponent(String(format: "step-%03d.svg", k)))
    }
    let before = try snapshot(frames)
    let long = folder.url.appendingPathComponent(String(repeating: "x", count: 300) + ".svg").path
    let result = try run("micrograd", Self.chain + ["--backward-steps", frames.path, "-o", long])
    #expect(result.status == 2)
    #expect(result.error.hasPrefix("micrograd: error: cannot write"), "\(result.error)")
    #expect(try snapshot(frames) == before)
    #expect(try folder.files() == ["fr"])
  }

  /// `--backward-steps fr -o fr/L.svg` (or `-o` a link to it): refused
  /// before anything is drawn. The figure, staged inside the folder the
  /// frames replace whole, went with the old folder: the command failed
  /// after the new frames had replaced the old ones.
  @Test func aFigureInsideTheFramesFolderIsRefused() throws {
    let frames = folder.url.appendingPathComponent("fr")
    try FileManager.default.createDirectory(at: frames, withIntermediateDirectories: true)
    for k in 0...20 {
      try Data("old \(k)".utf8).write(to: frames.appendingPathComponent(String(format: "step-%03d.svg", k)))
    }
    let before = try snapshot(frames)
    let link = folder.url.appendingPathComponent("link.svg").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "fr/L.svg")
    for output in [frames.path + "/L.svg", "./fr/step-000.svg", link] {
      let result = try run("micrograd", Self.chain + ["--backward-steps", "fr", "-o", output], in: folder.url)
      #expect(result.status == 2)
      #expect(
        result.error
          == "micrograd: error: -o \"\(output)\" is inside --backward-steps \"fr\", which the frames replace "
          + "whole; write the figure elsewhere\n")
      #expect(try snapshot(frames) == before)
    }
    #expect(try folder.files() == ["fr", "link.svg"])
  }

  // MARK: - Defect 2: special files replaced by regular ones

  /// `-o` on a FIFO writes into it (a reader gets the SVG) and leaves it a
  /// FIFO; `-o -` and `-o /dev/fd/1` write to standard output; `-o` on a
  /// symbolic link replaces what it leads to and keeps the link.
  @Test func specialFilesAreWrittenInPlaceAndLinksFollowed() throws {
    let fifo = folder.url.appendingPathComponent("fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = try Self.reading(fifo)
    let result = try run("micrograd", Self.add + ["-o", fifo, "--format", "svg"])
    #expect(result.status == 0, "\(result.error)")
    let read = reader()
    #expect(String(decoding: read, as: UTF8.self).contains("</svg>"))
    #expect(try Self.isFIFO(fifo))

    for path in ["-", "/dev/fd/1"] {
      let out = try run("micrograd", Self.add + ["-o", path], in: folder.url)
      #expect(out.status == 0, "\(out.error)")
      #expect(out.output.contains("</svg>"), "-o \(path)")
    }

    let target = folder.url.appendingPathComponent("target.svg").path
    let link = folder.url.appendingPathComponent("link.svg").path
    try Data("old".utf8).write(to: URL(fileURLWithPath: target))
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "target.svg")
    #expect(try run("micrograd", Self.add + ["-o", link]).status == 0)
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "target.svg")
    #expect(try String(contentsOfFile: target, encoding: .utf8).contains("</svg>"))
    #expect(try folder.files() == ["fifo", "link.svg", "target.svg"])
  }

  /// `--save` into a FIFO and `--loss-plot` through a link: the same rules.
  @Test func saveAndLossPlotFollowTheSameRules() throws {
    let names = try smallNames()
    let fifo = folder.url.appendingPathComponent("model.fifo").path
    #expect(mkfifo(fifo, 0o600) == 0)
    let reader = try Self.reading(fifo)
    let plot = folder.url.appendingPathComponent("plot.svg").path
    try FileManager.default.createSymbolicLink(atPath: plot, withDestinationPath: "real-plot.svg")
    let train = try run(
      "micrograd",
      ["makemore", "train"] + Self.small(names) + ["--steps", "5", "--save", fifo, "--loss-plot", plot, "--quiet"])
    #expect(train.status == 0, "\(train.error)")
    #expect(String(decoding: reader(), as: UTF8.self).contains("\"hiddenSize\""))
    #expect(try Self.isFIFO(fifo))
    #expect(try FileManager.default.destinationOfSymbolicLink(atPath: plot) == "real-plot.svg")
    #expect(
      try String(contentsOfFile: folder.url.appendingPathComponent("real-plot.svg").path, encoding: .utf8)
        .contains("</svg>"))
  }

  // MARK: - Defect 3: write errors on standard output

  /// Into /dev/full, a closed standard output, or a pipe whose reader is
  /// gone, every command says so in one line and fails: no crash, no 0.
  @Test func standardOutputErrorsAreErrors() throws {
    let names = try smallNames()
    let model = folder.url.appendingPathComponent("model.json").path
    let train = ["makemore", "train"] + Self.small(names) + ["--steps", "5", "--quiet"]
    #expect(try run("micrograd", train + ["--save", model]).status == 0)
    let commands: [[String]] = [
      Self.add, Self.add + ["--json"], ["draw", "--help"], train,
      ["makemore", "sample", "--model", model, "--count", "3"],
      ["makemore", "evaluate", "--model", model, "--names", names],
    ]
    for command in commands {
      for (how, redirect) in [("full", "> /dev/full"), ("closed", ">&-")] {
        let result = try shell("\"$0\" \"$@\" \(redirect)", ["micrograd"] + command)
        #expect(result.status == 2, "\(how): \(command)")
        #expect(
          result.error.hasSuffix(
            "cannot write to standard output: "
              + (how == "full" ? "No space left on device\n" : "Bad file descriptor\n")),
          "\(how): \(command): \(result.error)")
        #expect(result.error.split(separator: "\n").count == 1, "\(result.error)")
      }
    }
    // A pipe whose reader has gone: EPIPE, not a silent death by SIGPIPE.
    let pipe = Pipe()
    try pipe.fileHandleForReading.close()
    let process = Process()
    process.executableURL = productsFolder.appendingPathComponent("micrograd")
    process.arguments = Self.add
    process.standardOutput = pipe.fileHandleForWriting
    let error = Pipe()
    process.standardError = error
    try process.run()
    process.waitUntilExit()
    #expect(process.terminationReason == .exit && process.terminationStatus == 2)
    #expect(
      String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        == "micrograd: error: cannot write to standard output: Broken pipe\n")
  }

  /// `micrograd figures` and a lesson into /dev/full fail too.
  @Test func figuresAndLessonsIntoAFullDisk() throws {
    let root = try standInLessons()
    let figures = try shell(
      "\"$0\" figures --out figures > /dev/full", [root.appendingPathComponent("micrograd").path], in: root)
    #expect(figures.status == 2)
    #expect(figures.error == "micrograd: error: cannot write to standard output: No space left on device\n")
    let lesson = try shell("\"$0\" --help > /dev/full", [productsFolder.appendingPathComponent("add").path])
    #expect(lesson.status == 2)
    #expect(lesson.error == "add: cannot write to standard output: No space left on device\n")
  }

  // MARK: - Defect 4: --backward-steps killed part way

  /// SIGKILL at seeded random points of `--backward-steps fr -o L.svg`:
  /// fr holds all the old frames or all the new ones, never a mix; the
  /// next run succeeds and leaves exactly fr and L.svg.
  @Test func killedFramesAreAllOrNothing() throws {
    let frames = folder.url.appendingPathComponent("fr")
    let figure = folder.url.appendingPathComponent("L.svg").path
    let arguments = Self.chain + ["--backward-steps", frames.path, "-o", figure]
    #expect(try run("micrograd", arguments).status == 0)
    let new = try snapshot(frames)
    var generator = SplitMix(seed: 22)
    for _ in 0..<6 {
      for (name, _) in new { try Data("old".utf8).write(to: frames.appendingPathComponent(name)) }
      let old = try snapshot(frames)
      try killed(arguments, after: Double.random(in: 0.0...0.6, using: &generator))
      let now = try snapshot(frames)
      #expect(now == old || now == new, "a mix of old and new frames")
      #expect(try run("micrograd", arguments).status == 0)
      #expect(try snapshot(frames) == new)
      let left = try folder.files()
      #expect(left == ["L.svg", "fr"], "\(left)")
    }
  }

  // MARK: - Defect 5: micrograd figures killed or interrupted

  /// SIGKILL at seeded random points of `figures`: the folder is never
  /// missing or half made, and the next run succeeds and leaves nothing
  /// but the folder, beside it and in $TMPDIR (a private one). The stand-in
  /// lessons list what they write, as a lesson's FigureWriter does; that
  /// list once sat in $TMPDIR and stayed there after a kill.
  @Test func killedFiguresArePutRightByTheNextRun() throws {
    let root = try standInLessons(
      body: """
        echo x > "$2/$(basename "$0").svg"; echo "$(basename "$0").svg" >> "$MICROGRAD_WRITTEN_LIST"; sleep 0.02
        """)
    let micrograd = root.appendingPathComponent("micrograd").path
    let temporary = folder.url.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    let environment = ["TMPDIR": temporary.path]
    let figures = ["figures", "--out", "figures", "--quiet"]
    #expect(try run(micrograd, figures, in: root, environment: environment).status == 0)
    let made = try snapshot(root.appendingPathComponent("figures"))
    var generator = SplitMix(seed: 5)
    for _ in 0..<6 {
      try killed(
        figures, program: micrograd, in: root, environment: environment,
        after: Double.random(in: 0.0...0.5, using: &generator))
      usleep(150_000)  // the stand-in lessons, which are not watching, finish
      #expect(try snapshot(root.appendingPathComponent("figures")) == made)
      let left = try FileManager.default.contentsOfDirectory(atPath: temporary.path)
      #expect(left == [], "left in $TMPDIR: \(left)")
      let again = try run(micrograd, figures, in: root, environment: environment)
      #expect(again.status == 0, "\(again.error)")
      #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") } == [])
      #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
    }
  }

  /// SIGKILL of `micrograd figures` while a real lesson runs (makemore-mlp,
  /// which takes seconds, in `add`'s place), and a kill that comes before
  /// the lesson has started (the lesson's stand-in kills micrograd, then
  /// starts it): either way the lesson, which watches the micrograd that
  /// started it, ends within a few seconds; the next run succeeds and
  /// leaves nothing beside the folder or in $TMPDIR.
  @Test(arguments: ["while-it-runs", "before-it-starts"])
  func aLessonEndsWhenMicrogradIsKilled(_ when: String) throws {
    let lesson = productsFolder.appendingPathComponent("makemore-mlp").path
    let root = try standInLessons(
      slow: """
        if [ ! -e "$2/../\(when)" ]; then echo x > "$2/add.svg"; exit 0; fi
        echo $$ > "$2/../lesson.pid"
        if [ \(when) = before-it-starts ]; then kill -KILL $PPID; sleep 0.3; fi
        exec "\(lesson)" --out "$2"
        """)
    let marker = root.appendingPathComponent(when)
    try Data().write(to: marker)
    let temporary = folder.url.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    let environment = ["TMPDIR": temporary.path]
    let process = Process()
    process.executableURL = root.appendingPathComponent("micrograd")
    process.arguments = ["figures", "--out", "figures", "--quiet"]
    process.currentDirectoryURL = root
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    let pidFile = root.appendingPathComponent("lesson.pid")
    for _ in 0..<600 where !FileManager.default.fileExists(atPath: pidFile.path) { usleep(100_000) }
    usleep(100_000)  // the shell has written the whole number
    let pid = try #require(
      Int32(try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines)))
    if when == "while-it-runs" {
      usleep(1_000_000)  // the lesson is under way, watching
      kill(process.processIdentifier, SIGKILL)
    }
    process.waitUntilExit()
    #expect(process.terminationReason == .uncaughtSignal && process.terminationStatus == SIGKILL)
    let start = ContinuousClock.now
    while Self.isRunning(pid), ContinuousClock.now - start < .seconds(5) { usleep(50_000) }
    let running = Self.isRunning(pid)
    #expect(!running, "the lesson still runs 5 s after micrograd was killed")
    if running { kill(pid, SIGKILL) }
    try FileManager.default.removeItem(at: marker)
    try FileManager.default.removeItem(at: pidFile)
    let again = try run(
      root.appendingPathComponent("micrograd").path, ["figures", "--out", "figures", "--quiet"], in: root,
      environment: environment)
    #expect(again.status == 0, "\(again.error)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") } == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
  }

  /// A kill between the two renames of a commit left X missing and the
  /// old folder as `.X.old-R`: the next run puts it back first (and its
  /// hidden files with it), then replaces it.
  @Test func aMissingFolderIsPutBackFromItsOldCopy() throws {
    let root = try standInLessons()
    let old = root.appendingPathComponent(".figures.old-abc")
    try write(["GRAPHVIZ_VERSION": "2\n", "add.svg": "old", ".gitkeep": "kept"], into: old)
    let result = try run(
      root.appendingPathComponent("micrograd").path, ["figures", "--out", "figures", "--quiet"], in: root)
    #expect(result.status == 0, "\(result.error)")
    let figures = root.appendingPathComponent("figures")
    #expect(try String(contentsOf: figures.appendingPathComponent(".gitkeep"), encoding: .utf8) == "kept")
    #expect(try String(contentsOf: figures.appendingPathComponent("add.svg"), encoding: .utf8) == "x\n")
    #expect(!FileManager.default.fileExists(atPath: old.path))
  }

  /// Ctrl-C (SIGINT) or SIGTERM while a lesson runs: passed on to the
  /// lesson, which ends; the staging folder and the lesson's temporary
  /// files are removed; exit 130 or 143; the folder is as it was. Ctrl-C
  /// at a terminal signals the lesson and micrograd together (`group`):
  /// the lesson dies first, and the run must still end as interrupted,
  /// not as a failed lesson.
  @Test(arguments: [(SIGINT, Int32(130), false), (SIGTERM, Int32(143), false), (SIGINT, Int32(130), true)])
  func interruptionCleansUp(_ signal: Int32, _ status: Int32, _ group: Bool) throws {
    let root = try standInLessons(slow: "echo $$ > \"$2/../lesson.pid\"; exec sleep 30")
    let temporary = root.appendingPathComponent("tmp")
    try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
    let process = Process()
    process.executableURL = root.appendingPathComponent("micrograd")
    process.arguments = ["figures", "--out", "figures", "--quiet"]
    process.currentDirectoryURL = root
    process.environment = ProcessInfo.processInfo.environment.merging(["TMPDIR": temporary.path]) { $1 }
    let error = Pipe()
    process.standardError = error
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let pidFile = root.appendingPathComponent("lesson.pid")
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: pidFile.path) { usleep(10_000) }
    usleep(50_000)
    let lesson = Int32(
      try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
    if group { kill(lesson, signal) }
    kill(process.processIdentifier, signal)
    process.waitUntilExit()
    #expect(process.terminationStatus == status)
    #expect(
      String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        == "micrograd: stopped by \(signal == SIGINT ? "SIGINT" : "SIGTERM"); --out \"figures\" is unchanged\n")
    #expect(kill(lesson, 0) != 0, "the lesson still runs")
    #expect(try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") } == [])
    #expect(try FileManager.default.contentsOfDirectory(atPath: temporary.path) == [])
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("figures").path))
  }

  /// A lesson that runs past --lesson-time-limit is stopped, with an error
  /// that says so; nothing is left.
  @Test func aLessonPastTheTimeLimitIsStopped() throws {
    let root = try standInLessons(slow: "exec sleep 30")
    let result = try run(
      root.appendingPathComponent("micrograd").path,
      ["figures", "--out", "figures", "--quiet", "--lesson-time-limit", "0.3"], in: root)
    #expect(result.status == 2)
    #expect(
      result.error == "micrograd: error: add ran longer than --lesson-time-limit (0.3 s) and was stopped; "
        + "pass a larger --lesson-time-limit if it is only slow\n")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: root.path).filter { $0.hasPrefix(".") || $0 == "figures" }
        == [])
  }

  /// A file someone put in a folder `figures` made is not deleted: refused.
  @Test func aFileTheUserAddedIsNotDeleted() throws {
    let root = try standInLessons()
    let figures = root.appendingPathComponent("figures")
    try write(["GRAPHVIZ_VERSION": "2\n", "add.svg": "old", "notes.txt": "mine"], into: figures)
    let result = try run(root.appendingPathComponent("micrograd").path, ["figures", "--out", "figures"], in: root)
    #expect(result.status == 2)
    #expect(
      result.error == "micrograd: error: will not replace --out \"figures\": it holds \"notes.txt\", which "
        + "micrograd figures does not write and would delete; move it out of the folder (or hide it: hidden files are kept)\n"
    )
    #expect(try String(contentsOf: figures.appendingPathComponent("notes.txt"), encoding: .utf8) == "mine")
  }

  // MARK: - Defect 6: --save checked too late, and its leftovers

  /// `--save` where no file can be made (/proc), or whose name is too
  /// long: refused before training.
  @Test func saveIsCheckedBeforeTraining() throws {
    let names = try smallNames()
    for path in ["/proc/m.json", folder.url.appendingPathComponent(String(repeating: "m", count: 300)).path] {
      let result = try run("micrograd", ["makemore", "train"] + Self.small(names) + ["--steps", "5", "--save", path])
      #expect(result.status == 2)
      #expect(result.error.hasPrefix("micrograd: error: --save \"\(path)\": "), "\(result.error)")
      #expect(!result.output.contains("MLP:"), "training started")
    }
    #expect(try folder.files() == ["names.txt"])
  }

  /// SIGKILL at seeded random points of `train --save`: the next run
  /// succeeds and leaves only the model (no `.atomic-*.tmp`).
  @Test func killedSaveLeavesNothingAfterTheNextRun() throws {
    let names = try smallNames()
    let models = folder.url.appendingPathComponent("models")
    try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
    let arguments =
      ["makemore", "train"] + Self.small(names)
      + ["--steps", "30", "--quiet", "--samples", "0", "--save", models.appendingPathComponent("m.json").path]
    var generator = SplitMix(seed: 6)
    for _ in 0..<4 {
      // A temporary file a killed save could leave: unlocked, as after a kill.
      try Data("partial".utf8).write(to: models.appendingPathComponent(".atomic-left.tmp"))
      try killed(arguments, after: Double.random(in: 0.0...0.5, using: &generator))
      #expect(try run("micrograd", arguments).status == 0)
      #expect(try FileManager.default.contentsOfDirectory(atPath: models.path) == ["m.json"])
    }
  }

  // MARK: - Huge or odd input

  /// A names file with a 5,000-character line is refused at once, and the
  /// error quotes none of it.
  @Test func overLongLinesAreRefused() throws {
    let names = folder.url.appendingPathComponent("long.txt")
    try Data(("emma\n" + String(repeating: "a", count: 5_000) + "\nava\n").utf8).write(to: names)
    let result = try run("micrograd", ["makemore", "train", "--names", names.path, "--steps", "1"])
    #expect(result.status == 2)
    #expect(
      result.error == "micrograd: error: \(names.path):2: the line is 5,000 bytes long; a word may have at "
        + "most 1,000 (one name per line is expected)\n")
  }

  /// An unknown name of 130,000 characters is quoted in 80, with its length.
  @Test func errorsQuoteAtMostEightyCharacters() throws {
    let name = String(repeating: "n", count: 130_000)
    let result = try run("micrograd", ["draw", "x = \(name) + 1"])
    #expect(result.status == 2)
    #expect(result.error.utf8.count < 600, "\(result.error.utf8.count) bytes")
    #expect(result.error.contains(String(repeating: "n", count: 80) + "… (130,000 characters)"))
  }

  /// The argument parser's messages and the options' checks quote a long
  /// argument in 80 characters too (they echoed all 100,000): an unknown
  /// option, a bad number, --rankdir and --format.
  @Test func longArgumentsAreQuotedShort() throws {
    let long = String(repeating: "x", count: 100_000)
    let cut = String(repeating: "x", count: 80) + "… (100,000 characters)"
    let cases: [(arguments: [String], quoted: String)] = [
      (Self.add + ["--" + long], "'--" + String(repeating: "x", count: 78) + "… (100,002 characters)'"),
      (["makemore", "sample", "--model", "m.json", "--count", long], "'\(cut)' is invalid for '--count <count>'"),
      (Self.add + ["--rankdir", long], "--rankdir \(cut): use LR or TB"),
      (Self.add + ["--format", long], "--format \(cut): Graphviz offers no such format here"),
    ]
    for (arguments, quoted) in cases {
      let result = try run("micrograd", arguments)
      #expect(result.status == 2)
      #expect(result.error.utf8.count < 1_000, "\(arguments.prefix(2)): \(result.error.utf8.count) bytes")
      #expect(result.error.contains(quoted), "\(result.error.prefix(300))")
    }
  }

  /// Bidirectional controls and zero-width characters are shown, not
  /// printed raw: in a draw error and a names file's.
  @Test func bidiAndZeroWidthAreVisible() throws {
    let draw = try run("micrograd", ["draw", "q = a\u{202E}b + 1", "--set", "a=1"])
    #expect(draw.status == 2)
    #expect(draw.error.contains("\\u{202E}"), "\(draw.error)")
    let names = folder.url.appendingPathComponent("odd.txt")
    try Data("emma\nzero\u{200B}width\n".utf8).write(to: names)
    let train = try run("micrograd", ["makemore", "train", "--names", names.path, "--steps", "1"])
    #expect(train.status == 2)
    #expect(train.error.contains("zero\\u{200B}width"), "\(train.error)")
    for raw in ["\u{202E}", "\u{200B}"] {
      #expect(!draw.error.contains(raw) && !train.error.contains(raw))
    }
  }

  /// A negative or too large --decay-step is refused.
  @Test(arguments: ["-1", "41"]) func decayStepOutOfRange(_ step: String) throws {
    let result = try run("micrograd", ["makemore", "train", "--steps", "40", "--decay-step=\(step)"])
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: the decay step must be 0 to the number of steps (40), got \(step)\n")
  }

  /// 4,000 `--set` names draw (in about a second: the lookups are linear;
  /// they took 25 s when they were not).
  @Test func manySetNames() throws {
    let n = 4_000
    let sets = (0..<n).flatMap { ["--set", "a\($0)=1"] }
    let result = try run(
      "micrograd", ["draw", "L = " + (0..<n).map { "a\($0)" }.joined(separator: " + "), "--format", "dot"] + sets)
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.contains("label=\"{ a3999 |"))
  }

  // MARK: - Helpers

  /// A small word list in the folder.
  func smallNames() throws -> String {
    let names = folder.url.appendingPathComponent("names.txt")
    let words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn"]
    try Data((words + words.map { String($0.reversed()) }).joined(separator: "\n").utf8).write(to: names)
    return names.path
  }

  static func small(_ names: String) -> [String] {
    ["--names", names, "--embedding-size", "2", "--hidden-size", "16", "--batch-size", "8"]
  }

  static func isFIFO(_ path: String) throws -> Bool {
    var info = stat()
    return stat(path, &info) == 0 && info.st_mode & S_IFMT == S_IFIFO
  }

  /// Whether the process `pid` runs: it exists and has not ended (an
  /// ended one that its new parent has not reaped yet is a zombie).
  static func isRunning(_ pid: Int32) -> Bool {
    guard kill(pid, 0) == 0 else { return false }
    guard let state = try? run("/bin/ps", ["-o", "stat=", "-p", String(pid)]) else { return true }
    return !state.output.trimmingCharacters(in: .whitespaces).hasPrefix("Z")
  }

  /// Starts `cat` on the FIFO at `path`; the function returned waits for
  /// it and gives what it read.
  static func reading(_ path: String) throws -> () -> Data {
    let cat = Process()
    cat.executableURL = URL(fileURLWithPath: "/bin/cat")
    cat.arguments = [path]
    let output = Pipe()
    cat.standardOutput = output
    try cat.run()
    return {
      let data = output.fileHandleForReading.readDataToEndOfFile()
      cat.waitUntilExit()
      return data
    }
  }

  /// Runs `script` with `sh -c`, its `$0` and `$@` from `arguments`.
  func shell(_ script: String, _ arguments: [String], in folder: URL? = nil) throws -> ProgramRun {
    let first = arguments.first.map { $0.hasPrefix("/") ? $0 : productsFolder.appendingPathComponent($0).path } ?? ""
    return try run("/bin/sh", ["-c", script, first] + arguments.dropFirst(), in: folder)
  }

  /// Starts `program` (micrograd by default), SIGKILLs it after `seconds`,
  /// and waits for it.
  func killed(
    _ arguments: [String], program: String? = nil, in folder: URL? = nil, environment: [String: String] = [:],
    after seconds: Double
  ) throws {
    let process = Process()
    process.executableURL = URL(fileURLWithPath: program ?? productsFolder.appendingPathComponent("micrograd").path)
    process.arguments = arguments
    if let folder { process.currentDirectoryURL = folder }
    if !environment.isEmpty {
      process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    }
    process.standardOutput = FileHandle.nullDevice
    process.standardError = FileHandle.nullDevice
    try process.run()
    usleep(useconds_t(seconds * 1_000_000))
    kill(process.processIdentifier, SIGKILL)
    process.waitUntilExit()
  }

  /// A folder with a copy of micrograd and every lesson as a quick shell
  /// script (`body`, which writes `NAME.svg` by default); the lesson `add`
  /// runs `slow` instead, when given.
  func standInLessons(body: String = "echo x > \"$2/$(basename \"$0\").svg\"", slow: String? = nil) throws -> URL {
    let root = folder.url.appendingPathComponent("root")
    try FileManager.default.createDirectory(at: root, withIntermediateDirectories: true)
    try FileManager.default.copyItem(
      at: productsFolder.appendingPathComponent("micrograd"), to: root.appendingPathComponent("micrograd"))
    let lessons = try FileManager.default.contentsOfDirectory(
      atPath: repositoryRoot.appendingPathComponent("Examples").path
    )
    .filter { !["names-mlp", "Lectures"].contains($0) && !$0.hasPrefix(".") }
    for lesson in lessons {
      let script = root.appendingPathComponent(lesson)
      try Data(
        """
        #!/bin/sh
        if [ "$1" = --help ]; then echo '\(lesson): a stand-in'; echo 'usage: \(lesson) [--out DIR]'; exit 0; fi
        \(lesson == "add" ? slow ?? body : body)

        """.utf8
      ).write(to: script)
      try FileManager.default.setAttributes([.posixPermissions: 0o755], ofItemAtPath: script.path)
    }
    return root
  }
}

/// A seeded generator (SplitMix64), for the kill points.
struct SplitMix: RandomNumberGenerator {
  var state: UInt64
  init(seed: UInt64) { state = seed }
  mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}
