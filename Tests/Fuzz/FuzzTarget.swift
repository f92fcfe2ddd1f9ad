import DrawLanguage
import Foundation
import GraphRender
import GraphSnapshotTesting
import Makemore
import Micrograd

/// What the fuzzer feeds: each reader of text a user (or a file) hands
/// the package, through the same calls the package makes.
///
/// A target returns when its reader accepted the input or refused it with
/// the error it documents; anything else (a trap, another error, a broken
/// promise about the result) stops the fuzzer with the input that did it.
enum FuzzTarget: String, CaseIterable {
  /// `micrograd draw`'s expression language: parsed, evaluated with the
  /// inputs a, b and c, backward() run and the graph drawn as DOT.
  case draw
  /// A value's label through the DOT writer, Graphviz's parser, its
  /// layout and its SVG: the label stays one field of one node.
  case dotLabel = "dot-label"
  /// A makemore model file, read as `makemore sample --model` reads it.
  case modelFile = "model-file"
  /// A names file, read as `makemore train --names` reads it.
  case names
  /// SVG text through the scanner that FigureCheck compares figures with.
  case svg

  /// Runs the target on one input.
  func run(_ input: Data, scratch: URL) {
    switch self {
    case .draw: Self.draw(String(decoding: input, as: UTF8.self))
    case .dotLabel: Self.dotLabel(String(decoding: input, as: UTF8.self))
    case .modelFile: Self.modelFile(input, scratch: scratch)
    case .names: Self.names(input, scratch: scratch)
    case .svg: _ = GraphvizSVG(String(decoding: input, as: UTF8.self))
    }
  }

  private static func draw(_ program: String) {
    do {
      var parser = try Parser(program)
      let statements = try parser.program()
      var evaluator = Evaluator(inputs: [("a", 2), ("b", -3), ("c", 10)])
      let root = try evaluator.run(statements)
      root.backward()
      _ = try drawDot(root)
    } catch is DrawLanguageError {
    } catch {
      fatalError("draw: \(program.debugDescription) threw \(error), not a DrawLanguageError")
    }
  }

  private static func dotLabel(_ label: String) {
    let a = Value(2, label: label)
    let drawing: Drawing
    let svg: String
    do {
      drawing = try drawDot(a * Value(-3, label: "b"))
      // Graphviz reads the DOT back: one node per value and op, no more.
      let parsed = try Drawing(dot: drawing.dot)
      guard parsed.nodeCount == drawing.nodeCount, parsed.edgeCount == drawing.edgeCount else {
        fatalError(
          "dot-label: \(label.debugDescription): Graphviz read \(parsed.nodeCount) nodes and "
            + "\(parsed.edgeCount) edges, the writer wrote \(drawing.nodeCount) and \(drawing.edgeCount)")
      }
      svg = try drawing.svg()
    } catch {
      fatalError("dot-label: \(label.debugDescription) could not be drawn: \(error)")
    }
    // The label is the first field of node v0: its lines (empty ones draw
    // nothing), then the data and grad fields, untouched.
    let blocks = GraphvizSVG(svg).drawnContent.components(separatedBy: "\nnode ")
    guard let node = blocks.first(where: { $0.hasPrefix("node1 \"v0\"") || $0.contains(" \"v0\"\n") }) else {
      fatalError("dot-label: \(label.debugDescription): no node v0 in the SVG")
    }
    let texts = node.split(separator: "\n").filter { $0.hasPrefix("  text ") }
    let lines = label.split(omittingEmptySubsequences: true) { $0 == "\n" || $0 == "\r" || $0 == "\r\n" }
    guard texts.count == lines.count + 2,
      texts[texts.count - 2].hasPrefix("  text \"data 2.0000\""),
      texts[texts.count - 1].hasPrefix("  text \"grad 0.0000\"")
    else {
      fatalError("dot-label: \(label.debugDescription) is drawn as \(texts), not \(lines.count) line(s) + data + grad")
    }
  }

  private static func modelFile(_ bytes: Data, scratch: URL) {
    let file = scratch.appendingPathComponent("model.json")
    do {
      try bytes.write(to: file)
      _ = try MLPLanguageModel(contentsOf: file)
    } catch MakemoreError.badModel {
    } catch {
      fatalError("model-file: \(bytes.count) bytes threw \(error), not MakemoreError.badModel")
    }
  }

  private static func names(_ bytes: Data, scratch: URL) {
    let file = scratch.appendingPathComponent("names.txt")
    for skipping in [false, true] {
      do {
        try bytes.write(to: file)
        let words = try Words(contentsOf: file, skippingUnknown: skipping)
        // Every word is a non-empty run of a to z.
        guard words.words.allSatisfy({ !$0.isEmpty && $0.allSatisfy { ("a"..."z").contains($0) } }) else {
          fatalError("names: accepted \(words.words.map(\.debugDescription)), which holds a word outside a-z")
        }
      } catch let error as MakemoreError {
        switch error {
        case .notUTF8, .noWords, .unknownCharacter: continue
        default: fatalError("names: \(bytes.count) bytes threw \(error)")
        }
      } catch {
        fatalError("names: \(bytes.count) bytes threw \(error), not a MakemoreError")
      }
    }
  }
}
