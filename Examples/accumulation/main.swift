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
import Lectures
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
  /// The bug and the fix on one graph: `graph` built twice, its gradients
  /// assigned on the first (`accumulation-NAME-bug`, the wrong gradients
  /// in red, no page: its steps would run the engine's backward(), which
  /// adds, and end at the fixed gradients) and added by the engine's
  /// backward() on the second (`accumulation-NAME-fixed`). Each titled
  /// `formula, gradients assigned (the bug): …` or `… added (fixed): …`.
  func bugAndFix(
    _ name: String, _ formula: String, graph: () -> (root: Value, watched: [Value]),
    bug: (title: String, caption: String), fixed: (title: String, caption: String)
  ) throws {
    func grads(_ values: [Value]) -> String { values.map { "\($0.label).grad = \($0.grad)" }.joined(separator: ", ") }
    let wrong = graph()
    assigningBackward(wrong.root)
    print("\(wrong.root.label) = \(wrong.root.data)")
    print("\(formula), assigned: \(grads(wrong.watched))")
    try figures.draw(
      drawDot(wrong.root, options: .init(title: bug.title, marked: wrong.watched)),
      "accumulation-\(name)-bug", caption: bug.caption, page: false)
    let right = graph()
    right.root.backward()
    print("\(formula), added:    \(grads(right.watched))")
    try figures.draw(
      drawDot(right.root, options: .init(title: fixed.title)), "accumulation-\(name)-fixed", caption: fixed.caption)
  }

  // b = a + a: db/da is 2. b's step sets a.grad to 1 for its first
  // operand, then to 1 again for its second; adding gives 1 + 1.
  try bugAndFix(
    "b", "b = a + a",
    graph: {
      let (a, b) = Lecture.usedTwice()
      return (b, [a])
    },
    bug: (
      "b = a + a, gradients assigned (the bug): a.grad = 1, but db/da = 2",
      "b = a + a, gradients assigned (the bug): a.grad = 1, wrong"
    ),
    fixed: ("b = a + a, gradients added (fixed): a.grad = 2", "b = a + a, gradients added: a.grad = 2"))

  // f = (a*b) * (a+b), with d = a*b = -6 and e = a+b = 1: a and b each
  // reach f along two paths, through d and through e. Assigned, whichever
  // of d's and e's steps runs last wins: here e's step runs first (a.grad
  // = b.grad = d = -6), then d's (a.grad = b = 3, b.grad = a = -2). Added:
  // df/da = e*b + d = 3 - 6 = -3, and df/db = e*a + d = -2 - 6 = -8.
  try bugAndFix(
    "f", "f = d * e",
    graph: {
      let (a, b, _, _, f) = Lecture.twoPaths()
      return (f, [a, b])
    },
    bug: (
      "f = (a*b) * (a+b), gradients assigned (the bug): a.grad = 3 and b.grad = -2, not -3 and -8",
      "f = (a*b) * (a+b), gradients assigned (the bug): a.grad and b.grad wrong"
    ),
    fixed: (
      "f = (a*b) * (a+b), gradients added (fixed): a.grad = -3, b.grad = -8",
      "f = (a*b) * (a+b), gradients added: a.grad = -3, b.grad = -8"
    ))
}
