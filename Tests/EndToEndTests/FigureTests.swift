import Foundation
import GraphRender
import GraphSnapshotTesting
import TestSupport
import Testing

/// Every figure is current: regenerated, it matches output/.
@Suite struct FigureTests {
  @Test func figuresCommandRemakesOutput() throws {
    let folder = try TemporaryFolder()
    let result = try run("micrograd", ["figures", "--out", folder.url.path, "--quiet"])
    #expect(result.status == 0, "\(result.error)")
    let made = try folder.files()
    let committed = try FileManager.default.contentsOfDirectory(atPath: outputFolder.path)
      .filter { !$0.hasPrefix(".") }.sorted()
    #expect(made == committed, "the figures made differ from output/'s files")
    let figures = made.filter { $0 != "GRAPHVIZ_VERSION" }
    try expectSameFigures(figures, made: folder.url, graphviz: graphvizVersion())
    #expect(try String(contentsOf: folder.url.appendingPathComponent("GRAPHVIZ_VERSION"), encoding: .utf8)
      == graphvizVersion() + "\n")
    try expectOtherGraphvizPath(figures, made: folder.url)
  }

  /// The path another Graphviz takes, on this one: with the recorded
  /// version made to differ from the running one, every Graphviz SVG is
  /// compared by what it draws and passes, PNGs are not compared, DOT and
  /// plots are still compared byte for byte; and a committed SVG whose
  /// label or edge was changed fails, with a diff that shows the change.
  func expectOtherGraphvizPath(_ figures: [String], made: URL) throws {
    let running = try graphvizVersion()
    let other = "0.0.0-other"
    let checks = try figureChecks(figures, made: made, recorded: other, running: running)
    for (file, check) in checks {
      let check = try #require(check, "output/\(file) is missing")
      #expect(check.matches, "\(file): \(check.difference ?? "")")
      let plot = ["moons-boundary.svg", "moons-training.svg", "training-loss.svg"].contains(file)
      switch (file as NSString).pathExtension {
      case "svg": #expect(check.comparison == (plot ? .bytes : .drawnContent), "\(file)")
      case "png": #expect(check.comparison == .notCompared, "\(file)")
      default: #expect(check.comparison == .bytes, "\(file)")
      }
    }
    #expect(checks.filter { $0.check?.comparison == .drawnContent }.count == 13)

    // A copy of output/ with one label and one edge changed.
    let committed = try TemporaryFolder()
    for file in figures {
      try FileManager.default.copyItem(
        at: outputFolder.appendingPathComponent(file), to: committed.url.appendingPathComponent(file))
    }
    func change(_ file: String, _ old: String, _ new: String) throws {
      let url = committed.url.appendingPathComponent(file)
      let text = try String(contentsOf: url, encoding: .utf8)
      #expect(text.contains(old), "\(file) has no \(old)")
      try Data(text.replacingOccurrences(of: old, with: new).utf8).write(to: url)
    }
    try change("neuron.svg", ">x1</text>", ">x9</text>")
    try change("expression-backward.svg", "<title>v0&#45;&gt;v2_op</title>", "<title>v1&#45;&gt;v2_op</title>")
    let changed = try figureChecks(figures, made: made, committed: committed.url, recorded: other, running: running)
      .filter { $0.check?.matches == false }
    #expect(changed.map(\.file) == ["expression-backward.svg", "neuron.svg"])
    for (file, check) in changed {
      #expect(check?.comparison == .drawnContent, "\(file)")
    }
    #expect(changed.last?.check?.difference?.contains("\"x9\"") == true)
    #expect(changed.first?.check?.difference?.contains("v1->v2_op") == true)
  }

  /// Each example, run on its own: the numbers reference.md lists, and the
  /// same figures as output/'s.
  @Test(arguments: [
    ("add", ["q = -1.0"], ["add.dot", "add.png", "add.svg"]),
    ("chain",
     ["l = 5.0", "l.grad = 1.0", "f.grad = 1.0", "e.grad = 1.0", "d.grad = 5.0", "c.grad = -1.0",
      "a.grad = 5.0", "b.grad = 5.0"],
     ["chain-backward-steps.dot", "chain-backward-steps.png", "chain-backward-steps.svg",
      "chain-forward.dot", "chain-forward.png", "chain-forward.svg",
      "chain-manual-grads.dot", "chain-manual-grads.png", "chain-manual-grads.svg"]),
    ("expression",
     ["L = -8.0", "a.grad = 6.0", "b.grad = -4.0", "c.grad = -2.0", "e.grad = -2.0", "d.grad = -2.0",
      "f.grad = 4.0", "L.grad = 1.0", "(L(d + h) - L(d)) / h = -2.000000000000668"],
     ["expression-backward.dot", "expression-backward.png", "expression-backward.svg",
      "expression-forward.dot", "expression-forward.png", "expression-forward.svg"]),
    ("neuron", ["w2.grad = 0.0", "with exp: w2.grad = 0.0"],
     ["neuron-exp.dot", "neuron-exp.png", "neuron-exp.svg", "neuron.dot", "neuron.png", "neuron.svg"]),
    ("mlp", ["parameters: 41", "mlp-forward: 190 nodes, folded 80", "mlp-loss: 663 nodes, folded 223"],
     ["mlp-forward-folded.dot", "mlp-forward-folded.png", "mlp-forward-folded.svg",
      "mlp-forward.dot", "mlp-forward.png", "mlp-forward.svg",
      "mlp-loss-folded.dot", "mlp-loss-folded.png", "mlp-loss-folded.svg", "mlp-loss.dot", "mlp-loss.svg"]),
    ("training", [], ["training-loss.svg"]),
    ("moons", ["parameters: 337"],
     ["moons-boundary.svg", "moons-training.svg"]),
    ("bigram",
     ["words: 32033", "bigrams: 228146", "N[n.] = 6763", "N[a.] = 6640", "N[an] = 5438", "N[.a] = 4410",
      "zero counts: 102 of 729", "sample: mor.", "sample: axx.", "sample: minaymoryles.",
      "sample: kondlaisah.", "sample: anchshizarie."],
     ["bigram-counts.dot", "bigram-counts.png", "bigram-counts.svg"]),
  ])
  func example(_ name: String, _ lines: [String], _ files: [String]) throws {
    let folder = try TemporaryFolder()
    // From an empty folder: nothing the example reads is found through the
    // current folder (bigram reads the package's own names.txt).
    let result = try run(name, ["--out", "figures"], in: folder.url)
    #expect(result.status == 0, "\(result.error)")
    let printed = result.output.split(separator: "\n").map(String.init)
    for line in lines {
      #expect(printed.contains(line), "\(name) did not print \(line)")
    }
    let made = folder.url.appendingPathComponent("figures")
    #expect(try FileManager.default.contentsOfDirectory(atPath: made.path).sorted() == files)
    try expectSameFigures(files, made: made, graphviz: graphvizVersion())
  }

  @Test func neuronGradientsMatchReferenceWithinTolerance() throws {
    let folder = try TemporaryFolder()
    let printed = try run("neuron", ["--out", folder.url.path]).output
    func number(after prefix: String) throws -> Double {
      let line = try #require(printed.split(separator: "\n").first { $0.hasPrefix(prefix) })
      return try #require(Double(line.dropFirst(prefix.count)))
    }
    let o = try #require(printed.split(separator: "\n").first { $0.hasPrefix("n = ") })
    #expect(o.hasSuffix(", o = 0.7071067811865477") || abs(Double(o.split(separator: " ").last!)! - 0.7071067811865477) < 1e-12)
    let expected: [(String, Double)] = [
      ("with exp: o = ", 0.7071067811865477),
      ("x1.grad = ", -1.5), ("w1.grad = ", 1.0), ("x2.grad = ", 0.5), ("w2.grad = ", 0.0),
      ("b.grad = ", 0.5), ("n.grad = ", 0.5), ("with exp: x1.grad = ", -1.5),
      ("with exp: w1.grad = ", 1.0), ("with exp: x2.grad = ", 0.5), ("with exp: w2.grad = ", 0.0),
      ("with exp: b.grad = ", 0.5),
    ]
    for (prefix, value) in expected {
      #expect(abs(try number(after: prefix) - value) < 1e-12, "\(prefix)")
    }
  }

  @Test func moonsReachesFullAccuracy() throws {
    let folder = try TemporaryFolder()
    let printed = try run("moons", ["--out", folder.url.path]).output
    let last = try #require(printed.split(separator: "\n").last { $0.hasPrefix("step 99 ") })
    // "step 99 loss L, accuracy 100.0%"; L depends on libm's cos and sin.
    #expect(last.hasSuffix(", accuracy 100.0%"))
    let loss = try #require(Double(last.split(separator: " ")[3].dropLast()))
    #expect(abs(loss - 0.011957694732558468) < 1e-9)
  }

  /// The drawn numbers, not only the printed ones, are reference.md's.
  @Test func drawnGradientsAreTheReferences() throws {
    let dot = try String(contentsOf: outputFolder.appendingPathComponent("chain-manual-grads.dot"), encoding: .utf8)
    for field in [
      "{ a | data 2.0000 | grad 5.0000 }", "{ b | data -3.0000 | grad 5.0000 }",
      "{ c | data 5.0000 | grad -1.0000 }", "{ d | data -1.0000 | grad 5.0000 }",
      "{ e | data 10.0000 | grad 1.0000 }", "{ f | data -5.0000 | grad 1.0000 }",
      "{ l | data 5.0000 | grad 1.0000 }",
    ] {
      #expect(dot.contains(field), "\(field)")
    }
    let steps = try String(contentsOf: outputFolder.appendingPathComponent("chain-backward-steps.dot"), encoding: .utf8)
    #expect(steps.replacingOccurrences(of: "digraph l", with: "") == dot.replacingOccurrences(of: "digraph l", with: ""))
    let expression = try String(contentsOf: outputFolder.appendingPathComponent("expression-backward.dot"), encoding: .utf8)
    for field in ["{ a | data 2.0000 | grad 6.0000 }", "{ b | data -3.0000 | grad -4.0000 }", "{ L | data -8.0000 | grad 1.0000 }"] {
      #expect(expression.contains(field), "\(field)")
    }
  }

  @Test func trainingLowersTheLoss() throws {
    let folder = try TemporaryFolder()
    let printed = try run("training", ["--out", folder.url.path]).output
    let losses = printed.split(separator: "\n").filter { $0.hasPrefix("step ") }
      .compactMap { Double($0.split(separator: " ").last!) }
    #expect(losses.count == 50)
    #expect(losses.last! < 0.05 && losses.last! < losses.first! / 10)
  }

  /// reference.md's makemore numbers, as `bigram` prints them.
  @Test func bigramNumbersMatchReferenceWithinTolerance() throws {
    let folder = try TemporaryFolder()
    let result = try run("bigram", ["--out", folder.url.path])
    #expect(result.status == 0, "\(result.error)")
    let printed = result.output.split(separator: "\n").map(String.init)
    func number(after prefix: String) throws -> Double {
      let line = try #require(printed.first { $0.hasPrefix(prefix) }, "no line \(prefix)")
      return try #require(Double(line.dropFirst(prefix.count)))
    }
    let expected: [(String, Double, Double)] = [
      ("nll without smoothing = ", 2.454014, 1e-6), ("nll with +1 smoothing = ", 2.454577, 1e-6),
      ("nll of andrejq = ", 3.4834, 1e-4), ("neural loss on emma = ", 3.7693, 1e-4),
      ("step 0 loss ", 3.7686, 1e-4), ("step 99 loss ", 2.4901, 2e-4),
    ]
    for (prefix, value, tolerance) in expected {
      #expect(abs(try number(after: prefix) - value) < tolerance, "\(prefix)")
    }
    let losses = printed.filter { $0.hasPrefix("step ") }.compactMap { Double($0.split(separator: " ").last!) }
    #expect(losses.count == 100 && zip(losses, losses.dropFirst()).allSatisfy { $1 < $0 })
    #expect(printed.filter { $0.hasPrefix("neural sample: ") }.count == 5)
    // The figure's text is the counts (Graphviz drew the HTML-like label,
    // not the node's name in its place).
    let svg = try String(contentsOf: folder.url.appendingPathComponent("bigram-counts.svg"), encoding: .utf8)
    #expect(svg.contains(">an</text>") && svg.contains(">5438</text>"))
    #expect(svg.components(separatedBy: "<text ").count - 1 == 2 * 729)
  }

  /// Without names.txt, one line that says to pass --names, and no file.
  @Test func bigramWithoutNamesSaysWhatToDo() throws {
    let folder = try TemporaryFolder()
    let missing = folder.url.appendingPathComponent("no-names.txt").path
    let example = try run("bigram", ["--out", folder.url.appendingPathComponent("out").path, "--names", missing])
    #expect(example.status == 2)
    // Between the two: Foundation's reason, whose words vary by platform.
    #expect(example.error.hasPrefix("bigram: cannot read the names file \"\(missing)\": "))
    #expect(example.error.hasSuffix("; pass --names PATH (makemore's names.txt, one name per line)\n"))
    #expect(example.error.split(separator: "\n").count == 1)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.appendingPathComponent("out").path).isEmpty)
    let figures = try run("micrograd", ["figures", "--out", folder.url.appendingPathComponent("all").path, "--quiet", "--names", missing])
    #expect(figures.status == 2)
    #expect(figures.error.hasPrefix("micrograd: error: bigram: cannot read the names file \"\(missing)\""))
    #expect(figures.error.hasSuffix("pass --names PATH (makemore's names.txt, one name per line)\n"))
    #expect(figures.error.split(separator: "\n").count == 1)
    // No folder made, and nothing left beside it.
    #expect(try folder.files() == ["out"])
    // Only the steps that read names take --names.
    let add = try run("add", ["--names", missing])
    #expect(add.status == 2 && add.error == "add: unknown argument '--names' (usage: add [--out DIR])\n")
  }

  @Test func exampleRejectsBadArguments() throws {
    let result = try run("add", ["--nope"])
    #expect(result.status == 2)
    #expect(result.error == "add: unknown argument '--nope' (usage: add [--out DIR])\n")
  }
}
