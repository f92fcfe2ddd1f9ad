import Testing

@testable import Micrograd

/// `Value.sumNode` and `Value.dot`: one node for many operands, the same numbers
/// and gradients as micrograd's chains of `+` and `*`.
@Suite("sum and dot nodes")
struct SumDotTests {
  @Test("sum and dot give the chains' data and gradients")
  func sameAsChains() {
    let a = [0.5, -1.25, 2.0, 3.5].map { Value($0) }
    let b = [-2.0, 0.75, 1.5, -0.25].map { Value($0) }
    let fused = (Value.dot(a, b) * Value.sumNode(a)).tanh()
    let chain = (zip(a, b).map { $0 * $1 }.sum() * a.sum()).tanh()
    #expect(abs(fused.data - chain.data) < 1e-15)
    fused.backward()
    let fusedGrads = (a + b).map(\.grad)
    (a + b).forEach { $0.grad = 0 }
    chain.backward()
    for (f, c) in zip(fusedGrads, (a + b).map(\.grad)) {
      #expect(abs(f - c) < 1e-14)
    }
    #expect(fusedGrads.allSatisfy { $0 != 0 })
  }

  @Test("gradients match central differences")
  func gradientCheck() {
    let check = checkGradients(
      of: { x in (Value.dot(Array(x[0..<3]), Array(x[3..<6])) + Value.sumNode(x).exp()).tanh() },
      at: [0.3, -0.2, 0.1, 0.4, -0.5, 0.25])
    #expect(check.passes(tolerance: 1e-7), "\(check.maxError)")
  }

  @Test("operands, counts, op text and local derivatives")
  func structure() {
    let a = [Value(2), Value(3)]
    let b = [Value(5), Value(7)]
    let d = Value.dot(a, b)
    #expect(d.data == 31 && d.op == .dot && d.op?.description == "dot")
    #expect(d.operands.count == 4 && d.operandCount == 4)
    #expect(d.operands[0] === a[0] && d.operands[1] === a[1] && d.operands[2] === b[0] && d.operands[3] === b[1])
    #expect((0..<5).map { d.localDerivative(at: $0) } == [5, 7, 2, 3, 0])
    let s = Value.sumNode(a + b)
    #expect(s.data == 17 && s.op == .sum && s.op?.arity == nil && s.operandCount == 4)
    #expect(s.localDerivative(at: 3) == 1 && s.localDerivative(at: 4) == 0 && s.localDerivative(at: -1) == 0)
    let empty = Value.sumNode([])
    #expect(empty.data == 0 && empty.operands.isEmpty && !empty.isLeaf)
    // Topological order: operands in order, each once, the node last.
    let order = Value.dot(a, a).topologicalOrder()
    #expect(order.count == 3 && order[0] === a[0] && order[1] === a[1])
  }

  @Test("dot(x, x) counts both uses: the gradient of Σ xᵢ² is 2x")
  func sameVectorTwice() {
    let x = [Value(1.5), Value(-2)]
    Value.dot(x, x).backward()
    #expect(x.map(\.grad) == [3, -4])
  }

  @Test("a matrix times a vector: one dot node per row, sharing the vector")
  func matrixTimesVector() {
    let x = [Value(1), Value(2), Value(3)]
    let rows = [[1.0, 0, 0], [0, 1, 1], [-1, 2, 0.5]].map { $0.map { Value($0) } }
    let y = Value.dot(rows, x)
    #expect(y.map(\.data) == [1, 5, 4.5])
    Value.sumNode(y).backward()
    #expect(x.map(\.grad) == [0, 3, 1.5])
    #expect(rows[2].map(\.grad) == [1, 2, 3])
  }

  @Test("a million nested sum nodes are ordered, differentiated and freed without recursion")
  func deepNesting() {
    let x0 = Value(1)
    var x = x0
    for _ in 0..<1_000_000 {
      x = Value.sumNode([x, Value(0)])
      x = Value.dot([x], [Value(1)])
    }
    let weak = WeakBox(x)
    #expect(x.data == 1)
    x.backward()
    #expect(x0.grad == 1)
    #expect(x.topologicalOrder().count == 4_000_001)
    x = Value(0)
    #expect(weak.value == nil)
  }

  @Test("lists that share one array of deep values free it without recursion")
  func sharedDeepLists() {
    // Ten chains, each 100,000 nodes deep, held only through one array
    // that a sum and a dot share.
    var chains: [Value] = (0..<10).map { _ in Value(1) }
    for _ in 0..<50_000 {
      chains = chains.map { $0 * 1.0 }
    }
    let weak = chains.map(WeakBox.init)
    var total: Value? = Value.sumNode(chains) + Value.dot(chains, (0..<10).map { _ in Value(2) })
    chains = []
    #expect(total!.data == 30)
    #expect(weak.allSatisfy { $0.value != nil })
    total = nil
    #expect(weak.allSatisfy { $0.value == nil })
  }

  @Test("a graph of dot layers is freed when dropped; shared inputs survive")
  func freeing() {
    let inputs = [Value(1), Value(2)]
    var boxes: [WeakBox] = []
    do {
      let hidden = Value.dot([[Value(1), Value(2)], [Value(3), Value(4)]], inputs).map { $0.tanh() }
      let out = Value.dot([[Value(0.5), Value(0.25)]], hidden)[0]
      out.backward()
      boxes = out.topologicalOrder().map(WeakBox.init)
    }
    let alive = boxes.filter { $0.value != nil }
    #expect(alive.count == 2 && alive[0].value === inputs[0] && alive[1].value === inputs[1])
  }
}
