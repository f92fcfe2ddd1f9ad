// The graphs that a lesson builds and the tests draw too, each written
// once, as the notes build it: the lessons import this file's module, and
// so does the tests' TestSupport (its `LectureGraphs`), so that a test
// draws exactly the lesson's graph.
import Micrograd

/// The notes' graphs that the lessons and the tests share, before any
/// `backward()`.
public enum Lecture {
  /// The notes' second expression, `L = (a*b + c) * f`, one labelled node
  /// at a time: the `expression` lesson's graph.
  public static func expression() -> (a: Value, b: Value, c: Value, e: Value, d: Value, f: Value, L: Value) {
    let a = Value(2.0, label: "a")
    let b = Value(-3.0, label: "b")
    let c = Value(10.0, label: "c")
    let e = a * b
    e.label = "e"
    let d = e + c
    d.label = "d"
    let f = Value(-2.0, label: "f")
    let L = d * f
    L.label = "L"
    return (a, b, c, e, d, f, L)
  }

  /// The notes' bug demo, `b = a + a`: a value used twice, whose
  /// gradient is 2, not 1 (the `accumulation` lesson's first graph).
  public static func usedTwice() -> (a: Value, b: Value) {
    let a = Value(3.0, label: "a")
    let b = a + a
    b.label = "b"
    return (a, b)
  }

  /// The notes' second bug demo, `f = d * e` with `d = a * b` and
  /// `e = a + b` (a = -2, b = 3): a and b each reach f along two paths,
  /// so df/da = -3 and df/db = -8 only when gradients are added (the
  /// `accumulation` lesson's second graph).
  public static func twoPaths() -> (a: Value, b: Value, d: Value, e: Value, f: Value) {
    let a = Value(-2.0, label: "a")
    let b = Value(3.0, label: "b")
    let d = a * b
    d.label = "d"
    let e = a + b
    e.label = "e"
    let f = d * e
    f.label = "f"
    return (a, b, d, e, f)
  }
}
