import Figures
import Micrograd

/// The notes' second expression, `L = (a*b + c) * f`: forward, backward by
/// the chain rule, and the numerical check by nudging.
public enum ExpressionLecture: Lecture {
  public static let name = "expression"
  public static let summary = "L = (a*b + c) * f, before and after backward, checked by nudging"

  public static func run(_ figures: inout FigureWriter) throws {
    let a = Value(2.0, label: "a")
    let b = Value(-3.0, label: "b")
    let c = Value(10.0, label: "c")
    let e = a * b; e.label = "e"
    let d = e + c; d.label = "d"
    let f = Value(-2.0, label: "f")
    let L = d * f; L.label = "L"
    figures.say("L = \(L.data)")
    try figures.draw(L, "expression-forward")

    L.backward()
    for v in [a, b, c, e, d, f, L] {
      figures.say("\(v.label).grad = \(v.grad)")
    }
    try figures.draw(L, "expression-backward")

    // Nudge d by h and see how much L moves: about dL/dd = f = -2.
    let h = 0.001
    let nudged = Value(d.data + h) * f
    figures.say("(L(d + h) - L(d)) / h = \((nudged.data - L.data) / h)")
  }
}
