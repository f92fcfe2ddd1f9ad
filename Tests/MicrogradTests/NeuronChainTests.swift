import TestSupport
import Testing

@testable import Micrograd

/// A neuron's `b + w1*x1 + ... + wn*xn` runs as one lane instruction when
/// that changes no number's order of terms, and as its nodes otherwise:
/// every value and gradient the eager engine's, bit for bit, either way.
@Suite("Compiled graphs: neuron chains")
struct NeuronChainTests {
  typealias T = CompiledGraphTests

  /// Compiles `example` over `count` examples of `width` inputs each
  /// (summed, divided by the count), runs it on seeded inputs and checks
  /// every node against the eager engine; returns the program.
  static func check(
    _ example: ([Value]) -> Value, width: Int, count: Int = 6, seed: UInt64,
    sourceLocation: SourceLocation = #_sourceLocation
  ) throws -> CompiledGraph {
    var rng = SplitMix64(seed: seed)
    let inputs = (0..<count).map { _ in (0..<width).map { _ in Value(0) } }
    func loss(_ xs: [[Value]]) -> Value { xs.map(example).sum() / Double(count) }
    let traced = loss(inputs)
    let program = try CompiledGraph(traced, inputs: Array(inputs.joined()))
    #expect(program.laneCount == count, sourceLocation: sourceLocation)
    let numbers = inputs.map { $0.map { _ in rng.uniform(-2, 2) } }
    try program.setInputs(Array(numbers.joined()))
    let eager = loss(numbers.map { $0.map { Value($0) } })
    T.expectIdentical(eager, program, sourceLocation: sourceLocation)
    let first = eager.firstNonFinite()
    let found = program.firstNonFinite()
    #expect(
      found.map { eager.topologicalOrder()[$0.node] } === first?.value && found?.field == first?.field,
      sourceLocation: sourceLocation)
    return program
  }

  @Test("W1's 33 neurons: one chain each")
  func moons() throws {
    var rng = SplitMix64(seed: 1337)
    let data = Moons(count: 12, noise: 0.1, using: &rng)
    let model = MLP(2, [16, 16, 1], activation: .relu, outputActivation: .linear, using: &rng)
    let inputs = data.points.map { $0.map { Value($0) } }
    let root = svmMaxMarginLoss(inputs.map { model($0)[0] }, data.labels)
    let program = try CompiledGraph(root, parameters: model.parameters(), inputs: Array(inputs.joined()))
    #expect(program.laneCount == 12)
    #expect(program.neuronChainCount == 33)
    T.expectIdentical(root, program)
  }

  @Test("the same x in every product and as the sum's start: one chain, its terms in the eager order")
  func sameX() throws {
    let w = [0.5, -1.25, 3.0].map { Value($0) }
    let program = try Self.check({ x in (x[0] + w[0] * x[0] + w[1] * x[0] + w[2] * x[0]).tanh() }, width: 1, seed: 3)
    #expect(program.neuronChainCount == 1)
  }

  @Test("a sum read twice ends a chain; a product read twice is not in one")
  func readTwice() throws {
    let b = Value(0.25)
    let w = [0.5, -1.25, 3.0, 0.75].map { Value($0) }
    let program = try Self.check(
      { x in
        let low = b + w[0] * x[0] + w[1] * x[1]
        let product = w[2] * x[2]
        let high = low + product + w[3] * x[3]
        return high * low + product
      }, width: 4, seed: 4)
    // `b + w0*x0 + w1*x1` is one; `low + product` cannot start another
    // (the product is read twice), so `... + w3*x3` is a chain of one.
    #expect(program.neuronChainCount == 1)
  }

  @Test("a node between a product and the chain's end that reads the product's x: no chain")
  func readBetween() throws {
    let b = Value(0.25)
    let w = [0.5, -1.25].map { Value($0) }
    // x1 = relu(x0) is first reached after w0 * x0, and reads x0: x0's
    // gradient gets a term between the chain's first product and its end.
    let program = try Self.check({ x in b + w[0] * x[0] + w[1] * x[0].relu() + x[0] * x[0] }, width: 1, seed: 5)
    #expect(program.neuronChainCount == 0)
  }

  /// A node between a product and the chain's end reads a placeholder
  /// bound to the product's `x`: running the chain there would add `x`'s
  /// terms in another order (a review found this graph).
  @Test("a node between a product and the chain's end that reads x through a gather: no chain, the same numbers")
  func readBetweenThroughAGather() throws {
    let b = Value(1.32)
    let w0 = Value(0.68)
    let w1 = Value(-0.79)
    func example(_ u: Value, _ stand: (Value) -> Value) -> Value {
      let x = u.tanh()
      let top = b + w0 * x + w1 * (stand(x) * u)
      return top * x
    }
    var inputs: [Value] = []
    var gathers: [CompiledGraph.Gather] = []
    var terms: [Value] = []
    for _ in 0..<4 {
      let u = Value(0)
      inputs.append(u)
      terms.append(
        example(u) { x in
          let placeholder = Value(0)
          gathers.append(.init(placeholder, from: [x]))
          return placeholder
        })
    }
    let traced = terms.sum()
    let program = try CompiledGraph(traced, inputs: inputs, gathers: gathers)
    #expect(program.laneCount == 4)
    #expect(program.neuronChainCount == 0)
    let us = [0.35, -0.8, 1.1, 0.35]
    for g in 0..<4 { try program.bind(g, to: 0) }
    try program.setInputs(us)
    program.forward()
    program.backward()
    let eager = us.map { u in example(Value(u)) { $0 } }.sum()
    eager.backward()
    let mismatches = computedNodeMismatches(eager: eager, traced: traced, program: program)
    #expect(mismatches.isEmpty, "\(mismatches.prefix(3))")
  }

  @Test("NaN and infinities through a chain, as the eager engine gives them, and found where it finds them")
  func nonFinite() throws {
    let w = [Double.infinity, 0, -Double.infinity].map { Value($0) }
    let program = try Self.check({ x in Value(1) + w[0] * x[0] + w[1] * x[1] + w[2] * x[0] }, width: 2, seed: 6)
    #expect(program.neuronChainCount == 1)
    #expect(program.firstNonFinite()?.field == .data)
    // Finite numbers, an infinite gradient: the sum is 1e-300, scaled up.
    let b = Value(1e-300)
    let zeros = [Value(0), Value(0)]
    let scaled = try Self.check(
      { x in Value(1e300) * (Value(1e300) * (b + zeros[0] * x[0] + zeros[1] * x[1])) }, width: 2, seed: 7)
    #expect(scaled.neuronChainCount == 1)
    #expect(scaled.firstNonFinite()?.field == .grad)
  }
}
