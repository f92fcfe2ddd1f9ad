// The notes' first graph: q = a + b.
//
// Two leaf Values and one addition. Each Value keeps its data, its label,
// the operation that made it and its operands, so the graph can be drawn:
// a record { label | data | grad } per Value, an op node per operation.
//
//   swift run add [--out DIR]     writes DIR/add.dot, .svg, .png (DIR: output)
//
// `micrograd figures` runs this lesson with the others, in the notes' order.
import Figures
import Micrograd

lessonMain("add", summary: "q = a + b, the smallest graph") { figures in
  let a = Value(2.0, label: "a")
  let b = Value(-3.0, label: "b")
  let q = a + b
  q.label = "q"
  print("q = \(q.data)")
  try figures.draw(q, "add", caption: "q = a + b")
}
