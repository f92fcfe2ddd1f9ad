#if canImport(Glibc)
import Glibc
#elseif canImport(Musl)
import Musl
#elseif canImport(Darwin)
import Darwin
#endif
internal import FileOutput
import Foundation
import Micrograd

/// One figure per step of `backward()`, for slides: the lecture's chain
/// figure done by hand, as a sequence.
///
/// Frame 0 is the forward pass, before `backward()`: every gradient 0.
/// Frame *k* is the graph after `backward()`'s *k*-th call of
/// `backwardStep()` (frame 1: the root's gradient set to 1 and its own
/// step run), with the node that step processed outlined in red, its op
/// and the edges from its operands in red, the operands it updated in
/// orange, and a caption that says which step it is. The engine runs the
/// steps on the graph itself (from every gradient 0), and every gradient is
/// put back afterwards. The frames are the same bytes on every run.
///
/// ```swift
/// let frames = try drawBackwardSteps(L)      // 8 drawings for 7 values
/// try writeBackwardSteps(L, to: URL(fileURLWithPath: "frames"))   // step-000.svg, ...
/// ```
///
/// - Parameters:
///   - root: The value whose graph to draw.
///   - rankdir: The direction of flow; left to right by default.
///   - numberFormat: How data and grad are written; four decimals by default.
///   - showGrad: Whether each node shows its gradient.
///   - style: The lecture's plain look, or ``DrawingStyle/teaching``.
///   - parameters: The values to mark as parameters, for styles that
///     colour roles.
///   - nodeLimit: The largest ``Drawing/layoutSize`` a frame may have
///     when it is laid out.
/// - Returns: The drawings, one more than the graph has values.
/// - Throws: ``GraphRenderError/invalidOption(_:)``, as `drawDot` does.
/// - Complexity: O(*n*²) for a graph of *n* values: *n* + 1 drawings of it.
public func drawBackwardSteps(
  _ root: Value,
  rankdir: RankDir = .leftToRight,
  numberFormat: NumberFormat = .fixed(4),
  showGrad: Bool = true,
  style: DrawingStyle = .lecture,
  parameters: [Value] = [],
  nodeLimit: Int = Drawing.defaultNodeLimit
) throws -> [Drawing] {
  let nodes = root.topologicalOrder()
  let saved = nodes.map(\.grad)
  defer { for (node, grad) in zip(nodes, saved) { node.grad = grad } }
  var index: [ObjectIdentifier: Int] = [:]
  for (i, node) in nodes.enumerated() { index[ObjectIdentifier(node)] = i }

  func frame(_ caption: String, current: Int?) throws -> Drawing {
    let drawing = try drawDot(
      root, rankdir: rankdir, numberFormat: numberFormat, showGrad: showGrad, style: style,
      parameters: parameters, nodeLimit: nodeLimit)
    let operands = current.map { nodes[$0].operands.map { index[ObjectIdentifier($0)]! } } ?? []
    let dot = StepHighlight(current: current, operands: operands, caption: caption).apply(to: drawing.dot)
    return Drawing(
      dot: dot, nodeCount: drawing.nodeCount, edgeCount: drawing.edgeCount,
      layoutSize: drawing.layoutSize, nodeLimit: nodeLimit)
  }

  for node in nodes { node.grad = 0 }
  let count = nodes.count
  var frames = [try frame("step 0 of \(count): the forward pass", current: nil)]
  root.grad = 1
  for (k, i) in nodes.indices.reversed().enumerated() {
    nodes[i].backwardStep()
    let name = nodes[i].label.isEmpty ? "v\(i)" : nodes[i].label
    frames.append(try frame("step \(k + 1) of \(count): \(name).backwardStep()", current: i))
  }
  return frames
}

/// Writes ``drawBackwardSteps(_:rankdir:numberFormat:showGrad:style:parameters:nodeLimit:)``'s
/// frames into `folder` as `step-000.svg`, `step-001.svg`, ... (more digits
/// for a thousand steps or more), in `format`; all of them or none.
///
/// The folder must be missing, empty, or hold only earlier frames: files
/// named `step-` and three or more digits, then an extension
/// (`step-012.png`), and hidden files (`.DS_Store`), which are kept.
/// Anything else in it (another file, a folder named like a frame) is
/// refused before anything is written. A missing folder is made, with its
/// missing parents.
///
/// The frames are written into a fresh hidden folder beside it
/// (FileOutput's `StagedFolder`), which replaces the folder whole once
/// every frame is written: the folder holds exactly this run's frames, and
/// a failure, or a kill, leaves it as it was. The first frame is rendered
/// before anything is written (a graph above the node limit writes
/// nothing); the others one at a time as they are written, so that only
/// one rendered frame is held in memory.
///
/// - Parameters:
///   - root: The value whose graph to draw.
///   - folder: Where the frames go.
///   - format: Any format but ``OutputFormat/html``; SVG by default.
///   - rankdir: The direction of flow; left to right by default.
///   - numberFormat: How data and grad are written; four decimals by default.
///   - showGrad: Whether each node shows its gradient.
///   - style: The lecture's plain look, or ``DrawingStyle/teaching``.
///   - parameters: The values to mark as parameters, for styles that
///     colour roles.
///   - nodeLimit: The largest ``Drawing/layoutSize`` a frame may have
///     when it is laid out.
/// - Returns: The files written, in order.
/// - Throws: ``GraphRenderError/invalidOption(_:)`` for HTML,
///   ``GraphRenderError/cannotWrite(path:reason:)`` when the folder is a
///   file, holds something other than frames, or cannot be made, or a
///   file cannot be written, or any error of ``Drawing/render(_:)``.
@discardableResult
public func writeBackwardSteps(
  _ root: Value,
  to folder: URL,
  format: OutputFormat = .svg,
  rankdir: RankDir = .leftToRight,
  numberFormat: NumberFormat = .fixed(4),
  showGrad: Bool = true,
  style: DrawingStyle = .lecture,
  parameters: [Value] = [],
  nodeLimit: Int = Drawing.defaultNodeLimit
) throws -> [URL] {
  guard format != .html else {
    throw GraphRenderError.invalidOption("the frames of backward's steps are figures: svg, png, pdf or dot, not html")
  }
  guard folder.isFileURL, !folder.path.isEmpty else {
    throw GraphRenderError.cannotWrite(path: folder.absoluteString, reason: "only a folder's file URL can be written")
  }
  let frames = try drawBackwardSteps(
    root, rankdir: rankdir, numberFormat: numberFormat, showGrad: showGrad, style: style,
    parameters: parameters, nodeLimit: nodeLimit)
  // The first frame is rendered before anything is written (a graph
  // above the node limit, or a format Graphviz lacks, writes nothing);
  // the others one at a time as they are written, so that only one
  // rendered frame is held at once.
  let first = try frames[0].render(format)
  let ext = format.rawValue.split(separator: ":").first.map(String.init) ?? format.rawValue
  let names = frames.indices.map { k in FrameNumber.name("step", k, of: frames.count) + "." + ext }
  let staged: StagedFolder
  do {
    staged = try StagedFolder(folder.path, named: "the frames' folder", accepting: FrameNumber.refusal(base: "step"))
  } catch {
    throw GraphRenderError.cannotWrite(path: folder.path, reason: error.message)
  }
  for (k, name) in names.enumerated() {
    do {
      try AtomicFile.write(try k == 0 ? first : frames[k].render(format), to: staged.staging + "/" + name)
    } catch let error as AtomicFileError {
      staged.discard()
      throw GraphRenderError.cannotWrite(path: folder.path + "/" + name, reason: error.reason)
    } catch {
      staged.discard()
      throw error
    }
  }
  do {
    _ = try staged.commit()
  } catch {
    throw GraphRenderError.cannotWrite(path: folder.path, reason: error.message)
  }
  return names.map { URL(fileURLWithPath: staged.target + "/" + $0) }
}

/// Marks one step on `drawDot`'s DOT text: its lines are one per node or
/// edge, named by trace order (`v3 [...]`, `v3_op [...]`, `v3_op -> v3`,
/// `v1 -> v3_op`, indented), so the marks are added to those lines, and
/// the caption to the first `graph [...]` line, the graph's own.
struct StepHighlight {
  let current: Int?
  let operands: [Int]
  let caption: String

  static let processed = "#d62728"
  static let updated = "#ff7f0e"

  func apply(to dot: String) -> String {
    var lines = dot.split(separator: "\n", omittingEmptySubsequences: false).map(String.init)
    var captioned = false
    for (n, line) in lines.enumerated() {
      // Matched without the indentation, which a subgraph deepens.
      let text = String(line.drop { $0 == "\t" || $0 == " " })
      if !captioned, text.hasPrefix("graph [") {
        lines[n] = String(line.dropLast()) + " label=\"\(RecordText.quoted(caption))\" labelloc=t fontsize=18]"
        captioned = true
        continue
      }
      guard let current else { continue }
      func isEdge(_ from: String, _ to: String) -> Bool {
        text == "\(from) -> \(to)" || text.hasPrefix("\(from) -> \(to) [")
      }
      if text.hasPrefix("v\(current) [") || text.hasPrefix("v\(current)_op [") {
        lines[n] = Self.adding("color=\"\(Self.processed)\" penwidth=3", to: line)
      } else if isEdge("v\(current)_op", "v\(current)") || operands.contains(where: { isEdge("v\($0)", "v\(current)_op") }) {
        lines[n] = Self.adding("color=\"\(Self.processed)\" penwidth=2", to: line)
      } else if operands.contains(where: { text.hasPrefix("v\($0) [") }) {
        lines[n] = Self.adding("color=\"\(Self.updated)\" penwidth=3", to: line)
      }
    }
    return lines.joined(separator: "\n")
  }

  /// The line with `attributes` last in its list (so they win), or given one.
  private static func adding(_ attributes: String, to line: String) -> String {
    line.hasSuffix("]") ? String(line.dropLast()) + " " + attributes + "]" : line + " [" + attributes + "]"
  }
}
