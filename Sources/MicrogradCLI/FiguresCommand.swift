import ArgumentParser
import Figures
internal import FileOutput
import Foundation
import GraphRender

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// `micrograd figures`: every lecture figure into a folder, replaced as a
/// whole and only when every lesson succeeded (``StagedFolder``).
///
/// The lessons are the example programs (`Examples/<name>/main.swift`),
/// which SwiftPM builds beside `micrograd`; this runs each of them, in the
/// notes' order, into the staging folder.
struct FiguresCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "figures",
    abstract: "Render every figure of the lecture notes (what `make figures` runs).",
    discussion: """
      Runs each lesson (derivative, add, chain, expression, neuron, accumulation, mlp, \
      training, moons, bigram, makemore-mlp: \
      the example programs, built beside micrograd), printing what the notes print, \
      and writes its figures as DOT, SVG and PNG (plots as SVG; no PNG for graphs of \
      more than 400 nodes) and each graph as an HTML page that steps through backward() \
      into the folder, with index.html, every figure with its caption and a link to its \
      page, and GRAPHVIZ_VERSION, the Graphviz that rendered them. Each lesson is also a program of its own: swift run neuron. The \
      bigram and makemore-mlp lessons read makemore's names.txt (the package's copy \
      unless --names says otherwise).

      The figures are made in a new hidden folder beside the output folder \
      (.NAME.partial-RANDOM), which replaces the output folder only when every lesson \
      succeeded: no figure that is no longer made lingers, and a failure leaves the \
      folder exactly as it was. Its hidden files and folders (.gitkeep, .DS_Store) \
      are moved into the new folder, not replaced. Only a missing folder (made, with \
      its missing parents, which a failure removes again), an empty one, or one that \
      micrograd figures made (it holds GRAPHVIZ_VERSION, and no file of a kind it does \
      not write) is replaced; any other is refused before anything is written. A \
      symbolic link is followed: the folder it leads to is replaced and the link kept.

      Ctrl-C (SIGINT) or SIGTERM is passed on to the running lesson; once it has \
      ended, the new folder is removed and micrograd exits with 130 or 143, the \
      folder unchanged. A lesson that runs longer than --lesson-time-limit is \
      stopped. What a killed run leaves beside the folder is removed by the next run.

      Examples:
        micrograd figures
        micrograd figures --out /tmp/figures --quiet
        micrograd figures --names /data/names.txt
      """
  )

  /// The lesson programs, in the order of the notes. Each says what it
  /// shows in the first line of its `--help` (`add: q = a + b, ...`).
  static let lessons = [
    "derivative", "add", "chain", "expression", "neuron", "accumulation", "mlp", "training", "moons", "bigram",
    "makemore-mlp",
  ]

  @Option(name: .long, help: "The folder to write, replaced only when every lesson succeeded.")
  var out = "output"

  @Flag(name: .long, help: "Print only the files written, not the lessons' numbers.")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp("How long one lesson may run, in seconds, before it is stopped.", valueName: "seconds"))
  var lessonTimeLimit = 600.0

  @Option(
    name: .long,
    help: ArgumentHelp(
      "makemore's word list, one name per line, for the makemore lessons (default: the package's names.txt).",
      valueName: "file"))
  var names: String?

  /// Finds the lessons, renders into the staging folder and swaps it in;
  /// only then says which files were written, so that no `wrote` line
  /// names a file that is not there.
  func run() throws {
    guard !out.isEmpty else { throw InputError(message: "--out is empty; pass a folder") }
    guard lessonTimeLimit > 0, lessonTimeLimit.isFinite else {
      throw InputError(message: "--lesson-time-limit must be a positive number of seconds, got \(lessonTimeLimit)")
    }
    // Ctrl-C and SIGTERM wait until the lesson has ended and the staging
    // folder is removed (LessonProcess).
    LessonProcess.holdStops()
    let limit = Duration.milliseconds(Int64(min(lessonTimeLimit, 1e9) * 1000))
    var folder: StagedFolder?
    do {
      let programs = try Self.lessons.map { try LessonProgram(name: $0, timeLimit: limit) }
      do {
        folder = try StagedFolder(out, named: "--out \"\(out)\"", accepting: Self.refusal)
      } catch {
        throw InputError(message: error.message)
      }
      let rendered = try render(programs, into: folder!.staging, timeLimit: limit)
      // A stop that came after the last lesson leaves --out as it was too.
      try LessonProcess.throwIfStopped()
      let warning: String?
      do {
        warning = try folder!.commit()
      } catch {
        throw InputError(message: error.message)
      }
      if let warning { MicrogradCommand.warn(warning) }
      for file in rendered.files { print("wrote \(out)/\(file)") }
      print("wrote \(out)/GRAPHVIZ_VERSION (Graphviz \(rendered.version))")
    } catch let interruption as Interruption {
      folder?.discard()
      let name = interruption.signal == SIGINT ? "SIGINT" : "SIGTERM"
      Terminal.writeError("micrograd: stopped by \(name); --out \"\(Terminal.visible(out))\" is unchanged\n")
      Foundation.exit(128 + interruption.signal)
    } catch {
      folder?.discard()
      throw error
    }
  }

  /// Why `micrograd figures` must not replace a folder holding `entries`:
  /// it did not make it (no GRAPHVIZ_VERSION file), or someone added a
  /// file of a kind it does not write (which would be lost).
  static func refusal(_ folder: String, _ entries: [String]) -> String? {
    var info = stat()
    guard stat((folder as NSString).appendingPathComponent("GRAPHVIZ_VERSION"), &info) == 0,
      info.st_mode & S_IFMT == S_IFREG
    else {
      return "it holds files but no GRAPHVIZ_VERSION, so micrograd figures did not make it; "
        + "pass --out a new or empty folder"
    }
    let written = ["svg", "png", "dot", "html", "pdf"]
    if let other = entries.first(where: {
      $0 != "GRAPHVIZ_VERSION" && !written.contains(($0 as NSString).pathExtension)
    }) {
      return "it holds \"\(other)\", which micrograd figures does not write and would delete; "
        + "move it out of the folder (or hide it: hidden files are kept)"
    }
    return nil
  }

  /// Runs every lesson into `folder`, then writes GRAPHVIZ_VERSION.
  ///
  /// - Returns: The files each lesson added, lesson by lesson, each
  ///   lesson's in the order it wrote them; and Graphviz's version.
  private func render(
    _ programs: [LessonProgram], into folder: String, timeLimit: Duration
  ) throws -> (files: [String], version: String) {
    var files: [String] = []
    var index: [FigureIndex.Lesson] = []
    for program in programs {
      if !quiet { print("== \(program.name): \(program.summary)") }
      let before = Set(try Self.contents(of: folder))
      let order = try program.run(
        out: folder, names: program.readsNames ? names : nil, quiet: quiet, timeLimit: timeLimit)
      // The files in the order the lesson wrote them (the notes' order);
      // any it did not list (none, from a lesson built with lessonMain) after them, sorted.
      let made = try Self.contents(of: folder).filter { !before.contains($0) }
      var added: [String] = []
      for file in order where made.contains(file) && !added.contains(file) { added.append(file) }
      added += made.filter { !added.contains($0) }.sorted()
      // A stale or wrong program that writes nothing must not empty output/.
      guard !added.isEmpty else {
        throw InputError(message: "\(program.name) wrote no figure into the folder; rebuild it with swift build")
      }
      files += added
      index.append(FigureIndex.Lesson(name: program.name, summary: program.summary, files: added))
    }
    // Every figure with its caption and a link to its page.
    let indexPage = try FigureIndex.html(index, folder: folder)
    do {
      try AtomicFile.write(indexPage, to: (folder as NSString).appendingPathComponent("index.html"))
    } catch {
      throw InputError(message: error.description)
    }
    files.append("index.html")
    // SVG and PNG bytes depend on Graphviz's version: say which made them.
    let version = try graphvizVersion()
    do {
      try AtomicFile.write(version + "\n", to: (folder as NSString).appendingPathComponent("GRAPHVIZ_VERSION"))
    } catch {
      throw InputError(message: error.description)
    }
    return (files, version)
  }

  /// The names of the files in `folder`.
  private static func contents(of folder: String) throws -> [String] {
    do {
      return try FileManager.default.contentsOfDirectory(atPath: folder)
    } catch {
      throw InputError(message: "cannot read the folder \"\(folder)\": \(error.localizedDescription)")
    }
  }
}

/// A lesson program built beside `micrograd` (`Examples/<name>`), and what
/// its `--help` says of it.
struct LessonProgram {
  /// Its name, `add`.
  let name: String
  /// Where it is.
  let url: URL
  /// What it shows: its help's first line, after `name: `.
  let summary: String
  /// Whether it takes `--names FILE` (its usage says so).
  let readsNames: Bool

  /// Finds the program beside this one and asks it for its help.
  ///
  /// - Throws: `InputError` saying which program is missing and what to
  ///   do, or that it failed.
  init(name: String, timeLimit: Duration) throws {
    let folder = (Bundle.main.executableURL ?? URL(fileURLWithPath: CommandLine.arguments[0]))
      .resolvingSymlinksInPath().deletingLastPathComponent()
    url = folder.appendingPathComponent(name)
    guard FileManager.default.isExecutableFile(atPath: url.path) else {
      throw InputError(
        message: "the lesson program \"\(name)\" is not beside micrograd (in \"\(folder.path)\"); "
          + "run swift build first; make figures does")
    }
    self.name = name
    let help = try Self.run(url, ["--help"], name: name, quiet: false, capture: true, timeLimit: timeLimit)
    let lines = help.split(separator: "\n")
    guard let first = lines.first, first.hasPrefix("\(name): ") else {
      throw InputError(message: "\(name): its --help does not begin with \"\(name): \"; rebuild it with swift build")
    }
    summary = String(first.dropFirst(name.count + 2))
    readsNames = lines.dropFirst().first?.contains("[--names FILE]") ?? false
  }

  /// Runs the lesson into `out`, its printed lines shown unless `quiet`.
  ///
  /// - Returns: The files it wrote, in the order it wrote them, as it
  ///   listed them (`Lesson.writtenListVariable`).
  /// - Throws: `InputError`: the lesson's own one-line error, or how it
  ///   ended; ``Interruption`` when a stop signal came.
  func run(out: String, names: String?, quiet: Bool, timeLimit: Duration) throws -> [String] {
    let arguments = ["--out", out] + (names.map { ["--names", $0] } ?? [])
    // In the staging folder, not the temporary folder: should micrograd be
    // killed, the list goes with the staging folder, which the next run
    // removes. Not hidden, so that the next run does not take it for one
    // of the old folder's hidden entries and give it back.
    let list = URL(fileURLWithPath: out).appendingPathComponent(Self.writtenListName(name))
    defer { try? FileManager.default.removeItem(at: list) }
    _ = try Self.run(
      url, arguments, name: name, quiet: quiet, capture: false, timeLimit: timeLimit,
      environment: [Lesson.writtenListVariable: list.path])
    let text = (try? String(contentsOf: list, encoding: .utf8)) ?? ""
    return text.split(separator: "\n").map(String.init)
  }

  /// The file in the staging folder where the lesson `name` lists what it
  /// wrote, while it runs: `written-by-add.list`. Removed before the
  /// folder is read for what the lesson made.
  static func writtenListName(_ name: String) -> String { "written-by-\(name).list" }

  /// Runs `program` and waits for it (``LessonProcess``); its standard
  /// error is kept for the error message.
  ///
  /// - Parameters:
  ///   - program: The lesson program.
  ///   - arguments: Its arguments.
  ///   - name: Its name, which its one-line errors start with.
  ///   - quiet: Neither pass its standard output on nor keep it.
  ///   - capture: Return its standard output instead of passing it on.
  ///   - timeLimit: How long it may run before it is stopped.
  ///   - environment: Variables added to its environment.
  /// - Returns: Its standard output, when captured.
  /// - Throws: `InputError`: `name: message` when it failed with a
  ///   one-line message (`name: ...`, as lesson programs write), else how
  ///   it ended and what it wrote, in one line.
  private static func run(
    _ program: URL, _ arguments: [String], name: String, quiet: Bool, capture: Bool, timeLimit: Duration,
    environment: [String: String] = [:]
  ) throws -> String {
    let ended = try LessonProcess.run(
      program.path, arguments, quiet: quiet, capture: capture, timeLimit: timeLimit, environment: environment)
    let lines = ended.error.split(separator: "\n")
    guard !ended.signalled, ended.status == 0 else {
      if lines.count == 1, lines[0].hasPrefix("\(name): ") {
        throw InputError(message: String(lines[0]))
      }
      let how = ended.signalled ? "was stopped by signal \(ended.status)" : "exited with status \(ended.status)"
      let shown =
        lines.prefix(3).joined(separator: " / ") + (lines.count > 3 ? " / ... (\(lines.count - 3) more lines)" : "")
      throw InputError(message: "\(name) \(how)" + (ended.error.isEmpty ? "" : ": " + shown))
    }
    // A lesson that succeeded but warned: pass its words on, made visible.
    for line in lines {
      Terminal.writeError(Terminal.visible(String(line)) + "\n")
    }
    return ended.output
  }
}
