import Foundation
import TestSupport
import Testing

@testable import Micrograd

/// The compiled form of a graph: every value and every gradient bit for bit
/// the eager engine's, on the lecture's graphs, random graphs of every
/// operation, replays with new inputs and gathers, and its typed errors.
@Suite("Compiled graphs")
struct CompiledGraphTests {
  /// The same number, bit for bit (any NaN matches any NaN).
  static func same(_ a: Double, _ b: Double) -> Bool {
    a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
  }

  /// Runs the program forward and backward, and the eager engine's
  /// backward on `root`, and checks every node's data and gradient.
  static func expectIdentical(
    _ root: Value, _ program: CompiledGraph, sourceLocation: SourceLocation = #_sourceLocation
  ) {
    program.forward()
    program.backward()
    root.backward()
    let order = root.topologicalOrder()
    #expect(order.count == program.nodeCount, sourceLocation: sourceLocation)
    var mismatches = 0
    for (k, node) in order.enumerated() {
      if !same(node.data, program.data(ofNode: k)) || !same(node.grad, program.grad(ofNode: k)) {
        mismatches += 1
        if mismatches <= 3 {
          let message =
            "node \(k) (\(node.op.map(String.init(describing:)) ?? "leaf")): eager \(node.data), "
            + "\(node.grad); compiled \(program.data(ofNode: k)), \(program.grad(ofNode: k))"
          Issue.record(Comment(rawValue: message), sourceLocation: sourceLocation)
        }
      }
    }
    #expect(mismatches == 0, sourceLocation: sourceLocation)
  }

  @Test("the lecture's expression and neuron")
  func lectureGraphs() throws {
    let a = Value(2.0)
    let b = Value(-3.0)
    let c = Value(10.0)
    let f = Value(-2.0)
    let L = (a * b + c) * f
    Self.expectIdentical(L, try CompiledGraph(L, parameters: [a, b, c, f]))
    #expect(a.grad == 6 && b.grad == -4)

    let x1 = Value(2.0)
    let x2 = Value(0.0)
    let w1 = Value(-3.0)
    let w2 = Value(1.0)
    let bias = Value(6.8813735870195432)
    let o = (x1 * w1 + x2 * w2 + bias).tanh()
    let n = x1 * w1 + x2 * w2 + bias
    let program = try CompiledGraph(o, parameters: [w1, w2, bias], inputs: [x1, x2], outputs: [o.operands[0]])
    Self.expectIdentical(o, program)
    #expect(program.outputCount == 1 && program.outputData(0) == n.data)
    #expect(program.parameterGrad(0) == w1.grad && program.parameterGrad(2) == bias.grad)
  }

  /// A random graph over a few leaves with every operation, shared
  /// operands, `sum` and `dot` nodes (and a layer's dots sharing one `x`).
  static func randomGraph(seed: UInt64, leafData: [Double]) -> (root: Value, leaves: [Value]) {
    var rng = SplitMix64(seed: seed)
    let leaves = leafData.map { Value($0) }
    var pool = leaves
    func pick() -> Value { pool[Int(rng.next() % UInt64(pool.count))] }
    func picks(_ n: Int) -> [Value] { (0..<n).map { _ in pick() } }
    for _ in 0..<60 {
      let v: Value
      switch rng.next() % 12 {
      case 0: v = pick() + pick()
      case 1: v = pick() * pick()
      // In parentheses: swift-format does not know Micrograd's ** and would
      // read `(v = pick()) ** ...`.
      case 2: v = (pick() ** [2, -1, 0.5, 3, 0][Int(rng.next() % 5)])
      case 3: v = pick().tanh()
      case 4: v = (pick() * 0.1).exp()
      case 5: v = pick().log()
      case 6: v = pick().relu()
      case 7: v = pick().sigmoid()
      case 8: v = Value.sumNode(picks(1 + Int(rng.next() % 5)))
      case 9:
        let n = 1 + Int(rng.next() % 4)
        v = Value.dot(picks(n), picks(n))
      case 10:
        let x = picks(3)
        v = Value.sumNode(Value.dot([picks(3), picks(3)], x))
      default: v = pick() - pick()
      }
      pool.append(v)
    }
    return (Value.sumNode(Array(pool.suffix(8))).tanh(), leaves)
  }

  @Test("random graphs of every operation, then replayed with new inputs", arguments: 0..<40)
  func randomGraphs(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) + 1000)
    let first = (0..<6).map { _ in rng.uniform(-2, 2) }
    let (root, leaves) = Self.randomGraph(seed: UInt64(seed), leafData: first)
    // Inputs must be leaves of the graph; parameters need not be.
    let inGraph = Set(root.topologicalOrder())
    let used = (3..<6).filter { inGraph.contains(leaves[$0]) }
    let program = try CompiledGraph(root, parameters: Array(leaves[0..<3]), inputs: used.map { leaves[$0] })
    Self.expectIdentical(root, program)

    // A second run with new inputs equals a graph built from them (its
    // parameters' gradients zeroed on both sides).
    let second = Array(first[0..<3]) + (0..<3).map { _ in rng.uniform(-2, 2) }
    let (root2, _) = Self.randomGraph(seed: UInt64(seed), leafData: second)
    try program.setInputs(used.map { second[$0] })
    program.zeroGrad()
    Self.expectIdentical(root2, program)
  }

  /// Two layers of `Value.dot(rows, x)` with their weights laid out row
  /// after row, which the program runs a layer at a time.
  static func layers(_ rows: [[Value]], _ rows2: [[Value]], _ x: [Value]) -> Value {
    let h = Value.dot(rows, x).map { ($0 + 0.5).tanh() }
    return Value.sumNode(Value.dot(rows2, h).map { $0 * $0 })
  }

  static func randomRows(_ count: Int, _ width: Int, _ rng: inout SplitMix64) -> [[Value]] {
    (0..<count).map { _ in (0..<width).map { _ in Value(rng.uniform(-1, 1)) } }
  }

  @Test("a layer's dot products run together, bit for bit: x distinct, x holding a value twice, x holding a weight")
  func layerGroups() throws {
    var rng = SplitMix64(seed: 3)
    let rows = Self.randomRows(9, 5, &rng)
    let rows2 = Self.randomRows(6, 9, &rng)
    let parameters = Array(rows.joined()) + Array(rows2.joined())
    let a = Value(0.3)
    let b = Value(-0.7)
    let c = Value(1.1)
    let cases: [(x: [Value], groups: Int)] = [
      ([a, b, c, a * b, c.tanh()], 2),
      ([a, b, a, c, b], 2),  // the same value twice: run node by node at run time
      ([a, rows[2][1], b, c, a], 1),  // a weight in x: that layer never together
    ]
    for (x, groups) in cases {
      (parameters + [a, b, c]).forEach { $0.grad = 0 }
      let root = Self.layers(rows, rows2, x)
      let program = try CompiledGraph(root, parameters: parameters, inputs: [a, b, c])
      #expect(program.code.count(where: { $0.op == .dotGroupBackward }) == groups)
      Self.expectIdentical(root, program)
    }
  }

  @Test("a layer over gathered inputs, bound to different and to repeated rows")
  func gatheredLayer() throws {
    var rng = SplitMix64(seed: 4)
    let table = Self.randomRows(4, 2, &rng)
    let rows = Self.randomRows(7, 6, &rng)
    let rows2 = Self.randomRows(3, 7, &rng)
    let parameters = Array(table.joined()) + Array(rows.joined()) + Array(rows2.joined())
    let placeholders = (0..<6).map { _ in Value(0) }
    let gathers = placeholders.enumerated().map { i, p in CompiledGraph.Gather(p, from: table.map { $0[i % 2] }) }
    let program = try CompiledGraph(Self.layers(rows, rows2, placeholders), parameters: parameters, gathers: gathers)
    #expect(program.code.contains { $0.op == .dotGroupBackward })
    for (round, tokens) in [[0, 1, 2], [3, 3, 3], [1, 0, 1], [2, 3, 0]].enumerated() {
      for (i, token) in tokens.enumerated() {
        if round % 2 == 0 {
          try program.bind(2 * i, to: token)
          try program.bind(2 * i + 1, to: token)
        } else {
          try program.bind(gathers: 2 * i..<2 * i + 2, to: token)  // a row's numbers at once
        }
      }
      program.forward()
      program.backward()
      let eager = Self.layers(rows, rows2, tokens.flatMap { table[$0] })
      eager.backward()
      #expect(Self.same(program.rootData, eager.data))
      for (i, p) in parameters.enumerated() {
        #expect(Self.same(program.parameterGrad(i), p.grad), "\(tokens), parameter \(i)")
      }
    }
  }

  @Test(
    "random layers, bound to random and repeated rows: every value and gradient bit for bit",
    arguments: 0..<16)
  func randomLayers(seed: Int) throws {
    var rng = SplitMix64(seed: UInt64(seed) + 500)
    func width() -> Int { [2, 3, 5, 6, 7, 9, 10, 11, 13][Int(rng.next() % 9)] }
    let tokens = 2 + Int(rng.next() % 4)
    let columns = 1 + Int(rng.next() % 3)
    let block = 1 + Int(rng.next() % 3)
    let table = Self.randomRows(tokens, columns, &rng)
    let a = Value(0)
    let b = Value(0)
    // Half the seeds hold an input twice in the first layer's x.
    let twice = seed % 2 == 0
    let xWidth = block * columns + 2 + (twice ? 1 : 0)
    let rows = Self.randomRows(width(), xWidth, &rng)
    let rows2 = Self.randomRows(width(), rows.count, &rng)
    let parameters = Array(table.joined()) + Array(rows.joined()) + Array(rows2.joined())
    let placeholders = (0..<(block * columns)).map { _ in Value(0) }
    let gathers = placeholders.enumerated().map { i, p in
      CompiledGraph.Gather(p, from: table.map { $0[i % columns] })
    }
    let root = Self.layers(rows, rows2, placeholders + [a, b] + (twice ? [a] : []))
    let program = try CompiledGraph(root, parameters: parameters, inputs: [a, b], gathers: gathers)
    #expect(program.code.count(where: { $0.op == .dotGroupBackward }) == 2)
    for round in 0..<4 {
      // Round 1 binds every place to one row: x holds it repeatedly.
      let context = (0..<block).map { _ in round == 1 ? 0 : Int(rng.next() % UInt64(tokens)) }
      for (j, token) in context.enumerated() {
        for d in 0..<columns { try program.bind(j * columns + d, to: token) }
      }
      let inputs = [rng.uniform(-1, 1), rng.uniform(-1, 1)]
      try program.setInputs(inputs)
      program.forward()
      program.zeroGrad()
      program.backward()
      parameters.forEach { $0.grad = 0 }
      let ea = Value(inputs[0])
      let eb = Value(inputs[1])
      let eager = Self.layers(rows, rows2, context.flatMap { table[$0] } + [ea, eb] + (twice ? [ea] : []))
      eager.backward()
      let nodes = computedNodeMismatches(eager: eager, traced: root, program: program)
      #expect(nodes.isEmpty, "round \(round), \(context): \(nodes.prefix(3))")
      let grads = parameterMismatches(parameters, program: program)
      #expect(grads.isEmpty, "round \(round), \(context): \(grads.prefix(3))")
    }
  }

  @Test("W1 at the bench's size: every value and gradient of two training steps, bit for bit")
  func moonsEveryNode() throws {
    var rng = SplitMix64(seed: 1337)
    let data = Moons(count: 100, noise: 0.1, using: &rng)
    let model = MLP(2, [16, 16, 1], activation: .relu, outputActivation: .linear, using: &rng)
    func loss(_ points: [[Double]]) -> (root: Value, inputs: [Value]) {
      let inputs = points.map { $0.map { Value($0) } }
      let root =
        svmMaxMarginLoss(inputs.map { model($0)[0] }, data.labels)
        + l2Regularization(model.parameters(), alpha: 1e-4)
      return (root, Array(inputs.joined()))
    }
    let traced = loss(data.points)
    let program = try CompiledGraph(traced.root, parameters: model.parameters(), inputs: traced.inputs)
    #expect(program.laneCount == 100)  // the points side by side
    // The first step: the traced graph itself, run by both.
    Self.expectIdentical(traced.root, program)
    #expect(parameterMismatches(model.parameters(), program: program).isEmpty)
    SGD(learningRate: 1.0).step(model)
    program.step(learningRate: 1.0)
    // The second: a new eager graph on the updated model and new inputs.
    let moved = data.points.map { $0.map { $0 * 0.75 + 0.125 } }
    try program.setInputs(Array(moved.joined()))
    model.zeroGrad()
    program.zeroGrad()
    Self.expectIdentical(loss(moved).root, program)
    #expect(parameterMismatches(model.parameters(), program: program).isEmpty)
  }

  @Test("W1: five moons training steps, compiled and eager, bit for bit")
  func moonsTraining() throws {
    func model() -> (Moons, MLP) {
      var rng = SplitMix64(seed: 1337)
      let data = Moons(count: 20, noise: 0.1, using: &rng)
      return (data, MLP(2, [8, 8, 1], activation: .relu, outputActivation: .linear, using: &rng))
    }
    func loss(_ model: MLP, _ inputs: [[Value]], _ labels: [Double]) -> Value {
      svmMaxMarginLoss(inputs.map { model($0)[0] }, labels) + l2Regularization(model.parameters(), alpha: 1e-4)
    }
    let (data, eager) = model()
    let (_, traced) = model()
    let inputs = data.points.map { $0.map { Value($0) } }
    let program = try CompiledGraph(
      loss(traced, inputs, data.labels), parameters: traced.parameters(), inputs: Array(inputs.joined()))
    #expect(program.laneCount == 20)
    for k in 0..<5 {
      let eagerLoss = loss(eager, data.points.map { $0.map { Value($0) } }, data.labels)
      eager.zeroGrad()
      eagerLoss.backward()
      SGD(learningRate: 1.0 - 0.9 * Double(k) / 100).step(eager)
      let compiledLoss = program.forward()
      program.zeroGrad()
      program.backward()
      program.step(learningRate: 1.0 - 0.9 * Double(k) / 100)
      #expect(Self.same(eagerLoss.data, compiledLoss), "step \(k)")
    }
    for (i, p) in eager.parameters().enumerated() {
      #expect(Self.same(p.data, program.parameterData(i)) && Self.same(p.grad, program.parameterGrad(i)))
    }
    try program.storeParameters()
    #expect(zip(eager.parameters(), traced.parameters()).allSatisfy { Self.same($0.data, $1.data) })
  }

  @Test("W2 and W3: a chain and a wide sum of products")
  func chainAndWide() throws {
    var x = Value(1.0)
    let x0 = x
    for _ in 0..<2_000 { x = x * 1.0001 + 0.0001 }
    Self.expectIdentical(x, try CompiledGraph(x, inputs: [x0]))

    var rng = SplitMix64(seed: 7)
    let a = (0..<2_000).map { _ in Value(rng.uniform(-1, 1)) }
    let b = (0..<2_000).map { _ in Value(rng.uniform(-1, 1)) }
    let wide = zip(a, b).map { $0 * $1 }.sum()
    Self.expectIdentical(wide, try CompiledGraph(wide, parameters: a, inputs: b))
  }

  @Test("a 1,000,000-node chain compiles and runs")
  func millionNodes() throws {
    let x0 = Value(1.0)
    var x = x0
    for _ in 0..<250_000 { x = x * 1.0000001 + 0.0 }
    let program = try CompiledGraph(x, parameters: [x0])
    #expect(program.nodeCount == 1_000_001)
    #expect(Self.same(program.forward(), x.data))
    program.backward()
    x.backward()
    #expect(Self.same(program.parameterGrad(0), x0.grad))
    #expect(abs(x0.grad - 1.0000001.pow(250_000)) < 1e-9)
  }

  @Test("gathers: bound to parameters and to computed nodes, as graphs built with them")
  func gathers() throws {
    let table = [0.5, -1.5, 2.0].map { Value($0) }
    let w = Value(0.75)
    let logitsInput = [Value(0.3), Value(-0.2)]
    /// `log(Σ exp(s)) - s[y]` with `s = (x * w + t, ...)`: `t` a row of the
    /// table, `y` a target, as makemore's loss picks a logit.
    func graph(_ t: Value, target: (([Value]) -> Value)) -> Value {
      let s = logitsInput.map { ($0 * w + t).tanh() } + [t * w]
      return Value.sumNode(s.map { $0.exp() }).log() - target(s)
    }
    let placeholder = Value(0)
    let targetPlaceholder = Value(0)
    var shifted: [Value] = []
    let traced = graph(placeholder) { s in
      shifted = s
      return targetPlaceholder
    }
    let program = try CompiledGraph(
      traced, parameters: table + [w], inputs: logitsInput,
      gathers: [.init(placeholder, from: table), .init(targetPlaceholder, from: shifted)])
    #expect(program.gatherCount == 2)
    for (row, y) in [(2, 0), (0, 2), (1, 1), (2, 2)] {
      try program.bind(0, to: row)
      try program.bind(1, to: y)
      let eager = graph(table[row]) { $0[y] }
      program.forward()
      program.zeroGrad()
      program.backward()
      table.forEach { $0.grad = 0 }
      w.grad = 0
      eager.backward()
      #expect(Self.same(program.rootData, eager.data))
      for (i, p) in (table + [w]).enumerated() {
        #expect(Self.same(program.parameterGrad(i), p.grad), "row \(row), y \(y), parameter \(i)")
      }
    }
  }

  @Test("a detached leaf is recomputed on every run: a stable softmax")
  func detached() throws {
    let x = [Value(1.0), Value(3.0), Value(-2.0)]
    func loss(_ x: [Value], negatedMax: Value? = nil) -> Value {
      let logits = x.map { ($0 * 2).tanh() * 4 }
      let m = logits.map(\.data).max()!
      let shifted = logits.map { l in negatedMax.map { l + $0 } ?? (l - m) }
      return Value.sumNode(shifted.map { $0.exp() }).log() - shifted[0]
    }
    let negatedMax = Value(0)
    var logits: [Value] = []
    let traced = { () -> Value in
      let l = x.map { ($0 * 2).tanh() * 4 }
      logits = l
      let shifted = l.map { $0 + negatedMax }
      return Value.sumNode(shifted.map { $0.exp() }).log() - shifted[0]
    }()
    let program = try CompiledGraph(
      traced, inputs: x, detached: [.init(negatedMax, .negatedMaximum, of: logits)])
    for inputs in [[1.0, 3.0, -2.0], [0.25, -0.5, 0.1], [-3, -2, -1]] {
      try program.setInputs(inputs)
      let eager = loss(inputs.map { Value($0) })
      #expect(Self.same(program.forward(), eager.data), "\(inputs)")
    }
  }

  @Test("a gather bound to a detached leaf reads it after it is recomputed, not its stale number")
  func gatherOfDetachedLeaf() throws {
    // `early` uses the gather before the walk reaches `d`'s operands, so
    // only an added dependency runs `d` first.
    let x = Value(1.0)
    let ph = Value(0)
    let d = Value(0)
    let early = (ph * x).tanh()
    let tripled = x * 3
    let root = early + tripled + d
    let program = try CompiledGraph(
      root, inputs: [x], gathers: [.init(ph, from: [d, x])], detached: [.init(d, .maximum, of: [tripled])])
    for input in [5.0, -0.5, 2.0] {
      try program.setInputs([input])
      for candidate in [0, 1] {
        try program.bind(0, to: candidate)
        let y = Value(input)
        let m = (y * 3).data
        let eager = ((candidate == 0 ? Value(m) : y) * y).tanh() + y * 3 + m
        #expect(Self.same(program.forward(), eager.data), "x \(input), candidate \(candidate)")
      }
    }
    // A detached leaf computed from its own gather is a cycle.
    let q = Value(0)
    let e = Value(0)
    let used = q * x
    #expect(throws: CompiledGraphError.detachedCycle(index: 0)) {
      try CompiledGraph(
        used + e, inputs: [x], gathers: [.init(q, from: [e])], detached: [.init(e, .maximum, of: [used])])
    }
  }

  @Test("NaN propagates as in the eager engine, and firstNonFinite finds the same node")
  func nonFinite() throws {
    let x = Value(0.0)
    let w = Value(2.0)
    let y = ((x.log() * w).tanh() + w * w).exp()
    let program = try CompiledGraph(y, parameters: [w], inputs: [x])
    Self.expectIdentical(y, program)
    let eager = try #require(y.firstNonFinite())
    let compiled = try #require(program.firstNonFinite())
    let order = y.topologicalOrder()
    #expect(order[compiled.node] === eager.value && compiled.field == eager.field)

    try program.setInputs([-1])
    program.forward()
    #expect(program.rootData.isNaN)
    try program.setInputs([0.5])
    program.forward()
    program.zeroGrad()
    program.backward()
    #expect(program.firstNonFinite() == nil)
  }

  @Test("bad roles, inputs and binds are typed errors")
  func errors() throws {
    let a = Value(1)
    let b = Value(2)
    let outside = Value(3)
    let c = a * b
    let root = (c + a).tanh()
    #expect(throws: CompiledGraphError.wrongInputCount(expected: 1, got: 2)) {
      try CompiledGraph(root, inputs: [b]).setInputs([1, 2])
    }
    #expect(throws: CompiledGraphError.notALeafOfTheGraph(role: "inputs", index: 0)) {
      try CompiledGraph(root, inputs: [c])
    }
    #expect(throws: CompiledGraphError.notALeafOfTheGraph(role: "inputs", index: 1)) {
      try CompiledGraph(root, inputs: [b, outside])
    }
    #expect(throws: CompiledGraphError.notInTheGraph(role: "outputs", index: 1)) {
      try CompiledGraph(root, outputs: [c, outside])
    }
    #expect(throws: CompiledGraphError.declaredTwice(role: "inputs", index: 0)) {
      try CompiledGraph(root, parameters: [a], inputs: [a])
    }
    #expect(throws: CompiledGraphError.empty(role: "gathers", index: 0)) {
      try CompiledGraph(root, gathers: [.init(b, from: [])])
    }
    #expect(throws: CompiledGraphError.notInTheGraph(role: "gathers[0].candidates", index: 1)) {
      try CompiledGraph(root, gathers: [.init(b, from: [a, outside])])
    }
    // `c` is computed from `b`'s uses: it cannot stand in for `b`.
    #expect(throws: CompiledGraphError.candidateTooLate(gather: 0, candidate: 0)) {
      try CompiledGraph(root, gathers: [.init(b, from: [c])])
    }
    let program = try CompiledGraph(root, parameters: [outside], gathers: [.init(b, from: [a, outside])])
    #expect(throws: CompiledGraphError.indexOutOfRange(what: "candidate of gather 0", index: 2, count: 2)) {
      try program.bind(0, to: 2)
    }
    #expect(throws: CompiledGraphError.indexOutOfRange(what: "gather", index: 1, count: 1)) {
      try program.bind(1, to: 0)
    }
    // A range of gathers is checked whole: a wrong one binds none.
    try program.bind(0, to: 1)
    #expect(throws: CompiledGraphError.indexOutOfRange(what: "gather", index: 1, count: 1)) {
      try program.bind(gathers: 0..<2, to: 0)
    }
    #expect(throws: CompiledGraphError.indexOutOfRange(what: "candidate of gather 0", index: 2, count: 2)) {
      try program.bind(gathers: 0..<1, to: 2)
    }
    #expect(Self.same(program.forward(), Foundation.tanh(4)))  // b still `outside`: tanh(1 * 3 + 1)
    let negated = Value(0)
    let cyclic = (a * negated).tanh()
    #expect(throws: CompiledGraphError.detachedCycle(index: 0)) {
      try CompiledGraph(cyclic, detached: [.init(negated, .maximum, of: [cyclic])])
    }
    #expect(
      CompiledGraphError.candidateTooLate(gather: 0, candidate: 0).description
        == "candidate 0 of gather 0 is computed after a use of the gather, which would change the eager engine's order")
  }

  @Test("a program outlives its parameters' values, and says so when writing back")
  func freedParameters() throws {
    let x = Value(2)
    var program: CompiledGraph?
    do {
      let w = Value(3)
      let y = (w * x).tanh()
      program = try CompiledGraph(y, parameters: [w], inputs: [x])
    }
    let replayed = try #require(program)
    #expect(Self.same(replayed.forward(), Foundation.tanh(6)))
    #expect(throws: CompiledGraphError.parameterFreed(index: 0)) { try replayed.storeParameters() }
    #expect(throws: CompiledGraphError.parameterFreed(index: 0)) { try replayed.loadParameters() }
  }

  @Test("a graph larger than memory allows is a typed error")
  func tooLarge() {
    func error(_ nodes: Int, _ available: Int) -> CompiledGraphError? {
      do {
        try CompiledGraph.checkSize(
          nodes: nodes, slots: nodes, instructions: nodes, listEntries: 2 * nodes, available: available)
        return nil
      } catch {
        return error
      }
    }
    #expect(error(1_000, 1 << 20) == nil)
    guard case .tooLarge(1_000, let bytes, 50_000)? = error(1_000, 50_000) else {
      Issue.record("no error for a program larger than the memory")
      return
    }
    #expect(bytes > 50_000)
    // More slots than 32-bit indices address, even with memory to spare.
    guard case .tooLarge(3_000_000_000, _, _)? = error(3_000_000_000, .max) else {
      Issue.record("no error for 3 billion slots")
      return
    }
    #expect(error(1_000, 1 << 20) == nil)
    // More instructions than a patch site's `-(2 * instruction + 1) - 1`
    // holds in 32 bits, though slots and lists fit.
    func instructions(_ count: Int) -> Bool {
      (try? CompiledGraph.checkSize(nodes: 10, slots: 10, instructions: count, listEntries: 10, available: .max)) == nil
    }
    #expect(!instructions(CompiledGraph.maxInstructions))
    #expect(instructions(CompiledGraph.maxInstructions + 1))
    #expect(instructions(1_500_000_000))
    #expect(2 * Int64(CompiledGraph.maxInstructions) + 2 <= Int64(Int32.max) + 1)
  }
}
