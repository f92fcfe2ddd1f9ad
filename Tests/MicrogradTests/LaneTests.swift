import TestSupport
import Testing

@testable import Micrograd

/// A minibatch's examples run side by side (lanes): every value and
/// gradient still the eager engine's, bit for bit.
@Suite("Compiled graphs: examples side by side")
struct LaneTests {
  typealias T = CompiledGraphTests

  /// One example: an embedding gathered from `table` (`block` rows) and an
  /// input, through a tanh layer with biases and a layer of outputs, a
  /// stable softmax's cross-entropy as makemore computes it.
  struct Model {
    let table: [[Value]]
    let rows: [[Value]]
    let biases: [Value]
    let rows2: [[Value]]
    var parameters: [Value] { Array(table.joined()) + Array(rows.joined()) + biases + Array(rows2.joined()) }

    func logits(_ x: [Value]) -> [Value] {
      let h = zip(Value.dot(rows, x), biases).map { ($0 + $1).tanh() }
      return Value.dot(rows2, h)
    }
  }

  static func model(
    _ rng: inout SplitMix64, tokens: Int, columns: Int, block: Int, hidden: Int, outputs: Int
  ) -> Model {
    let table = T.randomRows(tokens, columns, &rng)
    let rows = T.randomRows(hidden, block * columns + 1, &rng)
    let biases = (0..<hidden).map { _ in Value(rng.uniform(-1, 1)) }
    return Model(table: table, rows: rows, biases: biases, rows2: T.randomRows(outputs, hidden, &rng))
  }

  /// Embeddings of 4, 5, 10 and 12 numbers make runs of a repeated row
  /// long enough for four lanes at a time, and `x`s of 13, 16, 31 and 37
  /// numbers (one, two or three after the last four; more than the 32 the
  /// C kernels keep in registers). Each runs the dot
  /// groups' AVX2 code (where the machine has it) and their portable code.
  @Test(
    "random minibatches (sizes not multiples of 4, repeated rows and targets), as lanes: every node bit for bit",
    arguments: [
      (5, false, 2), (7, true, 2), (8, false, 2), (13, true, 2), (9, false, 5), (17, true, 10), (11, true, 12),
      (6, false, 4),
    ],
    [true, false])
  func randomMinibatches(example: (examples: Int, chain: Bool, columns: Int), wide: Bool) throws {
    let (examples, chain, columns) = example
    var rng = SplitMix64(seed: UInt64(examples) * 31 + 7)
    let (tokens, block, hidden, outputs) = (4, 3, 9, 5)
    let model = Self.model(&rng, tokens: tokens, columns: columns, block: block, hidden: hidden, outputs: outputs)
    // Traced: placeholders for the embeddings and the target, an input each.
    var gathers: [CompiledGraph.Gather] = []
    var targets: [CompiledGraph.Gather] = []
    var detached: [CompiledGraph.Detached] = []
    var inputs: [Value] = []
    var terms: [Value] = []
    for _ in 0..<examples {
      let emb = (0..<block * columns).map { _ in Value(0) }
      for (i, p) in emb.enumerated() { gathers.append(.init(p, from: model.table.map { $0[i % columns] })) }
      let input = Value(0)
      inputs.append(input)
      terms.append(CompiledGraph.crossEntropyTerm(model.logits(emb + [input]), detached: &detached, targets: &targets))
    }
    func loss(_ terms: [Value]) -> Value { (chain ? terms.sum() : Value.sumNode(terms)) / Double(examples) }
    let root = loss(terms)
    let program = try CompiledGraph(
      root, parameters: model.parameters, inputs: inputs, gathers: gathers + targets, detached: detached)
    #expect(program.laneCount == examples)
    program.wideLaneKernels = wide
    #expect(program.wideLaneKernels == (wide && CompiledGraph.machineHasWideKernels))
    for round in 0..<3 {
      // Round 0: every example reads row 0 everywhere, targets 0.
      let contexts = (0..<examples).map { _ in (0..<block).map { _ in round == 0 ? 0 : Int(rng.next() % 4) } }
      let ys = (0..<examples).map { _ in round == 0 ? 0 : Int(rng.next() % UInt64(outputs)) }
      let xs = (0..<examples).map { _ in rng.uniform(-2, 2) }
      for (e, context) in contexts.enumerated() {
        for (j, token) in context.enumerated() {
          for d in 0..<columns { try program.bind(e * block * columns + j * columns + d, to: token) }
        }
        try program.bind(examples * block * columns + e, to: ys[e])
      }
      try program.setInputs(xs)
      program.forward()
      program.zeroGrad()
      program.backward()
      model.parameters.forEach { $0.grad = 0 }
      var eagerTerms: [Value] = []
      for e in 0..<examples {
        let logits = model.logits(contexts[e].flatMap { model.table[$0] } + [Value(xs[e])])
        let m = logits.map(\.data).max()!
        let shifted = logits.map { $0 - m }
        eagerTerms.append(Value.sumNode(shifted.map { $0.exp() }).log() - shifted[ys[e]])
      }
      let eager = loss(eagerTerms)
      eager.backward()
      let nodes = computedNodeMismatches(eager: eager, traced: root, program: program)
      #expect(nodes.isEmpty, "round \(round): \(nodes.count) nodes differ, \(nodes.prefix(3))")
      let parameters = parameterMismatches(model.parameters, program: program)
      #expect(parameters.isEmpty, "round \(round): \(parameters.prefix(3))")
    }
  }

  /// Where the examples meet: a parameter's gradient is the sum of one
  /// term per example. With terms 1, 1e16, -1e16, 1, ... the sum depends
  /// on the order; the lanes add them as the eager engine does, the last
  /// example first.
  @Test("a shared parameter's gradient: the examples' terms in the eager order, which here changes the sum")
  func sharedGradientOrder() throws {
    let w = Value(1)
    let xs: [Double] = [1, 1e16, -1e16, 1, 1, 3, -1e16, 1e16]
    let inputs = xs.map { _ in Value(0) }
    let root = Value.sumNode(inputs.map { w * $0 })
    let program = try CompiledGraph(root, parameters: [w], inputs: inputs)
    #expect(program.laneCount == xs.count)
    try program.setInputs(xs)
    program.forward()
    program.backward()
    let eager = Value.sumNode(xs.map { w * Value($0) })
    eager.backward()
    #expect(T.same(program.parameterGrad(0), w.grad))
    // The test can fail: the examples in their own order give another sum.
    let lastFirst = xs.reversed().reduce(0, +)
    let firstFirst = xs.reduce(0, +)
    #expect(T.same(w.grad, lastFirst) && !T.same(lastFirst, firstFirst))
  }

  /// The shared operands' terms wait and are summed eight slots at a
  /// time: nine parameters make one whole eight and one left over, and
  /// eleven examples leave a padding lane that must not be added.
  @Test("nine shared parameters over eleven examples: each gradient's terms in the eager order")
  func sharedGradientsEightAtATime() throws {
    let pattern: [Double] = [1, 1e16, -1e16, 1, 1, 3, -1e16, 1e16, 2, -1, 5]
    let ws = (0..<9).map { Value(Double($0) + 1) }
    // Example e's input for parameter j: the pattern turned by j.
    let xs = (0..<pattern.count).map { e in ws.indices.map { j in pattern[(e + j) % pattern.count] } }
    func loss(_ inputs: [[Value]]) -> Value { Value.sumNode(inputs.map { x in Value.sumNode(zip(ws, x).map(*)) }) }
    let placeholders = xs.map { $0.map { _ in Value(0) } }
    let program = try CompiledGraph(loss(placeholders), parameters: ws, inputs: Array(placeholders.joined()))
    #expect(program.laneCount == pattern.count)
    try program.setInputs(Array(xs.joined()))
    program.forward()
    program.backward()
    loss(xs.map { $0.map { Value($0) } }).backward()
    for (j, w) in ws.enumerated() {
      #expect(T.same(program.parameterGrad(j), w.grad), "w\(j)")
      #expect(T.same(w.grad, xs.reversed().reduce(0) { $0 + $1[j] }), "w\(j): the last example first")
    }
    // The test can fail: another order gives other sums.
    #expect(ws.indices.contains { j in !T.same(ws[j].grad, xs.reduce(0) { $0 + $1[j] }) })
  }

  /// Example 0 reads an input where the others read a placeholder: the
  /// lanes run example 0's code, which would read no binding (a review
  /// found this).
  @Test("a placeholder in later examples where the first has an input: no lanes, the same numbers")
  func placeholderOnlyInLaterExamples() throws {
    let w = Value(0.5)
    let table = [Value(1.5), Value(-2.0)]
    var gathers: [CompiledGraph.Gather] = []
    let u = Value(0)
    var terms = [(w * u).tanh()]
    for _ in 1..<4 {
      let placeholder = Value(0)
      gathers.append(.init(placeholder, from: table))
      terms.append((w * placeholder).tanh())
    }
    let traced = terms.sum()
    let program = try CompiledGraph(traced, parameters: [w] + table, inputs: [u], gathers: gathers)
    #expect(program.laneCount == 0)
    try program.setInputs([0.25])
    for g in 0..<3 { try program.bind(g, to: 1) }
    program.forward()
    program.backward()
    let eager = ([(w * Value(0.25)).tanh()] + (1..<4).map { _ in (w * table[1]).tanh() }).sum()
    eager.backward()
    let nodes = computedNodeMismatches(eager: eager, traced: traced, program: program)
    #expect(nodes.isEmpty, "\(nodes.prefix(3))")
    #expect(parameterMismatches([w] + table, program: program).isEmpty)
  }

  @Test("examples that give a parameter two terms each run one node at a time: no lanes, the same numbers")
  func twoTermsNoLanes() throws {
    var rng = SplitMix64(seed: 9)
    let w = Value(0.5)
    let inputs = (0..<6).map { _ in Value(0) }
    func loss(_ xs: [Value]) -> Value { Value.sumNode(xs.map { (w * $0).tanh() + w * $0 * $0 }) }
    let root = loss(inputs)
    let program = try CompiledGraph(root, parameters: [w], inputs: inputs)
    #expect(program.laneCount == 0)
    let xs = inputs.map { _ in rng.uniform(-1, 1) }
    try program.setInputs(xs)
    w.grad = 0
    T.expectIdentical(loss(xs.map { Value($0) }), program)
  }
}
