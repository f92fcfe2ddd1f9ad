// A neuron: o = tanh(x1*w1 + x2*w2 + b), after backward.
//
// Two inputs, two weights and a bias (chosen so that n = 0.8814 and
// o = tanh(n) = 0.7071). Then the same neuron with tanh written out with
// exp, one operation at a time: more nodes, the same gradients.
//
//   swift run neuron [--out DIR]   writes neuron and neuron-exp (.dot, .svg, .png)
import Figures
import Micrograd

lessonMain("neuron", summary: "o = tanh(x1*w1 + x2*w2 + b), and tanh written with exp") { figures in
  // The inputs, weights and bias of the notes' neuron, made afresh for each form.
  func leaves() -> (x1: Value, x2: Value, w1: Value, w2: Value, b: Value) {
    (Value(2.0, label: "x1"), Value(0.0, label: "x2"), Value(-3.0, label: "w1"),
     Value(1.0, label: "w2"), Value(6.8813735870195432, label: "b"))
  }

  let (x1, x2, w1, w2, b) = leaves()
  let x1w1 = x1 * w1; x1w1.label = "x1*w1"
  let x2w2 = x2 * w2; x2w2.label = "x2*w2"
  let x1w1x2w2 = x1w1 + x2w2; x1w1x2w2.label = "x1*w1 + x2*w2"
  let n = x1w1x2w2 + b; n.label = "n"
  let o = n.tanh(); o.label = "o"
  o.backward()
  print("n = \(n.data), o = \(o.data)")
  for v in [x1, w1, x2, w2, b, n] {
    print("\(v.label).grad = \(v.grad)")
  }
  try figures.draw(o, "neuron", caption: "o = tanh(x1*w1 + x2*w2 + b), after backward()")

  // tanh(n) = (exp(2n) - 1) / (exp(2n) + 1), one operation at a time.
  let l = leaves()
  let m = l.x1 * l.w1 + l.x2 * l.w2 + l.b; m.label = "n"
  let e = (2 * m).exp(); e.label = "e"
  let o2 = (e - 1) / (e + 1); o2.label = "o"
  o2.backward()
  print("with exp: o = \(o2.data)")
  for v in [l.x1, l.w1, l.x2, l.w2, l.b] {
    print("with exp: \(v.label).grad = \(v.grad)")
  }
  try figures.draw(o2, "neuron-exp", caption: "The neuron with tanh written with exp, after backward()")
}
