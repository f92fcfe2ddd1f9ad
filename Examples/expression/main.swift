// The notes' second expression, L = (a*b + c) * f.
//
// Forward, then backward(): the chain rule fills in every node's grad, the
// derivative of L with respect to that node. Then the numerical check the
// notes make: nudge d by h and see L move by about dL/dd = f = -2.
//
//   swift run expression [--out DIR]   writes expression-forward and
//                                      expression-backward (.dot, .svg, .png)
import Figures
import Lectures
import Micrograd

lessonMain("expression", summary: "L = (a*b + c) * f, before and after backward, checked by nudging") { figures in
  // The expression as the notes build it, one labelled node at a time:
  // e = a*b, d = e + c, L = d*f (Examples/Lectures/Lecture.swift; the
  // tests draw this same graph).
  let (a, b, c, e, d, f, L) = Lecture.expression()
  print("L = \(L.data)")
  try figures.draw(L, "expression-forward", caption: "L = (a*b + c) * f, forward")

  L.backward()
  for v in [a, b, c, e, d, f, L] {
    print("\(v.label).grad = \(v.grad)")
  }
  try figures.draw(L, "expression-backward", caption: "L = (a*b + c) * f, after backward()")

  // Nudge d by h and see how much L moves: about dL/dd = f = -2.
  let h = 0.001
  let nudged = Value(d.data + h) * f
  print("(L(d + h) - L(d)) / h = \((nudged.data - L.data) / h)")
}
