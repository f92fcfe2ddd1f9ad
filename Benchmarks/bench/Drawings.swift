import Foundation
import GraphRender
import Micrograd
import TestSupport

/// A graph to draw, for the drawing benchmark.
struct DrawingWorkload {
  let name: String
  let root: Value
}

/// The drawing benchmark's graphs: the lecture's neuron, the forward graph
/// of the lecture's MLP(3, [4, 4, 1]) on one input, and a chain of 2,000
/// Graphviz nodes.
func drawingWorkloads() -> [DrawingWorkload] {
  [
    DrawingWorkload(name: "neuron", root: LectureGraphs.neuron().o),
    DrawingWorkload(name: "MLP(3,[4,4,1])", root: LectureGraphs.mlpOutput()),
    DrawingWorkload(name: "2,000-node chain", root: chain(drawnNodes: 2_000)),
  ]
}

/// `x = x * 1.0001 + 0.0001` repeated until the drawing has `drawnNodes`
/// nodes, give or take one step (each step adds six: two constants, two
/// values and their two op nodes).
func chain(drawnNodes: Int) -> Value {
  var x = Value(1.0, label: "x")
  for _ in 0..<((drawnNodes - 1) / 6) {
    x = x * 1.0001 + 0.0001
  }
  x.backward()
  return x
}

/// Median seconds of `repeats` runs of `body`.
func timed(_ repeats: Int, _ body: () throws -> Void) rethrows -> Double {
  var runs: [Double] = []
  for _ in 0..<repeats {
    let start = ContinuousClock.now
    try body()
    runs.append(seconds(since: start))
  }
  return median(runs)
}

/// Times trace, drawDot (the DOT text, and the steps of backward() its
/// page keeps), SVG, PNG and the HTML page for each graph, with the page's
/// size, and prints a table.
func benchmarkDrawings(repeats: Int) throws {
  print("\ndrawing: median of \(repeats) runs (3 for layouts of over 1,000 nodes), in ms")
  let header = ["graph", "nodes", "edges", "trace", "DOT", "SVG", "PNG", "HTML", "HTML KB"]
  var rows: [[String]] = []
  for workload in drawingWorkloads() {
    let drawing = try drawDot(workload.root)
    let layoutRepeats = drawing.nodeCount > 1_000 ? min(3, repeats) : repeats
    let traceTime = timed(repeats) { _ = trace(workload.root) }
    let dotTime = try timed(repeats) { _ = try drawDot(workload.root) }
    let svgTime = try timed(layoutRepeats) { _ = try drawing.render(.svg) }
    let pngTime = try timed(layoutRepeats) { _ = try drawing.render(.png) }
    let htmlTime = try timed(layoutRepeats) { _ = try drawing.render(.html) }
    let htmlSize = try drawing.render(.html).count
    rows.append(
      [workload.name, String(drawing.nodeCount), String(drawing.edgeCount)]
        + [traceTime, dotTime, svgTime, pngTime, htmlTime].map { String(format: "%.3f", $0 * 1e3) }
        + [String(format: "%.1f", Double(htmlSize) / 1_000)])
  }
  printTable(header, rows)
}

/// How the `dot` layout (SVG render) time grows with the graph: chains and
/// MLP forward graphs of growing size, one run each. The numbers behind
/// `Drawing.defaultNodeLimit`.
func benchmarkLayoutScaling() throws {
  print("layout scaling: SVG render time, one run each, in seconds")
  var rows: [[String]] = []
  for size in [1_000, 2_000, 4_000, 5_000, 8_000] {
    let chainDrawing = try drawDot(chain(drawnNodes: size), options: .init(nodeLimit: .max))
    let chainTime = try timed(1) { _ = try chainDrawing.render(.svg) }
    var rng = SplitMix64(seed: 1)
    let width = size / 200
    let model = MLP(3, [width, width, 1], using: &rng)
    let mlpDrawing = try drawDot(model([1, 2, 3])[0], options: .init(nodeLimit: .max))
    let mlpTime = try timed(1) { _ = try mlpDrawing.render(.svg) }
    rows.append([
      String(chainDrawing.nodeCount), String(chainDrawing.layoutSize), String(format: "%.2f", chainTime),
      "MLP(3,[\(width),\(width),1])", String(mlpDrawing.nodeCount), String(mlpDrawing.layoutSize),
      String(format: "%.2f", mlpTime),
    ])
  }
  for terms in [50, 100, 150] {
    // One value used by every term: edges that cross many ranks.
    let a = Value(1.0, label: "a")
    var sum = a
    for _ in 1..<terms { sum = sum + a }
    let drawing = try drawDot(sum, options: .init(nodeLimit: .max))
    let time = try timed(1) { _ = try drawing.render(.svg) }
    rows.append([
      "", "", "", "a+a+...+a, \(terms) terms", String(drawing.nodeCount), String(drawing.layoutSize),
      String(format: "%.2f", time),
    ])
  }
  printTable(["chain nodes", "layout size", "seconds", "graph", "nodes", "layout size", "seconds"], rows)
}
