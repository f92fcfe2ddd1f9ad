import Foundation
import TestSupport
import Testing

@testable import MicrogradCLI

/// `micrograd draw` and the command's bad-input handling.
@Suite struct CLITests {
  static let lecture = [
    "draw", "e = a*b; d = e + c; L = d*f", "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--set", "f=-2",
    "--backward",
  ]

  @Test func drawsTheLecturesExpression() throws {
    let dot = try run("micrograd", Self.lecture + ["--format", "dot"])
    #expect(dot.status == 0, "\(dot.error)")
    #expect(
      dot.output
        == (try String(contentsOf: outputFolder.appendingPathComponent("expression-backward.dot"), encoding: .utf8)))
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("L.svg")
    let svg = try run("micrograd", Self.lecture + ["-o", file.path])
    #expect(svg.status == 0 && svg.output.isEmpty, "\(svg.error)")
    #expect(
      try Data(contentsOf: file) == Data(contentsOf: outputFolder.appendingPathComponent("expression-backward.svg")))
    // Without -o: SVG on standard output; --rankdir TB turns it.
    let tb = try run("micrograd", Self.lecture + ["--rankdir", "TB", "--format", "dot"])
    #expect(tb.output.contains("graph [rankdir=TB nslimit=1]"))
    let stdout = try run("micrograd", ["draw", "q = a + b", "--set", "a=2", "--set", "b=-3"])
    #expect(stdout.output.hasPrefix("<?xml"))
  }

  /// --fold: the neuron's products and sum become one value, Σ w·x + b,
  /// drawn from its weights, inputs and bias; named values stay.
  @Test func foldDrawsTheWeightedSumAsOneValue() throws {
    let neuron = [
      "draw", "o = tanh(x1*w1 + x2*w2 + b)", "--set", "x1=2", "--set", "x2=0", "--set", "w1=-3",
      "--set", "w2=1", "--set", "b=6.8813735870195432", "--backward", "--format", "dot",
    ]
    let plain = try run("micrograd", neuron)
    let folded = try run("micrograd", neuron + ["--fold"])
    #expect(plain.status == 0 && folded.status == 0, "\(folded.error)")
    #expect(plain.output.components(separatedBy: "shape=record").count - 1 == 10)
    #expect(folded.output.components(separatedBy: "shape=record").count - 1 == 7)
    #expect(folded.output.contains("[label=\"Σ w·x + b\"]") && !folded.output.contains("[label=\"*\"]"))
    #expect(folded.output.contains("{ o | data 0.7071 | grad 1.0000 }"))
    #expect(try run("micrograd", neuron + ["--fold"]).output == folded.output)
    // Named products are not hidden: n = x1*w1 + x2*w2 + b folds only
    // when its steps are unnamed.
    let named = try run(
      "micrograd",
      [
        "draw", "p = x1*w1; o = tanh(p + x2*w2 + b)", "--set", "x1=2", "--set", "x2=0", "--set", "w1=-3",
        "--set", "w2=1", "--set", "b=1", "--fold", "--format", "dot",
      ])
    #expect(named.status == 2 && named.error.hasPrefix("micrograd: error: --fold: the graph has no neuron to fold"))
  }

  @Test func jsonGivesEveryNamedValue() throws {
    let result = try run(
      "micrograd",
      [
        "draw", "n = x1*w1 + x2*w2 + b; o = tanh(n)", "--set", "x1=2", "--set", "x2=0", "--set", "w1=-3",
        "--set", "w2=1", "--set", "b=6.8813735870195432", "--backward", "--json",
      ])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: Double]])
    let expected: [String: (data: Double, grad: Double)] = [
      "x1": (2, -1.5), "x2": (0, 0.5), "w1": (-3, 1), "w2": (1, 0), "b": (6.8813735870195432, 0.5),
      "n": (0.8813735870195432, 0.5), "o": (0.7071067811865477, 1),
    ]
    #expect(Set(object.keys) == Set(expected.keys))
    for (name, value) in expected {
      #expect(abs(object[name]!["data"]! - value.data) < 1e-12, "\(name).data")
      #expect(abs(object[name]!["grad"]! - value.grad) < 1e-12, "\(name).grad")
    }
    // In the order given: the inputs, then the assignments.
    let order = ["x1", "x2", "w1", "w2", "b", "n", "o"].map { "\"\($0)\":" }
    let positions = order.compactMap { result.output.range(of: $0)?.lowerBound }
    #expect(positions.count == order.count && positions == positions.sorted())
  }

  @Test func expressionLanguageFollowsPython() throws {
    // -b ** 2 is -(b ** 2); ** groups to the right; numbers fold.
    let result = try run(
      "micrograd", ["draw", "y = -b ** 2 + 2 ** 3 ** 2 / 64; z = sigmoid(relu(log(exp(y))))", "--set", "b=3", "--json"])
    #expect(result.status == 0, "\(result.error)")
    let object = try #require(
      JSONSerialization.jsonObject(with: Data(result.output.utf8)) as? [String: [String: Double]])
    #expect(object["y"]!["data"]! == -1)  // -9 + 512 / 64
    #expect(abs(object["z"]!["data"]! - 0.5) < 1e-15)  // sigmoid(relu(-1)) = sigmoid(0)
  }

  /// Bad input: status 2, one error line (a caret under it for syntax),
  /// nothing written.
  @Test(arguments: [
    (
      ["e = a*; L = e", "--set", "a=1"],
      "micrograd: error: syntax error: expected a number, a name or '(', found ';' (column 7)"
    ),
    (
      ["L = a * b", "--set", "a=1"],
      "micrograd: error: unknown name 'b'; give it a value with --set b=NUMBER (column 9)"
    ),
    (["L = a * 2", "--set", "a=1", "--set", "a=2"], "micrograd: error: --set a: 'a' is given twice"),
    (["a = 1; a = 2"], "micrograd: error: 'a' is assigned twice (column 8)"),
    (
      ["a = 2; L = a * 3", "--set", "a=1"],
      "micrograd: error: 'a' is given twice: with --set and assigned here (column 1)"
    ),
    (["L = a * 2", "--set", "a=abc"], "micrograd: error: --set a=abc: 'abc' is not a number"),
    (
      ["L = foo(a)", "--set", "a=1"],
      "micrograd: error: unknown function 'foo'; the functions are tanh exp log relu sigmoid (column 5)"
    ),
    (
      ["L = a ** b", "--set", "a=1", "--set", "b=2"],
      "micrograd: error: the exponent of ** must be a number (micrograd's ** takes a constant) (column 10)"
    ),
    (["L = a * 2", "--set", "a=1", "--set", "z=3"], "micrograd: error: --set z: the expression does not use 'z'"),
    (
      ["L = a * 2", "--set", "a=1", "--format", "nosuch"],
      "micrograd: error: --format nosuch: Graphviz offers no such format here; it offers"
    ),
    (["L = a * 2", "--set", "a=1", "--rankdir", "XY"], "micrograd: error: --rankdir XY: use LR or TB (or RL, BT)"),
    (["L = a $ 2", "--set", "a=1"], "micrograd: error: unexpected character '$' (column 7)"),
    ([""], "micrograd: error: the expression is empty"),
    (
      ["b = a", "--set", "a=1"],
      "micrograd: error: 'b' would be a second name for 'a'; write b = a + 0 for a new node (column 1)"
    ),
    (["b = 1.2.3"], "micrograd: error: '1.2.3' is not a number (column 5)"),
    (
      ["e = a*b; d = e + c; L = tanh(d)", "--set", "a=2", "--set", "b=-3", "--set", "c=10", "--fold"],
      "micrograd: error: --fold: the graph has no neuron to fold: no activation (tanh, ReLU, sigmoid) of a sum of unlabelled products w*x used once, plus at most one other term"
    ),
  ])
  func badInput(_ arguments: [String], _ message: String) throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("L.svg")
    let result = try run("micrograd", ["draw"] + arguments + ["-o", file.path])
    #expect(result.status == 2)
    #expect(result.output.isEmpty)
    let lines = result.error.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    #expect(lines[0].hasPrefix(message), "\(result.error)")
    if message.contains("(column ") {
      // The expression, and a caret under the column.
      #expect(lines.count == 4 && lines[1] == "  " + arguments[0])
      let column = Int(message.split(separator: "(column ").last!.dropLast())!
      #expect(lines[2] == String(repeating: " ", count: column + 1) + "^")
    } else {
      #expect(lines.count == 2 && lines[1].isEmpty)
    }
    #expect(try folder.files().isEmpty)
  }

  @Test func hugeOrDeepExpressionsAreErrorsNotCrashes() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("L.svg")
    let deep = String(repeating: "(", count: 600) + "a" + String(repeating: ")", count: 600)
    let nested = try run("micrograd", ["draw", deep, "--set", "a=1", "-o", file.path])
    #expect(nested.status == 2)
    #expect(nested.error.hasPrefix("micrograd: error: the expression is nested too deeply (more than 500 levels)"))
    let tooLong = Array(repeating: "a", count: 6_000).joined(separator: "+")
    let long = try run("micrograd", ["draw", tooLong, "--set", "a=1", "-o", file.path])
    #expect(long.error == "micrograd: error: the expression is too long (more than 10000 tokens)\n")
    // 4,999 terms: evaluated in a loop, but far past the layout limit;
    // so is a product of 200 factors (399 nodes, but its edges from `a`
    // cross about 40,000 ranks), which used to take minutes in Graphviz.
    let sum = Array(repeating: "a", count: 4_999).joined(separator: "+")
    let big = try run("micrograd", ["draw", sum, "--set", "a=1", "-o", file.path])
    #expect(big.status == 2)
    #expect(big.error.hasPrefix("micrograd: error: the graph needs "))
    #expect(big.error.contains("more than the limit of 5000"))
    let product = Array(repeating: "a", count: 200).joined(separator: "*")
    let tower = try run("micrograd", ["draw", product, "--set", "a=1", "-o", file.path])
    #expect(tower.status == 2)
    #expect(tower.error.contains("more than the limit of 5000"))
    #expect(try folder.files().isEmpty)
    // ...which --node-limit raises; and 499 nested calls are fine.
    let small = try run("micrograd", ["draw", "a+a+a", "--set", "a=1", "--node-limit", "7", "-o", file.path])
    #expect(small.status == 0, "\(small.error)")
    let calls = String(repeating: "tanh(", count: 499) + "a" + String(repeating: ")", count: 499)
    #expect(try run("micrograd", ["draw", calls, "--set", "a=1", "--json"]).status == 0)
    // An expression that starts with '-' goes after '--'.
    let negative = try run("micrograd", ["draw", "--set", "a=2", "--json", "--", "y = -a * 3"])
    #expect(negative.status == 0 && negative.output.contains("\"y\": {\"data\": -6.0"), "\(negative.error)")
  }

  /// --format html (or -o L.html): the page, under the node limit and the
  /// errors of every other format.
  @Test func drawsThePage() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("L.html")
    let page = try run("micrograd", Self.lecture + ["-o", file.path])
    #expect(page.status == 0 && page.output.isEmpty, "\(page.error)")
    let text = try String(contentsOf: file, encoding: .utf8)
    #expect(text.hasPrefix("<!DOCTYPE html>") && text.contains("<title>L</title>"))
    // The page writes the chain rule from its data: each operation's rule
    // (the one table's words) and each step's numbers in full and as drawn.
    #expect(text.contains(#""*":"the product rule: o = a * b; do/da = b, do/db = a""#))
    #expect(text.contains(#""-2.0","-2.0000""#))
    let stdout = try run("micrograd", Self.lecture + ["--format", "HTML"])
    #expect(stdout.status == 0 && stdout.output == text, "\(stdout.error)")
    let limited = try run("micrograd", Self.lecture + ["--format", "html", "--node-limit", "3", "-o", file.path])
    #expect(limited.status == 2 && limited.error.contains("more than the limit of 3"), "\(limited.error)")
    #expect(try String(contentsOf: file, encoding: .utf8) == text)
  }

  /// --backward-steps DIR: a figure per step, with or without -o.
  @Test func writesTheStepsOfBackward() throws {
    let folder = try TemporaryFolder()
    let frames = folder.url.appendingPathComponent("frames")
    let result = try run("micrograd", Self.lecture + ["--backward-steps", frames.path])
    #expect(result.status == 0 && result.output.isEmpty, "\(result.error)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: frames.path).sorted() == (0...7).map { "step-00\($0).svg" })
    let third = try String(contentsOf: frames.appendingPathComponent("step-003.svg"), encoding: .utf8)
    #expect(third.contains(">step 3 of 7: d.backwardStep()</text>"))
    let dot = try run(
      "micrograd",
      Self.lecture + [
        "--backward-steps", frames.path, "--format", "dot", "-o", folder.url.appendingPathComponent("L.dot").path,
      ])
    #expect(dot.status == 0, "\(dot.error)")
    #expect(FileManager.default.fileExists(atPath: frames.appendingPathComponent("step-007.dot").path))
    #expect(FileManager.default.fileExists(atPath: folder.url.appendingPathComponent("L.dot").path))
    let html = try run("micrograd", Self.lecture + ["--backward-steps", frames.path, "--format", "html"])
    #expect(
      html.status == 2 && html.error.hasPrefix("micrograd: error: --backward-steps with --format html:"),
      "\(html.error)")
  }

  /// --backward-steps writes everything or nothing: a -o that cannot be
  /// written, or a folder in a frame's place, leaves no frame behind.
  @Test func backwardStepsWriteAllOrNothing() throws {
    let folder = try TemporaryFolder()
    let frames = folder.url.appendingPathComponent("frames")
    let badOutput = try run("micrograd", Self.lecture + ["--backward-steps", frames.path, "-o", "/nonexistent/L.svg"])
    #expect(
      badOutput.status == 2 && badOutput.error.hasPrefix("micrograd: error: cannot write \"/nonexistent/L.svg\""),
      "\(badOutput.error)")
    #expect(!FileManager.default.fileExists(atPath: frames.path))
    try FileManager.default.createDirectory(
      at: frames.appendingPathComponent("step-003.svg"), withIntermediateDirectories: true)
    let taken = try run("micrograd", Self.lecture + ["--backward-steps", frames.path])
    #expect(
      taken.status == 2 && taken.error.contains("\"step-003.svg\", which is not an earlier frame"), "\(taken.error)")
    #expect(try FileManager.default.contentsOfDirectory(atPath: frames.path) == ["step-003.svg"])
    let empty = try run("micrograd", Self.lecture + ["--backward-steps", ""])
    #expect(
      empty.status == 2 && empty.error == "micrograd: error: --backward-steps is empty; pass a folder for the frames\n",
      "\(empty.error)")
    // A second run replaces the frames and removes the stale ones.
    let again = folder.url.appendingPathComponent("again")
    try FileManager.default.createDirectory(at: again, withIntermediateDirectories: true)
    try Data("old".utf8).write(to: again.appendingPathComponent("step-099.svg"))
    let replaced = try run("micrograd", Self.lecture + ["--backward-steps", again.path])
    #expect(replaced.status == 0, "\(replaced.error)")
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: again.path).sorted() == (0...7).map { "step-00\($0).svg" })
  }

  /// --fold draws values the steps of backward() do not update one by one:
  /// neither the frames nor the page go with it.
  @Test func foldRefusesTheStepsAndThePage() throws {
    let folder = try TemporaryFolder()
    let neuron = [
      "draw", "o = tanh(x1*w1 + x2*w2 + b)", "--fold", "--set", "x1=2", "--set", "x2=0", "--set", "w1=-3", "--set",
      "w2=1", "--set", "b=6.8",
    ]
    let frames = folder.url.appendingPathComponent("frames")
    let steps = try run("micrograd", neuron + ["--backward-steps", frames.path])
    #expect(
      steps.status == 2 && steps.error.hasPrefix("micrograd: error: --fold with --backward-steps: the steps update"),
      "\(steps.error)")
    #expect(!FileManager.default.fileExists(atPath: frames.path))
    let page = folder.url.appendingPathComponent("o.html")
    let html = try run("micrograd", neuron + ["-o", page.path])
    #expect(
      html.status == 2
        && html.error.hasPrefix("micrograd: error: --fold with --format html: the page steps through backward()"),
      "\(html.error)")
    #expect(!FileManager.default.fileExists(atPath: page.path))
    let stdout = try run("micrograd", neuron + ["--format", "html"])
    #expect(stdout.status == 2 && stdout.output.isEmpty, "\(stdout.error)")
  }

  @Test func jsonWithOutputWritesBoth() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("q.dot")
    let result = try run(
      "micrograd", ["draw", "q = a + b", "--set", "a=2", "--set", "b=-3", "--json", "-o", file.path])
    #expect(result.status == 0)
    #expect(result.output.contains("\"q\": {\"data\": -1.0, \"grad\": 0.0}"))
    #expect(try String(contentsOf: file, encoding: .utf8).hasPrefix("digraph q {"))
  }

  @Test func graphvizErrorsAreStatusTwoAndKeepTheOldFile() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("q.svg")
    try Data("old".utf8).write(to: file)
    let result = try run(
      "micrograd", ["draw", "q = a + b", "--set", "a=2", "--set", "b=-3", "--format", "svg:nosuch", "-o", file.path])
    #expect(result.status == 2)
    #expect(result.error.hasPrefix("micrograd: error: Graphviz could not render the graph as svg:nosuch"))
    #expect(try String(contentsOf: file, encoding: .utf8) == "old")
    #expect(try folder.files() == ["q.svg"])
  }

  @Test func figuresIntoAFileSaysSo() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("file")
    try Data().write(to: file)
    let result = try run("micrograd", ["figures", "--out", file.appendingPathComponent("sub").path])
    #expect(result.status == 2)
    #expect(
      result.error
        == "micrograd: error: cannot make the folder \"\(file.path)/sub\": \(file.path) is a file, not a folder\n")
    #expect(result.output.isEmpty)
    #expect(try folder.files() == ["file"])
  }

  @Test func unwritableOutputIsAnErrorAndWritesNothing() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("missing/L.svg")
    let result = try run("micrograd", ["draw", "q = a + b", "--set", "a=2", "--set", "b=-3", "-o", file.path])
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: cannot write \"\(file.path)\": No such file or directory\n")
    #expect(try folder.files().isEmpty)
    let figures = try run("micrograd", ["figures", "--out", "/proc/no/such/folder"])
    #expect(figures.status == 2)
    #expect(figures.error.hasPrefix("micrograd: error: "))
  }

  @Test(arguments: [["--help"], ["draw", "--help"], ["figures", "--help"]])
  func helpHasExamples(_ arguments: [String]) throws {
    let result = try run("micrograd", arguments)
    #expect(result.status == 0)
    #expect(result.output.contains("Examples:"))
    #expect(result.output.contains("micrograd "))
  }

  @Test func unknownOptionIsStatusTwo() throws {
    let result = try run("micrograd", ["draw", "q = a", "--set", "a=1", "--bogus"])
    #expect(result.status == 2)
    #expect(result.error.hasPrefix("micrograd: error: Unknown option '--bogus'"))
  }
}

/// Issue 10, point 6: a message that echoes the user's input (an
/// argument, a path, a word from a file) shows its control characters as
/// visible text, so that it cannot clear the terminal, colour it or add
/// lines: no byte below 0x20 but the line feeds ending the lines the
/// program writes, no DEL, no C1 control.
@Suite struct ControlCharacterTests {
  /// Runs a program that must fail, and checks what every such failure
  /// must be: status 2, nothing on stdout, nothing a terminal acts on.
  func failure(_ product: String, _ arguments: [String]) throws -> ProgramRun {
    let result = try run(product, arguments)
    #expect(result.status == 2, "\(result.error)")
    #expect(result.output.isEmpty)
    #expect(terminalControls(in: result.errorBytes) == [], "\(result.error.debugDescription)")
    return result
  }

  @Test func drawDoesNotClearTheTerminal() throws {
    let result = try failure("micrograd", ["draw", "\u{1B}[2Ja", "--set", "a=1"])
    let expected = "micrograd: error: unexpected character '\u{241B}' (column 1)\n  \u{241B}[2Ja\n  ^\n"
    #expect(result.errorBytes == Array(expected.utf8), "\(result.error.debugDescription)")
  }

  /// The caret stays under the character when a stand-in is wider than
  /// one character (a C1 control), and after a control picture.
  @Test func caretStaysUnderTheColumn() throws {
    let csi = try failure("micrograd", ["draw", "a\u{9B}2J", "--set", "a=1"])
    #expect(
      csi.errorBytes == Array("micrograd: error: unexpected character '\\u{9B}' (column 2)\n  a\\u{9B}2J\n   ^\n".utf8))
    let crlf = try failure("micrograd", ["draw", "\u{7}a\r\n", "--set", "a=1"])
    #expect(
      crlf.errorBytes
        == Array(
          "micrograd: error: unexpected character '\u{2407}' (column 1)\n  \u{2407}a\u{240D}\u{240A}\n  ^\n".utf8))
    let after = try failure("micrograd", ["draw", "\u{1B}\u{9B}\u{7F}$", "--set", "a=1"])
    #expect(after.error.hasSuffix("\n  \u{241B}\\u{9B}\u{2421}$\n  ^\n"), "\(after.error)")
    // Tabs, which the parser skips, are shown as spaces.
    let syntax = try failure("micrograd", ["draw", "a\tb", "--set", "a=1"])
    #expect(
      syntax.error == "micrograd: error: syntax error: expected ';' or the end, found 'b' (column 3)\n  a b\n    ^\n")
  }

  /// The whole of stderr, for messages this package writes.
  @Test(arguments: [
    (
      ["draw", "a", "--set", "\u{1B}=1"], "micrograd: error: --set \u{241B}=1: write --set name=value, e.g. --set a=2\n"
    ),
    (["draw", "a", "--set", "a=\u{7}"], "micrograd: error: --set a=\u{2407}: '\u{2407}' is not a number\n"),
    (["draw", "a", "--set", "a=1\n2"], "micrograd: error: --set a=1\u{240A}2: '1\u{240A}2' is not a number\n"),
    (
      ["draw", "a", "--set", "a=1", "--rankdir", "\u{1B}c"],
      "micrograd: error: --rankdir \u{241B}c: use LR or TB (or RL, BT)\n"
    ),
    (
      ["draw", "a", "--set", "a=1", "-o", "/no/such\u{1B}[2J/L.svg"],
      "micrograd: error: cannot write \"/no/such\u{241B}[2J/L.svg\": No such file or directory\n"
    ),
    // A line feed in a path or a format reaches GraphRender's errors,
    // which are not the argument parser's: shown, not a second line.
    (
      ["draw", "q=a+b", "--set", "a=1", "--set", "b=2", "-o", "/no/such\n\u{1B}[2J/L.svg"],
      "micrograd: error: cannot write \"/no/such\u{240A}\u{241B}[2J/L.svg\": No such file or directory\n"
    ),
    (
      ["draw", "q=a+b", "--set", "a=1", "--set", "b=2", "--format", "svg:x\ny"],
      "micrograd: error: Graphviz could not render the graph as svg:x\u{240A}y: renderer for svg:x; y is unavailable\n"
    ),
  ])
  func messagesShowControlCharacters(_ arguments: [String], _ expected: String) throws {
    let result = try failure("micrograd", arguments)
    #expect(result.errorBytes == Array(expected.utf8), "\(result.error.debugDescription)")
    // terminalControls lets any line feed through: count them.
    #expect(result.errorBytes.filter { $0 == 0x0A }.count == 1, "\(result.error.debugDescription)")
  }

  /// `micrograd figures`' warning (the old folder could not be removed)
  /// names the --out folder: one line, shown like an error. Unit-tested,
  /// as no test can make the removal fail.
  @Test func warningsShowControlCharacters() {
    let line = MicrogradCommand.warningLine("the figures are in --out \"a\n\u{1B}[2Jb\"")
    #expect(line == "micrograd: warning: the figures are in --out \"a\u{240A}\u{241B}[2Jb\"\n")
    #expect(terminalControls(in: Array(line.utf8)) == [])
  }

  /// The argument parser's messages: the argument shown, no line added.
  @Test(arguments: [
    (["--\u{1B}[31mx"], "micrograd: error: Unknown option '--\u{241B}[31mx'"),
    (["draw", "a", "--set", "a=1", "--a\nb"], "micrograd: error: Unknown option '--a\u{240A}b'"),
    (
      ["draw", "a", "--set", "a=1", "--node-limit", "\u{1}\u{9B}"],
      "micrograd: error: The value '\u{2401}\\u{9B}' is invalid for '--node-limit"
    ),
    (["draw", "a", "--set", "a=1", "-\u{1B}"], "micrograd: error: Unknown option '-\u{241B}'"),
  ])
  func parserMessagesShowControlCharacters(_ arguments: [String], _ prefix: String) throws {
    let result = try failure("micrograd", arguments)
    #expect(result.error.hasPrefix(prefix), "\(result.error.debugDescription)")
    #expect(result.error.split(separator: "\n").count == 1, "\(result.error.debugDescription)")
  }

  @Test func makemorePathsAndWordsAreShown() throws {
    let missing = try failure("micrograd", ["makemore", "train", "--names", "/no/such\u{1B}[2J.txt"])
    #expect(missing.error.hasPrefix("micrograd: error: cannot read \"/no/such\u{241B}[2J.txt\": "), "\(missing.error)")
    let model = try failure("micrograd", ["makemore", "sample", "--model", "/no/such\u{7}.json"])
    #expect(model.error.hasPrefix("micrograd: error: cannot read \"/no/such\u{2407}.json\""), "\(model.error)")
    let save = try failure("micrograd", ["makemore", "train", "--save", "/no/such\u{9B}/model.json"])
    #expect(save.error == "micrograd: error: --save \"/no/such\\u{9B}/model.json\": No such file or directory\n")

    let folder = try TemporaryFolder()
    let bad = folder.url.appendingPathComponent("bad.txt")
    try Data("emma\nol\u{1B}[2Jivia\nava\n".utf8).write(to: bad)
    let word = try failure("micrograd", ["makemore", "train", "--names", bad.path])
    #expect(word.error.contains("bad.txt:2: the word \"ol\u{241B}[2Jivia\" has \"\\u{1B}\", which"), "\(word.error)")
    try Data("emma\nol\u{9B}ivia\n".utf8).write(to: bad)
    let c1 = try failure("micrograd", ["makemore", "train", "--names", bad.path])
    #expect(c1.error.contains("bad.txt:2: the word \"ol\\u{9B}ivia\" has \"\\u{9B}\", which"), "\(c1.error)")
  }

  @Test func examplesShowControlCharacters() throws {
    let add = try failure("add", ["--\u{1B}"])
    #expect(add.errorBytes == Array("add: unknown argument '--\u{241B}' (usage: add [--out DIR])\n".utf8))
    let bigram = try failure("bigram", ["--names", "/no/such\u{1B}[2J"])
    #expect(bigram.error.hasPrefix("bigram: cannot read the names file \"/no/such\u{241B}[2J\": "), "\(bigram.error)")
    let names = try failure("names-mlp", ["--names", "/no/such\u{1B}"])
    #expect(names.error.hasPrefix("names-mlp: cannot read \"/no/such\u{241B}\": "), "\(names.error)")
    let unknown = try failure("names-mlp", ["--\u{1B}[2J"])
    #expect(unknown.errorBytes == Array("names-mlp: unknown argument '--\u{241B}[2J' (try --help)\n".utf8))
  }
}
