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
    // index.html: every figure, a graph by its caption with a link to its page.
    let index = try String(contentsOf: folder.url.appendingPathComponent("index.html"), encoding: .utf8)
    for page in made.filter({ $0.hasSuffix(".html") && $0 != "index.html" }) {
      #expect(index.contains("<a href=\"\(page)\">"), "\(page)")
    }
    #expect(index.contains("<a href=\"expression-backward.html\">L = (a*b + c) * f, after backward()</a>"))
    #expect(
      index.contains(
        "<li>chain-step: a figure per step of backward(), for slides <span class=\"other\"><a href=\"chain-step-000.svg\">000</a>"
      ))
    for plot in ["moons-boundary.svg", "training-loss.svg", "bigram-counts.svg", "chain-step-007.svg"] {
      #expect(index.contains("<a href=\"\(plot)\">"), "\(plot)")
    }
    // A plot by its title (a plot of two panels by both); a graph without a page by its name.
    #expect(index.contains("<a href=\"training-loss.svg\">training loss</a> <span class=\"file\">training-loss</span>"))
    #expect(index.contains("<a href=\"moons-training.svg\">loss · accuracy</a>"))
    // The training and sampling pages, by their titles, beside the plots.
    #expect(
      index.contains(
        "<a href=\"moons-training.html\">the moons MLP learning, step by step</a> "
          + "<span class=\"file\">moons-training</span></li>"))
    #expect(index.contains("<a href=\"makemore-sampling.html\">sampling names, one character at a time</a>"))
    #expect(index.contains("<a href=\"mlp-loss-folded.svg\">mlp-loss-folded</a>"))
    // Each lesson's figures in the order it made them, the notes' order,
    // not sorted: the architecture, one neuron, the whole forward pass,
    // then one example's path and the whole loss.
    let mlp = ["mlp-architecture.svg", "mlp-neuron.svg", "mlp-forward.html", "mlp-example-folded.svg", "mlp-loss.html"]
    let places = mlp.map { index.range(of: "<a href=\"\($0)\">")?.lowerBound }
    #expect(places.allSatisfy { $0 != nil } && places.map { $0! } == places.map { $0! }.sorted(), "\(places)")
    let figures = made.filter { $0 != "GRAPHVIZ_VERSION" }
    try expectSameFigures(figures, made: folder.url, graphviz: graphvizVersion())
    #expect(
      try String(contentsOf: folder.url.appendingPathComponent("GRAPHVIZ_VERSION"), encoding: .utf8)
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
      let plot = [
        "moons-boundary.svg", "moons-training.svg", "training-loss.svg", "derivative.svg", "tanh.svg",
        "makemore-embedding.svg", "makemore-learning-rate.svg", "makemore-loss.svg",
      ].contains(file)
      switch (file as NSString).pathExtension {
      case "svg": #expect(check.comparison == (plot ? .bytes : .drawnContent), "\(file)")
      case "html":
        // index.html and the training and sampling pages hold no Graphviz SVG.
        let plain = ["index.html", "moons-training.html", "makemore-sampling.html"].contains(file)
        #expect(check.comparison == (plain ? .bytes : .drawnContent), "\(file)")
      case "png": #expect(check.comparison == .notCompared, "\(file)")
      default: #expect(check.comparison == .bytes, "\(file)")
      }
    }
    #expect(checks.filter { $0.check?.comparison == .drawnContent }.count == 50)

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
    try change("neuron.html", ">x1</text>", ">x9</text>")
    try change("add.html", "step by step", "step after step")
    try change("expression-backward.svg", "<title>v0&#45;&gt;v2_op</title>", "<title>v1&#45;&gt;v2_op</title>")
    let changed = try figureChecks(figures, made: made, committed: committed.url, recorded: other, running: running)
      .filter { $0.check?.matches == false }
    #expect(changed.map(\.file) == ["add.html", "expression-backward.svg", "neuron.html", "neuron.svg"])
    try #require(changed.count == 4)
    for (file, check) in changed {
      #expect(check?.comparison == .drawnContent, "\(file)")
    }
    #expect(changed.last?.check?.difference?.contains("\"x9\"") == true)
    #expect(changed[2].check?.difference?.contains("\"x9\"") == true)
    #expect(changed[0].check?.difference?.contains("step after step") == true)
    #expect(changed[1].check?.difference?.contains("v1->v2_op") == true)
  }

  /// Each example, run on its own: the numbers reference.md lists, and the
  /// same figures as output/'s.
  @Test(arguments: [
    (
      "derivative",
      [
        "f(3.0) = 20.0", "slope at x = 3.0: 14.000300000063248", "slope at x = -3.0: -21.999700000066014",
        "slope at x = 2/3: 0.0002999999981767587",
      ],
      ["derivative.svg"]
    ),
    ("add", ["q = -1.0"], ["add.dot", "add.html", "add.png", "add.svg"]),
    (
      "chain",
      [
        "l = 5.0", "l.grad = 1.0", "f.grad = 1.0", "e.grad = 1.0", "d.grad = 5.0", "c.grad = -1.0",
        "a.grad = 5.0", "b.grad = 5.0",
      ],
      [
        "chain-backward-steps.dot", "chain-backward-steps.html", "chain-backward-steps.png", "chain-backward-steps.svg",
        "chain-forward.dot", "chain-forward.html", "chain-forward.png", "chain-forward.svg",
        "chain-manual-grads.dot", "chain-manual-grads.html", "chain-manual-grads.png", "chain-manual-grads.svg",
      ]
        + (0...7).map { "chain-step-00\($0).svg" }
    ),
    (
      "expression",
      [
        "L = -8.0", "a.grad = 6.0", "b.grad = -4.0", "c.grad = -2.0", "e.grad = -2.0", "d.grad = -2.0",
        "f.grad = 4.0", "L.grad = 1.0", "(L(d + h) - L(d)) / h = -2.000000000000668",
      ],
      [
        "expression-backward.dot", "expression-backward.html", "expression-backward.png", "expression-backward.svg",
        "expression-forward.dot", "expression-forward.html", "expression-forward.png", "expression-forward.svg",
      ]
    ),
    (
      "neuron", ["w2.grad = 0.0", "with exp: w2.grad = 0.0"],
      [
        "neuron-before-tanh.dot", "neuron-before-tanh.html", "neuron-before-tanh.png", "neuron-before-tanh.svg",
        "neuron-exp.dot", "neuron-exp.html", "neuron-exp.png", "neuron-exp.svg",
        "neuron-forward.dot", "neuron-forward.html", "neuron-forward.png", "neuron-forward.svg",
        "neuron-o-grad.dot", "neuron-o-grad.html", "neuron-o-grad.png", "neuron-o-grad.svg",
        "neuron-topological-order.dot", "neuron-topological-order.html", "neuron-topological-order.png",
        "neuron-topological-order.svg",
        "neuron.dot", "neuron.html", "neuron.png", "neuron.svg", "tanh.svg",
      ]
    ),
    (
      "accumulation",
      [
        "b = a + a, assigned: a.grad = 1.0", "b = a + a, added:    a.grad = 2.0", "f = -6.0",
        "f = d * e, assigned: a.grad = 3.0, b.grad = -2.0", "f = d * e, added:    a.grad = -3.0, b.grad = -8.0",
      ],
      [
        "accumulation-b-bug.dot", "accumulation-b-bug.png", "accumulation-b-bug.svg",
        "accumulation-b-fixed.dot", "accumulation-b-fixed.html", "accumulation-b-fixed.png", "accumulation-b-fixed.svg",
        "accumulation-f-bug.dot", "accumulation-f-bug.png", "accumulation-f-bug.svg",
        "accumulation-f-fixed.dot", "accumulation-f-fixed.html", "accumulation-f-fixed.png", "accumulation-f-fixed.svg",
      ]
    ),
    (
      "mlp", ["parameters: 41", "mlp-forward: 190 nodes, folded 80", "mlp-loss: 663 nodes, folded 223"],
      [
        "mlp-architecture.dot", "mlp-architecture.png", "mlp-architecture.svg",
        "mlp-example-folded.dot", "mlp-example-folded.png", "mlp-example-folded.svg",
        "mlp-forward-folded.dot", "mlp-forward-folded.png", "mlp-forward-folded.svg",
        "mlp-forward.dot", "mlp-forward.html", "mlp-forward.png", "mlp-forward.svg",
        "mlp-layer-folded.dot", "mlp-layer-folded.png", "mlp-layer-folded.svg",
        "mlp-loss-folded.dot", "mlp-loss-folded.png", "mlp-loss-folded.svg",
        "mlp-loss-neuron.dot", "mlp-loss-neuron.png", "mlp-loss-neuron.svg",
        "mlp-loss.dot", "mlp-loss.html", "mlp-loss.svg",
        "mlp-neuron.dot", "mlp-neuron.png", "mlp-neuron.svg",
      ]
    ),
    ("training", [], ["training-loss.svg"]),
    (
      "moons", ["parameters: 337", "recorded: 50 steps"],
      ["moons-boundary.svg", "moons-training.html", "moons-training.svg"]
    ),
    (
      "bigram",
      [
        "words: 32033", "bigrams: 228146", "N[n.] = 6763", "N[a.] = 6640", "N[an] = 5438", "N[.a] = 4410",
        "zero counts: 102 of 729", "sample: mor.", "sample: axx.", "sample: minaymoryles.",
        "sample: kondlaisah.", "sample: anchshizarie.",
      ],
      ["bigram-counts.dot", "bigram-counts.png", "bigram-counts.svg"]
    ),
    (
      "makemore-mlp",
      [
        "examples: 182625 train", "parameters: 3481",
        "lre: 1000 exponents from -3.0 to 0.0, lr from 0.001 to 1.0",
        "bigram samples: mor. axx. minaymoryles. kondlaisah. anchshizarie. odaren. iaddash. h. jhinatien. egushl.",
      ],
      ["makemore-embedding.svg", "makemore-learning-rate.svg", "makemore-loss.svg", "makemore-sampling.html"]
    ),
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
    let printed = try run("neuron", ["--out", folder.url.path]).output.split(separator: "\n").map(String.init)
    let o = try #require(printed.first { $0.hasPrefix("n = ") })
    #expect(
      o.hasSuffix(", o = 0.7071067811865477")
        || abs(Double(o.split(separator: " ").last!)! - 0.7071067811865477) < 1e-12)
    let expected: [(String, Double)] = [
      ("with exp: o = ", 0.7071067811865477),
      ("x1.grad = ", -1.5), ("w1.grad = ", 1.0), ("x2.grad = ", 0.5), ("w2.grad = ", 0.0),
      ("b.grad = ", 0.5), ("n.grad = ", 0.5), ("with exp: x1.grad = ", -1.5),
      ("with exp: w1.grad = ", 1.0), ("with exp: x2.grad = ", 0.5), ("with exp: w2.grad = ", 0.0),
      ("with exp: b.grad = ", 0.5),
    ]
    for (prefix, value) in expected {
      #expect(abs(try number(in: printed, after: prefix) - value) < 1e-12, "\(prefix)")
    }
  }

  /// The neuron's topo, printed as the notes print the list: each node
  /// after its operands, operands in order.
  @Test func neuronPrintsItsTopologicalOrder() throws {
    let folder = try TemporaryFolder()
    let printed = try run("neuron", ["--out", folder.url.path]).output.split(separator: "\n").map(String.init)
    let start = try #require(printed.firstIndex(of: "topo:"))
    #expect(
      Array(printed[(start + 1)...].prefix(11)) == [
        "[Value(data=2.0),", " Value(data=-3.0),", " Value(data=-6.0),", " Value(data=0.0),",
        " Value(data=1.0),", " Value(data=0.0),", " Value(data=-6.0),", " Value(data=6.881373587019543),",
        " Value(data=0.8813735870195432),", " Value(data=0.7071067811865477)]",
        "in order: x1, w1, x1*w1, x2, w2, x2*w2, x1*w1 + x2*w2, b, n, o",
      ])
  }

  /// The notes' PyTorch check: with b rounded through float32, as
  /// torch.Tensor([...]).double() rounds it, the engine prints PyTorch's
  /// digits, every one of them (a tolerance of 0); beside them the
  /// double-precision neuron, within 1e-12 of the exact values.
  @Test func neuronMatchesPyTorchDigitForDigit() throws {
    let folder = try TemporaryFolder()
    let printed = try run("neuron", ["--out", folder.url.path]).output.split(separator: "\n").map(String.init)
    #expect(printed.contains("torch.Tensor rounds b to float32: b = 6.881373405456543"))
    let expected: [(String, Double, Double)] = [
      ("o", 0.7071067811865476, 0.7071066904050358), ("x2", 0.5, 0.5000001283844369), ("w2", 0, 0.0),
      ("x1", -1.5, -1.5000003851533106), ("w1", 1, 1.0000002567688737),
    ]
    for (name, double, torch) in expected {
      let row = try #require(printed.first { $0.hasPrefix(name + " ") }, "no row \(name)")
      let columns = row.split(separator: " ", omittingEmptySubsequences: true)
      #expect(columns.count == 3, "\(row)")
      #expect(columns[1] == "\(torch)", "\(name): PyTorch prints \(torch)")
      #expect(abs(try #require(Double(columns[2])) - double) < 1e-12, "\(row)")
    }
  }

  /// The accumulation bug: assigned, a value used twice keeps one
  /// contribution; added, the chain rule's sum. Printed and drawn.
  @Test func accumulationBugAndFix() throws {
    func dot(_ name: String) throws -> String {
      try String(contentsOf: outputFolder.appendingPathComponent("accumulation-\(name).dot"), encoding: .utf8)
    }
    let expected: [(String, [String])] = [
      ("b-bug", ["{ a | data 3.0000 | grad 1.0000 }", "{ b | data 6.0000 | grad 1.0000 }"]),
      ("b-fixed", ["{ a | data 3.0000 | grad 2.0000 }", "{ b | data 6.0000 | grad 1.0000 }"]),
      (
        "f-bug",
        [
          "{ a | data -2.0000 | grad 3.0000 }", "{ b | data 3.0000 | grad -2.0000 }",
          "{ d | data -6.0000 | grad 1.0000 }", "{ e | data 1.0000 | grad -6.0000 }",
        ]
      ),
      (
        "f-fixed",
        [
          "{ a | data -2.0000 | grad -3.0000 }", "{ b | data 3.0000 | grad -8.0000 }",
          "{ d | data -6.0000 | grad 1.0000 }", "{ e | data 1.0000 | grad -6.0000 }",
          "{ f | data -6.0000 | grad 1.0000 }",
        ]
      ),
    ]
    for (name, fields) in expected {
      let text = try dot(name)
      for field in fields {
        #expect(text.contains(field), "accumulation-\(name).dot has no \(field)")
      }
    }
    // a + a: one record for a, two edges from it into the + node.
    #expect(try dot("b-fixed").components(separatedBy: "v0 -> v1_op").count - 1 == 2)
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
    // The same graph and numbers; only the titles tell them apart (issue 18).
    func body(_ text: String) -> [Substring] {
      text.split(separator: "\n").filter { !$0.hasPrefix("digraph") && !$0.hasPrefix("\tgraph [") }
    }
    #expect(body(steps) == body(dot))
    #expect(steps != dot)
    let expression = try String(
      contentsOf: outputFolder.appendingPathComponent("expression-backward.dot"), encoding: .utf8)
    for field in [
      "{ a | data 2.0000 | grad 6.0000 }", "{ b | data -3.0000 | grad -4.0000 }", "{ L | data -8.0000 | grad 1.0000 }",
    ] {
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
    let expected: [(String, Double, Double)] = [
      ("nll without smoothing = ", 2.454014, 1e-6), ("nll with +1 smoothing = ", 2.454577, 1e-6),
      ("nll of andrejq = ", 3.4834, 1e-4), ("neural loss on emma = ", 3.7693, 1e-4),
      ("step 0 loss ", 3.7686, 1e-4), ("step 99 loss ", 2.4901, 2e-4),
    ]
    for (prefix, value, tolerance) in expected {
      #expect(abs(try number(in: printed, after: prefix) - value) < tolerance, "\(prefix)")
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

  /// makemore part 2's pictures, as `makemore-mlp` prints them: the
  /// learning-rate search's loss falls to lr 0.1 and climbs again by lr 1,
  /// training at 0.1 lowers it, and C has a row for each character.
  @Test func makemoreMLPSearchesTrainsAndEmbeds() throws {
    let folder = try TemporaryFolder()
    let result = try run("makemore-mlp", ["--out", folder.url.path])
    #expect(result.status == 0, "\(result.error)")
    let printed = result.output.split(separator: "\n").map(String.init)
    // This port's numbers (docs/reference.md, seeded as the lecture seeds
    // torch), to 1e-9 relative: libm's exp, log and tanh may differ in the
    // last bit.
    let expected: [(String, Double)] = [
      ("search step 0: lre -3.0, lr 0.001, loss ", 18.218179899728856),
      ("search step 333: lre -2.0, lr 0.01, loss ", 9.982062103059818),
      ("search step 666: lre -1.0, lr 0.1, loss ", 3.0744381411350656),
      ("search step 999: lre 0.0, lr 1.0, loss ", 8.323170191791545),
      ("step 0: loss ", 18.218179899728856), ("step 99: loss ", 5.126398533782878),
      ("step 999: loss ", 2.590299939222402), ("step 19999: loss ", 2.304213533519103),
    ]
    for (prefix, value) in expected {
      #expect(abs(try number(in: printed, after: prefix) - value) < value * 1e-9, "\(prefix)")
    }
    // The valley the search is for, and the same start for both runs.
    func loss(_ prefix: String) throws -> Double { try number(in: printed, after: prefix) }
    let (start, valley, end) = (try loss("search step 0:"), try loss("search step 666:"), try loss("search step 999:"))
    #expect(valley < start / 4 && valley < end / 2)
    let rows = printed.filter { $0.hasPrefix("C[") }
    #expect(rows.map { String($0.prefix(4)) } == ["C[.]"] + "abcdefghijklmnopqrstuvwxyz".map { "C[\($0)]" })
    // C[.] = [x, y]
    let dot = try #require(rows.first).dropFirst(8).dropLast().split(separator: ", ").compactMap { Double($0) }
    #expect(dot.count == 2 && abs(dot[0] - 0.585175309915023) < 1e-9 && abs(dot[1] + 0.12232900033090464) < 1e-9)
    // The figures say what they show, with the runs' lengths.
    func svg(_ name: String) throws -> String {
      try String(contentsOf: folder.url.appendingPathComponent("\(name).svg"), encoding: .utf8)
    }
    #expect(try svg("makemore-learning-rate").contains(">loss at lr = 10**lre: 1000 steps of 32, one per rate</text>"))
    #expect(try svg("makemore-loss").contains(">minibatch loss: 20000 steps of 32 at lr 0.1</text>"))
    let embedding = try svg("makemore-embedding")
    #expect(embedding.contains(">the characters at their rows of C, after 20000 steps</text>"))
    #expect(embedding.components(separatedBy: "<circle ").count - 1 == 27)
    // Without its names, the lesson's one line that says to pass --names.
    let missing = folder.url.appendingPathComponent("no-names.txt").path
    let unnamed = try run("makemore-mlp", ["--out", folder.url.appendingPathComponent("out").path, "--names", missing])
    #expect(unnamed.status == 2 && unnamed.error.hasPrefix("makemore-mlp: cannot read the names file \"\(missing)\": "))
    #expect(unnamed.error.split(separator: "\n").count == 1)
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
    let figures = try run(
      "micrograd", ["figures", "--out", folder.url.appendingPathComponent("all").path, "--quiet", "--names", missing])
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

/// The number that ends the first of the `printed` lines that starts with
/// `prefix`: 5.12 in `step 99: loss 5.12` after `step 99:`.
private func number(in printed: [String], after prefix: String) throws -> Double {
  let line = try #require(printed.first { $0.hasPrefix(prefix) }, "no line \(prefix)")
  return try #require(Double(line.split(separator: " ").last ?? ""), "\(line)")
}
