import Figures
import Micrograd

/// The notes' first graph: `q = a + b`.
public enum AddLecture: Lecture {
  public static let name = "add"
  public static let summary = "q = a + b, the smallest graph"

  public static func run(_ figures: inout FigureWriter) throws {
    let a = Value(2.0, label: "a")
    let b = Value(-3.0, label: "b")
    let q = a + b; q.label = "q"
    figures.say("q = \(q.data)")
    try figures.draw(q, "add")
  }
}
