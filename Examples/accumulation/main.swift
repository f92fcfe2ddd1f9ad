// The bug the notes find in their first backward(): a value used twice.
//
// micrograd's first `_backward` assigned each operand's gradient
// (`self.grad = 1.0 * out.grad`) instead of adding to it (`+=`). A value
// that feeds two operations, or one operation twice, then keeps only the
// contribution of the step that ran last. The chain rule says to add them:
// a value's gradient is the sum over every path from it to the output.
//
// This package's engine has no such bug: its backwardStep() adds. To show
// what the assigning step did, this lesson walks the graph itself, in the
// order backward() walks it, and sets the gradients as that step would.
//
//   swift run accumulation [--out DIR]   writes accumulation-b-bug, -b-fixed,
//                                        -f-bug, -f-fixed (.dot, .svg, .png)
import Figures
import GraphRender
import Micrograd

/// backward() with the notes' first, assigning `_backward`: every node, from
/// `root` back to the leaves, *sets* each operand's gradient to its local
/// derivative times the node's gradient. The engine's step adds (`+=`); this
/// `=` is the bug.
func assigningBackward(_ root: Value) {
  root.grad = 1
  for node in root.topologicalOrder().reversed() {
    for (i, operand) in node.operands.enumerated() {
      operand.grad = node.localDerivative(at: i) * node.grad  // the bug: = where += belongs
    }
  }
}

lessonMain("accumulation", summary: "a value used twice: gradients assigned (the bug) and added (the fix)") { figures in
  // b = a + a: db/da is 2. b's step sets a.grad to 1 for its first
  // operand, then to 1 again for its second; adding gives 1 + 1.
  func twice() -> (a: Value, b: Value) {
    let a = Value(3.0, label: "a")
    let b = a + a
    b.label = "b"
    return (a, b)
  }
  let buggy = twice()
  assigningBackward(buggy.b)
  print("b = a + a, assigned: a.grad = \(buggy.a.grad)")
  // The bug's figures get no page: its steps would run the engine's
  // backward(), which adds, and end at the fixed gradients.
  try figures.draw(
    drawDot(
      buggy.b,
      options: .init(title: "b = a + a, gradients assigned (the bug): a.grad = 1, but db/da = 2", marked: [buggy.a])),
    "accumulation-b-bug", caption: "b = a + a, gradients assigned (the bug): a.grad = 1, wrong", page: false)
  let fixed = twice()
  fixed.b.backward()
  print("b = a + a, added:    a.grad = \(fixed.a.grad)")
  try figures.draw(
    drawDot(fixed.b, options: .init(title: "b = a + a, gradients added (fixed): a.grad = 2")),
    "accumulation-b-fixed", caption: "b = a + a, gradients added: a.grad = 2")

  // f = (a*b) * (a+b), with d = a*b = -6 and e = a+b = 1: a and b each
  // reach f along two paths, through d and through e. Assigned, whichever
  // of d's and e's steps runs last wins: here e's step runs first (a.grad
  // = b.grad = d = -6), then d's (a.grad = b = 3, b.grad = a = -2). Added:
  // df/da = e*b + d = 3 - 6 = -3, and df/db = e*a + d = -2 - 6 = -8.
  func paths() -> (a: Value, b: Value, f: Value) {
    let a = Value(-2.0, label: "a")
    let b = Value(3.0, label: "b")
    let d = a * b
    d.label = "d"
    let e = a + b
    e.label = "e"
    let f = d * e
    f.label = "f"
    return (a, b, f)
  }
  let wrong = paths()
  assigningBackward(wrong.f)
  print("f = \(wrong.f.data)")
  print("f = d * e, assigned: a.grad = \(wrong.a.grad), b.grad = \(wrong.b.grad)")
  try figures.draw(
    drawDot(
      wrong.f,
      options: .init(
        title: "f = (a*b) * (a+b), gradients assigned (the bug): a.grad = 3 and b.grad = -2, not -3 and -8",
        marked: [wrong.a, wrong.b])),
    "accumulation-f-bug", caption: "f = (a*b) * (a+b), gradients assigned (the bug): a.grad and b.grad wrong",
    page: false)
  let right = paths()
  right.f.backward()
  print("f = d * e, added:    a.grad = \(right.a.grad), b.grad = \(right.b.grad)")
  try figures.draw(
    drawDot(right.f, options: .init(title: "f = (a*b) * (a+b), gradients added (fixed): a.grad = -3, b.grad = -8")),
    "accumulation-f-fixed", caption: "f = (a*b) * (a+b), gradients added: a.grad = -3, b.grad = -8")
}
