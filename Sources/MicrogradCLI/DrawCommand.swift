import ArgumentParser
import DrawLanguage
internal import FileOutput
import Foundation
import GraphRender
import Micrograd

/// `micrograd draw`: one expression, one figure.
struct DrawCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "draw",
    abstract: "Draw the graph of an expression, as the lecture's draw_dot does.",
    discussion: """
      The expression language: numbers, names, + - * / ** (right-associative, \
      binding tighter than unary minus, as in Python: -b ** 2 is -(b ** 2)), unary \
      minus, parentheses, the functions tanh exp log relu sigmoid, and ';'-separated \
      assignments whose names become the nodes' labels. The last statement is the \
      graph's root. Names that are not assigned need --set. Numbers combine as \
      numbers (2 ** 3 is 8, not a node); the exponent of ** must be a number written \
      in the expression (a name assigned a number is a node).

      An expression that starts with '-' goes after '--', at the end: \
      micrograd draw --set a=2 -- '-a * 3'.

      --fold draws each neuron's weighted sum as one value, Σ w·x + b, drawn from \
      its weights, inputs and bias instead of its chain of * and +. A neuron is an \
      activation (tanh, relu, sigmoid) of a sum of products that are not named \
      and used only there, plus at most one other term (the bias): in \
      'o = tanh(x1*w1 + x2*w2 + b)' the products and the sum fold, and o stays. \
      A named step (e = a*b) is never hidden.

      Without -o the figure goes to standard output (SVG unless --format says \
      otherwise), unless --json or --backward-steps is given: then the figure is \
      written only with -o. A file given to -o is replaced whole; -o - or \
      /dev/stdout, a pipe or a device is written as it is (SVG without an \
      extension or --format); a symbolic link is followed. --json prints the named values: each name's data and \
      grad, inputs first, then assignments in order, NaN and the infinities as \
      "nan", "inf", "-inf"; it goes to standard output, so the figure must then go \
      to a file (not -o -).

      --format html writes a page that explores the graph in a browser: hover or focus \
      a value for its numbers and the chain rule there, click it for what it depends \
      on, and step through backward() with the arrow keys. --backward-steps DIR writes \
      one figure per step of backward() (the node processed in red, the operands it \
      updated in orange), for slides. DIR must be missing, empty, or hold only \
      earlier frames (files step-NNN.ext); the new frames replace the folder whole, \
      only once they and the -o figure (which must be outside it) are all written. --fold goes with neither the page \
      nor the frames: backward()'s steps update values a folded figure does not draw.

      Bad input is one line on standard error, exit status 2, and nothing is \
      written: a syntax error (its column, and a caret under it in at most 80 \
      characters of the expression), an unknown \
      or twice-given name, a --set that is not a number or names nothing the \
      expression uses, an unknown function, format or --rankdir, --fold on a graph \
      with no neuron or with html or --backward-steps, an empty --backward-steps or \
      one whose folder holds other files, a graph above \
      --node-limit, an expression nested more than 500 deep or longer than 10,000 \
      tokens, --json with -o - (both on standard output), Graphviz's own errors, or \
      an output path that cannot be written.

      Examples:
        micrograd draw 'e = a*b; d = e + c; L = d*f' --backward -o L.svg \\
            --set a=2 --set b=-3 --set c=10 --set f=-2
        micrograd draw 'o = tanh(x1*w1 + x2*w2 + b)' --backward --json \\
            --set x1=2 --set x2=0 --set w1=-3 --set w2=1 --set b=6.8813735870195432
        micrograd draw 'q = a + b' --set a=2 --set b=-3 --format dot
        micrograd draw 'e = a*b; d = e + c; L = d*f' -o L.html \\
            --set a=2 --set b=-3 --set c=10 --set f=-2 --backward-steps frames
        micrograd draw 'o = tanh(x1*w1 + x2*w2 + b)' --fold -o neuron.svg \\
            --set x1=2 --set x2=0 --set w1=-3 --set w2=1 --set b=6.8813735870195432
      """
  )

  @Argument(help: "The expression, e.g. 'e = a*b; L = e + c'.")
  var expression: String

  @Option(
    name: .customLong("set"),
    help: ArgumentHelp(
      "Give a name a value (any number Swift reads: 2, -3.5, 1e-3, inf, nan).", valueName: "name=value"))
  var assignments: [String] = []

  @Flag(help: "Run backward() from the root before drawing.")
  var backward = false

  @Option(help: "The direction of the graph: LR (left to right) or TB (top to bottom).")
  var rankdir = "LR"

  @Option(
    help:
      "The output format: svg, png, pdf, dot, html (a page that steps through backward()), or another that Graphviz offers; by default the -o file's extension, else svg."
  )
  var format: String?

  @Option(name: .shortAndLong, help: "The file to write; standard output if absent.")
  var output: String?

  @Flag(help: "Draw each neuron's weighted sum (tanh(x1*w1 + x2*w2 + b)'s sum) as one value, Σ w·x + b.")
  var fold = false

  @Flag(help: "Print every named value's data and grad as JSON.")
  var json = false

  @Option(
    name: .customLong("backward-steps"),
    help: ArgumentHelp(
      "Also write one figure per step of backward() into the folder: step-000.svg (the forward pass), step-001.svg, ... (--format for PNG or PDF); the folder must be new, empty, or hold only earlier frames, which are replaced.",
      valueName: "folder"))
  var backwardSteps: String?

  @Option(
    help:
      "The largest layout size to lay out (values and ops, plus a quarter for each rank an edge crosses); larger graphs take long."
  )
  var nodeLimit = Drawing.defaultNodeLimit

  func run() throws {
    let inputs = try parseAssignments()
    do {
      var parser = try Parser(expression)
      let statements = try parser.program()
      var evaluator = Evaluator(inputs: inputs)
      let root = try evaluator.run(statements)
      if backward { root.backward() }
      try writeFigure(root)
      if json { print(Self.json(evaluator.named)) }
    } catch let error as DrawLanguageError {
      guard let column = error.column else { throw InputError(message: error.message) }
      let (snippet, offset) = Self.window(of: expression, around: column)
      MicrogradCommand.fail(
        "\(error.message) (column \(column))",
        detail: "  \(snippet)\n  \(String(repeating: " ", count: offset))^\n")
    }
  }

  /// At most 80 characters of `text` as shown around `column` (with "..."
  /// where cut), and where the column is in it, for the caret. Tabs and
  /// line feeds, which the parser skips, are shown as spaces; any other
  /// control character as `withVisibleControlCharacters` shows it (`␛`;
  /// U+009B as `\u{9B}`, six characters, and the caret still lands under
  /// the character at `column`).
  static func window(of text: String, around column: Int) -> (String, Int) {
    var characters: [Character] = []
    var caret: Int?
    for (i, c) in text.enumerated() {
      if i == column - 1 { caret = characters.count }
      characters += c == "\t" || c == "\n" ? [" "] : Array(String(c).withVisibleControlCharacters)
    }
    // A column past the end (where "the end" was found) stays past it.
    let at = caret ?? characters.count + column - 1 - text.count
    let start = max(0, min(at - 40, characters.count - 80))
    let end = min(characters.count, start + 80)
    let head = start > 0 ? "..." : ""
    let tail = end < characters.count ? "..." : ""
    return (head + String(characters[start..<end]) + tail, head.count + at - start)
  }

  /// The `--set` options of a `draw` command line, taken out of it: the
  /// rest, for the argument parser, and their values in order. Only a
  /// command line that starts with `draw` is changed, and nothing after
  /// `--` (the expression may start with `-`). A `--set` without a value
  /// is left for the parser to refuse.
  static func takeAssignments(_ arguments: [String]) -> (rest: [String], assignments: [String]) {
    guard arguments.first == "draw" else { return (arguments, []) }
    var rest: [String] = []
    var assignments: [String] = []
    var i = 0
    while i < arguments.count {
      let argument = arguments[i]
      if argument == "--" {
        rest += arguments[i...]
        break
      } else if argument == "--set", i + 1 < arguments.count {
        assignments.append(arguments[i + 1])
        i += 2
        continue
      } else if argument.hasPrefix("--set=") {
        assignments.append(String(argument.dropFirst("--set=".count)))
      } else {
        rest.append(argument)
      }
      i += 1
    }
    return (rest, assignments)
  }

  /// `--set name=value` options, checked.
  private func parseAssignments() throws -> [(name: String, value: Double)] {
    var inputs: [(name: String, value: Double)] = []
    var given: Set<String> = []  // for the check below: linear in the number of names
    for assignment in assignments {
      let parts = assignment.split(separator: "=", maxSplits: 1).map(String.init)
      guard parts.count == 2, let first = parts[0].first, first.isLetter || first == "_",
        parts[0].allSatisfy({ $0.isLetter || $0.isNumber || $0 == "_" })
      else {
        throw InputError(message: "--set \(Terminal.quoted(assignment)): write --set name=value, e.g. --set a=2")
      }
      let name = parts[0]
      let text = parts[1].trimmingCharacters(in: .whitespaces)
      guard let value = Double(text) else {
        throw InputError(
          message:
            "--set \(Terminal.quoted(name))=\(Terminal.quoted(parts[1])): '\(Terminal.quoted(parts[1]))' is not a number"
        )
      }
      guard given.insert(name).inserted else {
        throw InputError(message: "--set \(Terminal.quoted(name)): '\(Terminal.quoted(name))' is given twice")
      }
      inputs.append((name, value))
    }
    return inputs
  }

  /// Checks the options against each other before anything is parsed,
  /// drawn or written: the direction, and the pairs that cannot go
  /// together (a folded figure with the page or the frames, the page as
  /// frames).
  func validate() throws {
    guard RankDir(rawValue: rankdir.uppercased()) != nil else {
      // Quoted short by MicrogradCommand.parserMessage, as validate() runs in the parser.
      throw InputError(message: "--rankdir \(rankdir): use LR or TB (or RL, BT)")
    }
    if fold, backwardSteps != nil {
      throw InputError(
        message: "--fold with --backward-steps: the steps update the gradients of the products and sums "
          + "a folded figure does not draw; drop one of them")
    }
    let namedFormat =
      format.map { OutputFormat(rawValue: $0.lowercased()) }
      ?? output.flatMap { OutputFormat(fileExtension: URL(fileURLWithPath: $0).pathExtension) }
    if fold, namedFormat == .html {
      throw InputError(
        message: "--fold with --format html: the page steps through backward(), whose steps update values "
          + "a folded figure does not draw; write svg, png, pdf or dot, or drop --fold")
    }
    // Two files in one stream: no reader could take either back out.
    if json, let output, (try? Destination(output)) == .standardOutput {
      throw InputError(
        message: "--json with -o \(Terminal.quoted(output)): the figure and the JSON would both go to "
          + "standard output; write the figure to a file, or drop --json")
    }
    if let backwardSteps {
      guard !backwardSteps.isEmpty else {
        throw InputError(message: "--backward-steps is empty; pass a folder for the frames")
      }
      if format.map({ OutputFormat(rawValue: $0.lowercased()) }) == .html {
        throw InputError(
          message: "--backward-steps with --format html: the frames are figures (svg, png, pdf, dot); "
            + "the page steps through backward() itself")
      }
      // The folder is replaced whole: a figure staged in it would go with
      // the old folder, after the new frames were in place.
      if let output, case .file(let file)? = try? Destination(output),
        samePlace(URL(fileURLWithPath: file).deletingLastPathComponent(), URL(fileURLWithPath: backwardSteps))
      {
        throw InputError(
          message: "-o \"\(output)\" is inside --backward-steps \"\(backwardSteps)\", "
            + "which the frames replace whole; write the figure elsewhere")
      }
    }
  }

  /// Draws the root and writes it where the options say.
  private func writeFigure(_ root: Value) throws {
    let options = DrawOptions(
      rankdir: RankDir(rawValue: rankdir.uppercased()) ?? .leftToRight, folded: fold, nodeLimit: nodeLimit)
    let drawing: Drawing
    do {
      drawing = try drawDot(root, options: options)
    } catch GraphRenderError.invalidOption(let message) where fold && message.hasPrefix("folded: ") {
      throw InputError(message: "--fold: " + message.dropFirst("folded: ".count))
    }
    let chosen: OutputFormat? = format.map { OutputFormat(rawValue: $0.lowercased()) }
    if let chosen, chosen.renderer == .graphviz {
      let offered = try availableFormats()
      guard chosen.isOffered(in: offered) else {
        throw InputError(
          message:
            "--format \(Terminal.quoted(chosen.rawValue)): Graphviz offers no such format here; it offers \(offered.map(\.rawValue).joined(separator: " ")) (and html, micrograd's page)"
        )
      }
    }
    // The -o file's format: --format, else its extension, checked before
    // anything is rendered or written.
    var target: (path: String, url: URL, format: OutputFormat)?
    if let output {
      let url = URL(fileURLWithPath: output)
      if let chosen {
        target = (output, url, chosen)
      } else {
        let offered = (try? availableFormats()) ?? []
        // Standard output, a pipe or a device: SVG, as without -o.
        let streamed = url.pathExtension.isEmpty && (try? Destination(output))?.isStream == true
        guard let byExtension = streamed ? .svg : OutputFormat(fileExtension: url.pathExtension),
          byExtension.isOffered(in: offered)
        else {
          throw GraphRenderError.unknownFileExtension(path: url.path, offered: offered.map(\.rawValue))
        }
        target = (output, url, byExtension)
      }
    }
    let figureFormat = target?.format ?? chosen ?? .svg
    // Everything is rendered before anything is written.
    let bytes: Data? = target != nil || (backwardSteps == nil && !json) ? try drawing.render(figureFormat) : nil
    if let target {
      do {
        try AtomicFile.checkWritable(target.path)
      } catch {
        throw GraphRenderError.cannotWrite(path: error.path, reason: error.reason)
      }
    }
    // The frames go into a fresh folder beside theirs and the figure into
    // a file beside its own; only then are the frames swapped in and the
    // figure renamed: a failure before that leaves both as they were.
    var frames: StagedFolder?
    if let backwardSteps {
      do {
        frames = try StagedFolder(
          backwardSteps, named: "--backward-steps \"\(backwardSteps)\"", accepting: FrameNumber.refusal(base: "step"))
      } catch {
        throw InputError(message: error.message)
      }
    }
    var figure: StagedFile?
    do {
      if let frames {
        try writeBackwardSteps(
          root, to: URL(fileURLWithPath: frames.staging), format: chosen ?? .svg, options: options)
      }
      if let target, let bytes {
        do {
          figure = try AtomicFile.stage(bytes, to: target.path)
        } catch {
          throw GraphRenderError.cannotWrite(path: error.path, reason: error.reason)
        }
      } else if let bytes {
        do {
          try Terminal.write(Array(bytes))
        } catch {
          throw InputError(message: error.message)
        }
      }
    } catch {
      frames?.discard()
      figure?.discard()
      throw error
    }
    do {
      if let warning = try frames?.commit() { MicrogradCommand.warn(warning) }
    } catch {
      figure?.discard()
      throw InputError(message: error.message)
    }
    do {
      try figure?.commit()
    } catch {
      throw GraphRenderError.cannotWrite(path: error.path, reason: error.reason)
    }
  }

  /// `{"a": {"data": 2.0, "grad": 6.0}, ...}` in the order of `named`;
  /// NaN and the infinities as the strings "nan", "inf" and "-inf".
  static func json(_ named: [(name: String, value: Value)]) -> String {
    func number(_ x: Double) -> String {
      if x.isNaN { return "\"nan\"" }
      if x.isInfinite { return x < 0 ? "\"-inf\"" : "\"inf\"" }
      return x.description
    }
    let entries = named.map { name, value in
      "  \(Escaping.json(name)): {\"data\": \(number(value.data)), \"grad\": \(number(value.grad))}"
    }
    return "{\n" + entries.joined(separator: ",\n") + "\n}"
  }
}
