import Testing

@testable import Micrograd

/// Nothing that walks or frees a graph recurses: a million-operation chain is
/// built, differentiated, ordered and freed, on the main thread and in a
/// task (whose thread has a smaller stack). Dropped graphs leave nothing.
@Suite("Deep graphs and memory")
struct DeepGraphTests {
  static let depth = 1_000_000

  /// Builds `x = x * 1.0000001 + 0` `depth` times, backpropagates, orders
  /// and frees the graph; returns weak references to check it is gone.
  static func roundTrip() -> (WeakBox, WeakBox) {
    let x0 = Value(1.0)
    var x = x0
    for _ in 0..<depth / 2 {
      x = x * 1.0000001 + 0.0
    }
    let expected = 1.0000001.pow(depth / 2)
    #expect(abs(x.data - expected) < 1e-9)
    x.backward()
    #expect(abs(x0.grad - expected) < 1e-9)
    let order = x.topologicalOrder()
    #expect(order.count == 1 + 2 * depth)
    #expect(order.first === x0 && order.last === x)
    x.zeroGradInGraph()
    #expect(x0.grad == 0)
    #expect(x.firstNonFinite() == nil)
    return (WeakBox(x0), WeakBox(x))
    // `order`, `x` and `x0` are released here: the million nodes are freed.
  }

  @Test("a million operations on the main thread")
  @MainActor
  func mainThread() {
    let (first, last) = Self.roundTrip()
    #expect(first.value == nil && last.value == nil)
  }

  @Test("a million operations inside a task")
  func insideTask() async {
    let freed = await Task.detached {
      let (first, last) = Self.roundTrip()
      return first.value == nil && last.value == nil
    }.value
    #expect(freed)
  }

  @Test("a million-deep chain of squares (each node used twice) frees without recursion")
  func sharedOperandsChain() {
    let x0 = Value(1.0)
    var x = x0
    for _ in 0..<Self.depth {
      x = x * x
    }
    let weak = WeakBox(x)
    x.backward()
    #expect(x.data == 1)
    #expect(x0.grad == .infinity)  // 2 ** 1,000,000 overflows, as IEEE 754 says
    x = Value(0)  // drop the only reference to the chain
    #expect(weak.value == nil)
  }

  @Test("no retain cycles: after a graph is dropped its nodes are gone")
  func noLeaks() {
    var boxes: [WeakBox] = []
    do {
      var rng = SplitMix64(seed: 3)
      let model = MLP(3, [4, 4, 1], using: &rng)
      let loss = sumSquaredError([model([2.0, 3.0, -1.0])[0]], [1.0])
      loss.backward()
      boxes = loss.topologicalOrder().map(WeakBox.init)
      #expect(boxes.count > 41)
      #expect(boxes.allSatisfy { $0.value != nil })
    }
    #expect(boxes.allSatisfy { $0.value == nil })
  }

  @Test("a node still held elsewhere outlives the graph that used it")
  func sharedNodesSurvive() {
    let w = Value(0.5, label: "w")
    var y: Value? = (w * 2 + 1).tanh()
    let weakY = WeakBox(y!)
    y = nil
    #expect(weakY.value == nil)
    #expect(w.data == 0.5 && w.label == "w")
  }
}

/// A weak reference, to see whether a node was freed.
final class WeakBox {
  weak var value: Value?
  init(_ value: Value) { self.value = value }
}

extension Double {
  func pow(_ n: Int) -> Double { (0..<n).reduce(1) { acc, _ in acc * self } }
}
