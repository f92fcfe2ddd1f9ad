// The complete test of the TestingYourGraphs article, as a user copies it
// (keep the two the same).
import GraphRender
import GraphSnapshotTesting
import Micrograd
import SnapshotTesting
import Testing

@Suite struct NeuronGraphTests {
  /// The lecture's neuron, o = tanh(x1*w1 + x2*w2 + b), after backward().
  func neuron() -> (o: Value, parameters: [Value]) {
    let x1 = Value(2.0, label: "x1")
    let x2 = Value(0.0, label: "x2")
    let w1 = Value(-3.0, label: "w1")
    let w2 = Value(1.0, label: "w2")
    let b = Value(6.8813735870195432, label: "b")
    let n = x1 * w1 + x2 * w2 + b
    n.label = "n"
    let o = n.tanh()
    o.label = "o"
    o.backward()
    return (o, [w1, w2, b])
  }

  @Test func neuronGraph() {
    let (o, parameters) = neuron()
    // The structure and the numbers: the same bytes on every machine.
    assertSnapshot(of: o, as: .dot, named: "neuron")
    // The picture: byte for byte under the recording Graphviz, by what it
    // draws under another.
    assertSnapshot(of: o, as: .svg, named: "neuron")
    // drawDot's options: the teaching style, two decimals, top to bottom.
    assertSnapshot(
      of: o,
      as: .svg(.init(rankdir: .topToBottom, numberFormat: .fixed(2), style: .teaching, parameters: parameters)),
      named: "neuron-teaching")
  }
}
