import Foundation
import Figures
import GraphRender
import Makemore

/// One step of the lectures: code that reads as the notes do, printing
/// what the notes print and writing their figures.
public protocol Lecture {
  /// The example's name (`add`, `chain`, ...), also its executable's.
  static var name: String { get }
  /// What the step shows, in one line.
  static var summary: String { get }
  /// Runs the step, writing its figures with `figures`.
  static func run(_ figures: inout FigureWriter) throws
}

/// A step that reads makemore's word list, `names.txt`, so that its
/// example takes `--names FILE`.
public protocol NamesLecture: Lecture {
  /// Runs the step on the word list at `names`, writing its figures with
  /// `figures`.
  static func run(_ figures: inout FigureWriter, names: URL) throws
}

extension NamesLecture {
  /// Runs the step on the names the package carries (`Words.namesFile`).
  public static func run(_ figures: inout FigureWriter) throws {
    try run(&figures, names: Words.namesFile)
  }
}

extension Lecture {
  /// Whether the step reads makemore's `names.txt` (is a
  /// ``NamesLecture``), so that its example takes `--names FILE`.
  public static var readsNames: Bool { self is any NamesLecture.Type }

  /// Runs the step, handing `names` to a step that reads names.
  public static func run(_ figures: inout FigureWriter, readingNamesFrom names: URL) throws {
    if let step = self as? any NamesLecture.Type {
      try step.run(&figures, names: names)
    } else {
      try run(&figures)
    }
  }
}

/// Every lecture step, in the order of the notes.
public var allLectures: [any Lecture.Type] {
  [
    AddLecture.self, ChainLecture.self, ExpressionLecture.self, NeuronLecture.self,
    MLPLecture.self, TrainingLecture.self, MoonsLecture.self, BigramLecture.self,
  ]
}

/// The `main` of an example executable: runs `lecture`, writing into
/// `output/` or the folder after `--out` (and reading makemore's names from
/// the file after `--names`, for a step that ``Lecture/readsNames``), and
/// exits with status 2 and a one-line message on bad arguments or a failure.
/// The message shows control characters (in an argument or a path it
/// echoes) as visible text, so that it cannot act on the terminal.
public func exampleMain(_ lecture: any Lecture.Type) -> Never {
  var arguments = CommandLine.arguments.dropFirst()
  var folder = "output"
  var names = Words.namesFile
  let usage = "\(lecture.name) [--out DIR]" + (lecture.readsNames ? " [--names FILE]" : "")
  while let argument = arguments.popFirst() {
    switch argument {
    case "--out":
      guard let value = arguments.popFirst() else { fail("--out needs a folder") }
      folder = value
    case "--names" where lecture.readsNames:
      guard let value = arguments.popFirst() else { fail("--names needs a file") }
      names = URL(fileURLWithPath: value)
    case "-h", "--help":
      let namesHelp = lecture.readsNames
        ? "\n       makemore's names are read from FILE, the package's names.txt by default" : ""
      print("""
        \(lecture.name): \(lecture.summary)
        usage: \(usage)   (figures go to DIR, output/ by default)\(namesHelp)
        example: swift run \(lecture.name) --out /tmp/figures
        """)
      exit(0)
    default:
      fail("unknown argument '\(argument)' (usage: \(usage))")
    }
  }
  do {
    var figures = try FigureWriter(folder: URL(fileURLWithPath: folder))
    try lecture.run(&figures, readingNamesFrom: names)
    exit(0)
  } catch {
    fail("\(error)")
  }

  func fail(_ message: String) -> Never {
    FileHandle.standardError.write(Data("\(lecture.name): \(message.withVisibleControlCharacters)\n".utf8))
    exit(2)
  }
}
