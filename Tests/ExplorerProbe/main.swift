// A small program that the browser tests (Tests/Browser) run: it writes
// the HTML page of one of the lecture's graphs and prints, as JSON, what
// the page must show, computed here by calling the engine directly.
//
//   explorer-probe expression|neuron|mlp-loss|labels|dot FILE.html
//
// It prints {"titles": ["v0", ...], "labels": [...], "data": [...],
// "steps": [[grad or null per value] after 0, 1, ... steps],
// "related": [[every value the value depends on or that depends on it,
// and itself] per value]}. Numbers are Swift's shortest text, which
// Python's float() reads back exactly.
import Foundation
import GraphRender
import Micrograd
import TestSupport

/// Labels that must show exactly as written and cannot break the page.
func labelsGraph() -> Value {
  let x = Value(2.0, label: "</script><script>alert(1)</script>")
  let y = Value(-3.0, label: "<!-- a < b & c > d \"q\" 'q'")
  let z = x * y
  z.label = "line one\nline two"
  let w = z.tanh()
  w.label = "ünïcödé 🙂 ∂L/∂w ‮rtl"
  w.backward()
  return w
}

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count == 2 else {
  FileHandle.standardError.write(Data("usage: explorer-probe expression|neuron|mlp-loss|labels|dot FILE.html\n".utf8))
  exit(2)
}
// A drawing of DOT text: a page with no values and no steps; it prints {}.
if arguments[0] == "dot" {
  do {
    try Drawing(dot: "digraph { a -> b -> c }").write(to: URL(fileURLWithPath: arguments[1]))
  } catch {
    FileHandle.standardError.write(Data("explorer-probe: \(error)\n".utf8))
    exit(1)
  }
  print("{}")
  exit(0)
}
let root: Value
var style = DrawingStyle.lecture
var parameters: [Value] = []
switch arguments[0] {
case "expression": root = LectureGraphs.expression()
case "neuron":
  let neuron = LectureGraphs.neuron()
  (root, parameters, style) = (neuron.o, neuron.parameters, .teaching)
case "mlp-loss": root = LectureGraphs.mlpLoss()
case "labels": root = labelsGraph()
default:
  FileHandle.standardError.write(Data("explorer-probe: no graph \(arguments[0])\n".utf8))
  exit(2)
}

do {
  try drawDot(root, options: .init(style: style, parameters: parameters)).write(to: URL(fileURLWithPath: arguments[1]))
} catch {
  FileHandle.standardError.write(Data("explorer-probe: \(error)\n".utf8))
  exit(1)
}

/// What the page must show, as JSON (see the top of this file).
func expected(_ root: Value) -> String {
  // What backward() does, one backwardStep() at a time, by the engine itself.
  let nodes = root.topologicalOrder()
  var index: [ObjectIdentifier: Int] = [:]
  for (i, node) in nodes.enumerated() { index[ObjectIdentifier(node)] = i }
  for node in nodes { node.grad = 0 }
  root.grad = 1
  var reached = [Bool](repeating: false, count: nodes.count)
  func snapshot() -> [Double?] { nodes.indices.map { reached[$0] ? nodes[$0].grad : nil } }
  var steps = [snapshot()]
  reached[nodes.count - 1] = true
  for node in nodes.reversed() {
    node.backwardStep()
    for operand in node.operands { reached[index[ObjectIdentifier(operand)]!] = true }
    steps.append(snapshot())
  }

  // What each value depends on (its trace) and what depends on it.
  var related: [[Int]] = []
  for (i, node) in nodes.enumerated() {
    var set = Set(trace(node).nodes.map { index[ObjectIdentifier($0)]! })
    for (j, other) in nodes.enumerated() where j > i && trace(other).nodes.contains(where: { $0 === node }) {
      set.insert(j)
    }
    related.append(set.sorted())
  }

  func number(_ x: Double?) -> String {
    guard let x else { return "null" }
    return x.isFinite ? "\"\(x.description)\"" : "\"\(x)\""
  }
  func string(_ s: String) -> String {
    let data = try! JSONSerialization.data(withJSONObject: [s], options: [.withoutEscapingSlashes])
    return String(decoding: data.dropFirst().dropLast(), as: UTF8.self)
  }
  var out = "{\"titles\":[" + nodes.indices.map { "\"v\($0)\"" }.joined(separator: ",") + "],\n"
  out += "\"labels\":[" + nodes.map { string($0.label) }.joined(separator: ",") + "],\n"
  out += "\"data\":[" + nodes.map { number($0.data) }.joined(separator: ",") + "],\n"
  out +=
    "\"steps\":[" + steps.map { "[" + $0.map(number).joined(separator: ",") + "]" }.joined(separator: ",\n") + "],\n"
  out +=
    "\"related\":[" + related.map { "[" + $0.map(String.init).joined(separator: ",") + "]" }.joined(separator: ",")
    + "]}\n"
  return out
}

print(expected(root), terminator: "")
