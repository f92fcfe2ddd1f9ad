internal import FileOutput
import Foundation
import GraphRender

/// The plumbing of a lesson program (`Examples/<name>/main.swift`): its
/// command line and how it ends. The lesson itself is the program's code.
///
/// A lesson program takes `--out DIR` (where its figures go, `output` by
/// default), `--names FILE` when it reads makemore's word list, and
/// `-h`/`--help`. Most programs need only ``lessonMain(_:summary:_:)``;
/// `Lesson` is what it parses with, for a test or a program of its own.
///
/// ```swift
/// let lesson = Lesson("add", summary: "q = a + b, the smallest graph")
/// try lesson.parse(["--out", "/tmp/figures"])  // .run(folder: /tmp/figures, names: nil)
/// try lesson.parse(["--nope"])   // LessonError: unknown argument '--nope' (usage: add [--out DIR])
/// ```
public struct Lesson: Sendable {
  /// The program's name (`add`, `bigram`, ...), its executable's.
  public let name: String
  /// What the lesson shows, in one line: the first line of its help.
  public let summary: String
  /// The word list read when no `--names` is given, or `nil` for a lesson
  /// that reads none (and so takes no `--names`).
  public let defaultNames: URL?

  /// What a command line asks a lesson program to do.
  public enum Request: Equatable, Sendable {
    /// Run the lesson, writing into `folder` (and reading `names`, for a
    /// lesson that reads names).
    case run(folder: URL, names: URL?)
    /// Print ``Lesson/help`` and stop.
    case help
  }

  /// A lesson program's command line.
  ///
  /// - Parameters:
  ///   - name: The program's name, which starts its messages.
  ///   - summary: What the lesson shows, in one line.
  ///   - defaultNames: For a lesson that reads makemore's names: the file
  ///     it reads when no `--names` is given.
  public init(_ name: String, summary: String, defaultNames: URL? = nil) {
    self.name = name
    self.summary = summary
    self.defaultNames = defaultNames
  }

  /// The usage line: `add [--out DIR]`, `bigram [--out DIR] [--names FILE]`.
  public var usage: String {
    "\(name) [--out DIR]" + (defaultNames == nil ? "" : " [--names FILE]")
  }

  /// What `--help` prints: `name: summary`, the usage, an example.
  public var help: String {
    let names =
      defaultNames == nil
      ? "" : "\n       makemore's names are read from FILE, the package's names.txt by default"
    return """
      \(name): \(summary)
      usage: \(usage)   (figures go to DIR, output/ by default)\(names)
      example: swift run \(name) --out /tmp/figures
      """
  }

  /// The environment variable that names the file where ``main(_:)``
  /// lists the files a lesson wrote, in order.
  public static let writtenListVariable = "MICROGRAD_WRITTEN_LIST"

  /// Reads a command line (without the program's name).
  ///
  /// - Throws: ``LessonError/missingValue(_:_:)`` or
  ///   ``LessonError/unknownArgument(_:usage:)``.
  public func parse(_ arguments: [String]) throws(LessonError) -> Request {
    var arguments = arguments[...]
    var folder = "output"
    var names = defaultNames
    while let argument = arguments.popFirst() {
      switch argument {
      case "--out":
        guard let value = arguments.popFirst(), !value.isEmpty else { throw .missingValue("--out", "a folder") }
        folder = value
      case "--names" where defaultNames != nil:
        guard let value = arguments.popFirst(), !value.isEmpty else { throw .missingValue("--names", "a file") }
        names = URL(fileURLWithPath: value)
      case "-h", "--help":
        return .help
      default:
        throw .unknownArgument(argument, usage: usage)
      }
    }
    return .run(folder: URL(fileURLWithPath: folder), names: names)
  }

  /// Parses the program's command line and runs `body` with a
  /// ``FigureWriter`` on the folder and the names file (`nil` for a
  /// lesson that reads none); then exits: with status 0, or, on a bad
  /// argument, an error thrown or standard output that cannot be written,
  /// with `name: message` on standard error and status 2. `--help` prints
  /// ``help`` and exits with 0. Run by `micrograd figures`, the lesson
  /// ends when `micrograd` does, should it be killed.
  ///
  /// The message is one line, whatever it echoes (an argument, a path):
  /// control characters are shown as visible text
  /// (`withVisibleControlCharacters`), so that they cannot act on the
  /// terminal.
  ///
  /// When the environment variable ``writtenListVariable`` names a file,
  /// the ``FigureWriter`` lists there the files the lesson writes, in the
  /// order it writes them, one a line: `micrograd figures` lists each
  /// lesson's figures in its index in that order, the notes'.
  public func main(_ body: (FigureWriter, URL?) throws -> Void) -> Never {
    Terminal.reportBrokenPipes()
    Terminal.endWithParent()
    do {
      switch try parse(Array(CommandLine.arguments.dropFirst())) {
      case .help:
        print(help)
      case .run(let folder, let names):
        let figures = try FigureWriter(folder: folder)
        try body(figures, names)
      }
      Terminal.exit(name)
    } catch {
      Terminal.fail(name, "\(error)")
    }
  }
}

/// The `main` of a lesson program: parses `--out DIR` (default `output`)
/// and `--help`, runs `lesson` with a ``FigureWriter`` on the folder, and
/// exits with status 0, or with `name: message` and status 2 when an
/// argument is bad or the lesson throws (``Lesson/main(_:)``).
///
/// ```swift
/// lessonMain("add", summary: "q = a + b, the smallest graph") { figures in
///   let q = Value(2.0, label: "a") + Value(-3.0, label: "b"); q.label = "q"
///   print("q = \(q.data)")
///   try figures.draw(q, "add")
/// }
/// ```
///
/// - Parameters:
///   - name: The program's name, which starts its messages.
///   - summary: What the lesson shows, in one line.
///   - lesson: The lesson: it prints what the notes print and writes its
///     figures with the ``FigureWriter`` it is handed.
public func lessonMain(
  _ name: String, summary: String, _ lesson: (FigureWriter) throws -> Void
) -> Never {
  Lesson(name, summary: summary).main { figures, _ in try lesson(figures) }
}

/// The `main` of a lesson program that reads makemore's word list: as
/// ``lessonMain(_:summary:_:)``, and it also takes `--names FILE`, whose
/// file (or `names`) it hands to `lesson`.
///
/// - Parameters:
///   - name: The program's name, which starts its messages.
///   - summary: What the lesson shows, in one line.
///   - names: The file read when no `--names` is given (the package's
///     `names.txt`, Makemore's `Words.namesFile`).
///   - lesson: The lesson, handed the figure writer and the names file.
public func lessonMain(
  _ name: String, summary: String, names: URL, _ lesson: (FigureWriter, URL) throws -> Void
) -> Never {
  Lesson(name, summary: summary, defaultNames: names).main { figures, file in
    try lesson(figures, file ?? names)
  }
}
