import Figures
import Foundation
import Testing

/// A lesson program's command line: `--out`, `--names` only where the
/// lesson reads names, `--help`, and one-line errors.
@Suite struct LessonTests {
  let add = Lesson("add", summary: "q = a + b, the smallest graph")
  let bigram = Lesson("bigram", summary: "the bigram", defaultNames: URL(fileURLWithPath: "/data/names.txt"))

  @Test func defaultsAndOptions() throws {
    #expect(try add.parse([]) == .run(folder: URL(fileURLWithPath: "output"), names: nil))
    #expect(try add.parse(["--out", "/tmp/f"]) == .run(folder: URL(fileURLWithPath: "/tmp/f"), names: nil))
    #expect(
      try bigram.parse([])
        == .run(folder: URL(fileURLWithPath: "output"), names: URL(fileURLWithPath: "/data/names.txt")))
    #expect(
      try bigram.parse(["--names", "n.txt", "--out", "o"])
        == .run(folder: URL(fileURLWithPath: "o"), names: URL(fileURLWithPath: "n.txt")))
    #expect(try add.parse(["--out", "o", "-h"]) == .help)
    #expect(try bigram.parse(["--help"]) == .help)
  }

  @Test func badArgumentsSayWhatToDo() {
    #expect(throws: LessonError.unknownArgument("--nope", usage: "add [--out DIR]")) { try add.parse(["--nope"]) }
    #expect(throws: LessonError.unknownArgument("--names", usage: "add [--out DIR]")) {
      try add.parse(["--names", "n.txt"])
    }
    #expect(throws: LessonError.missingValue("--out", "a folder")) { try add.parse(["--out"]) }
    // An empty folder name would write into the current folder.
    #expect(throws: LessonError.missingValue("--out", "a folder")) { try add.parse(["--out", ""]) }
    #expect(throws: LessonError.missingValue("--names", "a file")) { try bigram.parse(["--names", ""]) }
    #expect(throws: LessonError.missingValue("--names", "a file")) { try bigram.parse(["--names"]) }
    #expect(
      LessonError.unknownArgument("--nope", usage: add.usage).description
        == "unknown argument '--nope' (usage: add [--out DIR])")
    #expect(LessonError.missingValue("--out", "a folder").description == "--out needs a folder")
  }

  /// The first line is what `micrograd figures` prints before the lesson
  /// runs; the usage says whether it takes `--names`.
  @Test func helpAndUsage() {
    #expect(add.help.split(separator: "\n").first == "add: q = a + b, the smallest graph")
    #expect(bigram.usage == "bigram [--out DIR] [--names FILE]")
    #expect(bigram.help.split(separator: "\n")[1].contains("[--names FILE]"))
    #expect(!add.help.contains("--names"))
  }

  /// A reason's closing full stop is dropped before the advice.
  @Test func cannotReadNames() {
    let error = LessonError.cannotReadNames(path: "/no/names.txt", reason: "The file doesn’t exist.")
    #expect(
      error.description == "cannot read the names file \"/no/names.txt\": The file doesn’t exist; "
        + "pass --names PATH (makemore's names.txt, one name per line)")
  }
}
