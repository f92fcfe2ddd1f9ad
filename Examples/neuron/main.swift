// A neuron: o = tanh(x1*w1 + x2*w2 + b), after backward.
//
// First the squashing function itself, tanh, plotted as the notes plot
// it. Then two inputs, two weights and a bias (chosen so that n = 0.8814
// and o = tanh(n) = 0.7071), the neuron's nodes in topological order (the
// order backward() walks, backwards), and the gradients. Then the same
// neuron with tanh written out with exp, one operation at a time: more
// nodes, the same gradients. Last, the notes' check against PyTorch.
//
//   swift run neuron [--out DIR]   writes tanh.svg, and neuron and
//                                  neuron-exp (.dot, .svg, .png)
import Figures
import Foundation
import GraphRender
import Micrograd
import Plots

lessonMain("neuron", summary: "o = tanh(x1*w1 + x2*w2 + b), and tanh written with exp") { figures in
  // tanh squashes any number into (-1, 1): np.arange(-5, 5, 0.2), and plt.grid().
  let xs = (0..<50).map { -5 + Double($0) * 0.2 }
  try figures.write(
    LinePlot(
      title: "tanh", xLabel: "x", yLabel: "tanh(x)",
      series: [Series("tanh", points: xs.map { ($0, tanh($0)) })], grid: true),
    "tanh")

  // The inputs, weights and bias of the notes' neuron, made afresh for each form.
  func leaves(b: Double = 6.8813735870195432) -> (x1: Value, x2: Value, w1: Value, w2: Value, b: Value) {
    (
      Value(2.0, label: "x1"), Value(0.0, label: "x2"), Value(-3.0, label: "w1"),
      Value(1.0, label: "w2"), Value(b, label: "b")
    )
  }

  // The weighted sum n = x1*w1 + x2*w2 + b, each value labelled as the
  // notes label it.
  func weightedSum(_ l: (x1: Value, x2: Value, w1: Value, w2: Value, b: Value)) -> Value {
    let x1w1 = l.x1 * l.w1
    x1w1.label = "x1*w1"
    let x2w2 = l.x2 * l.w2
    x2w2.label = "x2*w2"
    let x1w1x2w2 = x1w1 + x2w2
    x1w1x2w2.label = "x1*w1 + x2*w2"
    let n = x1w1x2w2 + l.b
    n.label = "n"
    return n
  }

  // The notes build the neuron up: first its weighted sum alone, with
  // b = 6.7, so that n = x1*w1 + x2*w2 + b = -6 + 0 + 6.7 = 0.7.
  do {
    let n = weightedSum(leaves(b: 6.7))
    print("with b = 6.7: n = \(n.data)")
    try figures.draw(
      drawDot(n, options: .init(title: "n = x1*w1 + x2*w2 + b, before tanh (b = 6.7)")), "neuron-before-tanh",
      caption: "The neuron's weighted sum before tanh: b = 6.7, n = 0.7")
  }

  let (x1, x2, w1, w2, b) = leaves()
  let n = weightedSum((x1, x2, w1, w2, b))
  let o = n.tanh()
  o.label = "o"

  // With tanh and b = 6.8813735870195432, before backward(): every grad 0.
  try figures.draw(
    drawDot(o, options: .init(title: "o = tanh(n), before backward(): every grad 0")), "neuron-forward",
    caption: "The neuron with tanh, before backward(): every gradient 0")

  // The notes' topo: each node after the nodes it is computed from,
  // printed as Python prints the list (Value's repr is its data).
  let topo = o.topologicalOrder()
  print("topo:")
  print("[" + topo.map { "Value(data=\($0.data))" }.joined(separator: ",\n ") + "]")
  print("in order: " + topo.map(\.label).joined(separator: ", "))
  // The same order as a picture: each value numbered by its place in topo.
  try figures.draw(
    drawDot(
      o, options: .init(title: "topologicalOrder(): each value after the values it is computed from", numbered: true)),
    "neuron-topological-order", caption: "The neuron's values numbered in topologicalOrder()'s order")

  // The first step of backward by hand: o.grad = 1, every other grad still 0.
  o.grad = 1
  try figures.draw(
    drawDot(o, options: .init(title: "o.grad = 1, set by hand: every other grad still 0")), "neuron-o-grad",
    caption: "The neuron with only o.grad = 1 set: the start of backward()")
  o.grad = 0

  o.backward()
  print("n = \(n.data), o = \(o.data)")
  for v in [x1, w1, x2, w2, b, n] {
    print("\(v.label).grad = \(v.grad)")
  }
  try figures.draw(o, "neuron", caption: "o = tanh(x1*w1 + x2*w2 + b), after backward()")

  // tanh(n) = (exp(2n) - 1) / (exp(2n) + 1), one operation at a time.
  let l = leaves()
  let m = weightedSum(l)
  let e = (2 * m).exp()
  e.label = "e"
  let o2 = (e - 1) / (e + 1)
  o2.label = "o"
  o2.backward()
  print("with exp: o = \(o2.data)")
  for v in [l.x1, l.w1, l.x2, l.w2, l.b] {
    print("with exp: \(v.label).grad = \(v.grad)")
  }
  // Top to bottom: drawn left to right, its twelve ranks make text too
  // small for a slide.
  try figures.draw(
    drawDot(o2, options: .init(rankdir: .topToBottom)), "neuron-exp",
    caption: "The neuron with tanh written with exp, after backward()")

  // The notes' check in PyTorch: torch.Tensor([6.8813735870195432]).double()
  // makes a float32 tensor first, so b is rounded to the nearest Float
  // before it becomes a double. Round it the same way, and the engine
  // prints PyTorch's digits; beside them, this neuron's in full double.
  let t = leaves(b: Double(Float(6.8813735870195432)))
  let to = (t.x1 * t.w1 + t.x2 * t.w2 + t.b).tanh()
  to.backward()
  print("torch.Tensor rounds b to float32: b = \(t.b.data)")
  func row(_ name: String, _ torch: String, _ double: String) -> String {
    name.padding(toLength: 4, withPad: " ", startingAt: 0)
      + torch.padding(toLength: 22, withPad: " ", startingAt: 0) + double
  }
  print(row("", "PyTorch (float32 b)", "double b"))
  for (name, torch, double) in [
    ("o", to.data, o.data), ("x2", t.x2.grad, x2.grad), ("w2", t.w2.grad, w2.grad),
    ("x1", t.x1.grad, x1.grad), ("w1", t.w1.grad, w1.grad),
  ] {
    print(row(name, "\(torch)", "\(double)"))
  }
}
