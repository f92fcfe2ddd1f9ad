// The chain rule by hand: l = c * (a + b) + e, drawn three times, then
// step by step.
//
// 1. forward only: every gradient is still 0;
// 2. with the gradients the notes work out by hand, node by node;
// 3. with the same numbers from each node's local backward step, called
//    from the output back, as the notes do before writing backward();
// 4. a figure per step of backward(), for slides.
//
//   swift run chain [--out DIR]   writes chain-forward, chain-manual-grads and
//                                 chain-backward-steps (.dot, .svg, .png, .html)
//                                 and chain-step-000.svg to chain-step-007.svg
import Figures
import GraphRender
import Micrograd

lessonMain("chain", summary: "l = c * (a + b) + e, gradients by hand and step by step") { figures in
  // The notes' graph, built afresh for each drawing.
  func graph() -> (a: Value, b: Value, c: Value, e: Value, d: Value, f: Value, l: Value) {
    let a = Value(2.0, label: "a")
    let b = Value(-3.0, label: "b")
    let c = Value(5.0, label: "c")
    let e = Value(10.0, label: "e")
    let d = a + b
    d.label = "d"
    let f = c * d
    f.label = "f"
    let l = f + e
    l.label = "l"
    return (a, b, c, e, d, f, l)
  }

  // 1. Forward only: every gradient is still 0.
  let forward = graph()
  print("l = \(forward.l.data)")
  try figures.draw(forward.l, "chain-forward", caption: "l = c * (a + b) + e, forward only: every gradient still 0")

  // 2. The gradients the notes work out by hand with the chain rule:
  //    dl/dl = 1; l = f + e, so dl/df = dl/de = 1; f = c * d, so
  //    dl/dd = c = 5 and dl/dc = d = -1; d = a + b, so dl/da = dl/db = 5.
  let byHand = graph()
  byHand.l.grad = 1
  byHand.f.grad = 1
  byHand.e.grad = 1
  byHand.d.grad = 5
  byHand.c.grad = -1
  byHand.a.grad = 5
  byHand.b.grad = 5
  try figures.draw(
    drawDot(byHand.l, options: .init(title: "gradients worked out by hand, with the chain rule")), "chain-manual-grads",
    caption: "l = c * (a + b) + e, with the gradients worked out by hand")

  // 3. The same numbers from each node's local backward step, called
  //    from the output back: l's step sets f.grad and e.grad, f's step
  //    c.grad and d.grad, d's step a.grad and b.grad.
  let steps = graph()
  steps.l.grad = 1
  steps.l.backwardStep()
  steps.f.backwardStep()
  steps.d.backwardStep()
  for v in [steps.l, steps.f, steps.e, steps.d, steps.c, steps.a, steps.b] {
    print("\(v.label).grad = \(v.grad)")
  }
  try figures.draw(
    drawDot(steps.l, options: .init(title: "gradients from each node's backward step, called from l back")),
    "chain-backward-steps",
    caption: "l = c * (a + b) + e, after calling each node's backward step by hand")

  // 4. The same, as backward() does it: one figure per backwardStep(), in
  //    backward()'s order, for slides (the node processed in red, the
  //    operands it updated in orange). Each page above steps through it too.
  try figures.drawBackwardSteps(graph().l, "chain-step")
}
