internal import FileOutput
import Foundation
import Micrograd

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// One figure per step of `backward()`, for slides: the lecture's chain
/// figure done by hand, as a sequence.
///
/// Frame 0 is the forward pass, before `backward()`: every gradient 0.
/// Frame *k* is the graph after `backward()`'s *k*-th call of
/// `backwardStep()` (frame 1: the root's gradient set to 1 and its own
/// step run), with the node that step processed outlined in red, its op
/// and the edges into it in red, the operands it updated in orange, a
/// legend that says so, and a caption that says which step it is.
///
/// The frames are drawn from the steps ``backwardSteps(_:)`` records (the
/// engine's own, run once), through the same DOT writer as
/// ``drawDot(_:options:)``: the graph's values are not touched again. A
/// frame is made when it is read, so a graph of *n* values does not hold
/// *n* + 1 drawings at once. The frames are the same bytes on every run.
///
/// ```swift
/// let frames = try drawBackwardSteps(L)      // 8 drawings for 7 values
/// try writeBackwardSteps(L, to: URL(fileURLWithPath: "frames"))   // step-000.svg, ...
/// ```
///
/// - Parameters:
///   - root: The value whose graph to draw.
///   - options: How to draw each frame, as ``drawDot(_:options:)`` does;
///     not ``DrawOptions/folded``: the steps update the values a folded
///     figure does not draw. A ``DrawOptions/title`` goes above each
///     frame's caption.
/// - Returns: The frames, one more than the graph has values.
/// - Throws: ``GraphRenderError/invalidOption(_:)``, as `drawDot` does,
///   and for folded options.
/// - Complexity: O(*n* + *e*) for a graph of *n* values and *e* edges;
///   each frame then O(*n* + *e*) more when it is read.
public func drawBackwardSteps(_ root: Value, options: DrawOptions = DrawOptions()) throws -> BackwardStepFrames {
  guard !options.folded else {
    throw GraphRenderError.invalidOption(
      "folded: the frames of backward's steps cannot be folded: the steps update the products and sums "
        + "a folded figure does not draw")
  }
  try options.validate()
  let graph = trace(root)
  return BackwardStepFrames(
    drawn: try DrawnGraph(graph, options: options), steps: BackwardSteps(graph), options: options)
}

/// The frames of ``drawBackwardSteps(_:options:)``: frame 0 the forward
/// pass, frame *k* the graph after *k* steps of `backward()`, each made
/// when it is read.
public struct BackwardStepFrames: RandomAccessCollection {
  let drawn: DrawnGraph
  let steps: BackwardSteps
  let options: DrawOptions

  /// 0, the forward pass.
  public var startIndex: Int { 0 }
  /// One past the last step.
  public var endIndex: Int { steps.steps.count + 1 }

  /// Frame `k`: the gradients after `k` steps, the `k`-th step marked.
  public subscript(k: Int) -> Drawing {
    precondition(indices.contains(k), "frame \(k) of \(count): out of range")
    let step = k == 0 ? nil : steps.steps[k - 1]
    let caption: String
    if let step {
      let label = drawn.trace.nodes[step.node].label
      let name = label.isEmpty ? "v\(step.node)" : label
      caption = "step \(k) of \(steps.nodeCount): \(name).backwardStep()"
    } else {
      caption = "step 0 of \(steps.nodeCount): the forward pass"
    }
    var frameOptions = options
    frameOptions.title = options.title.map { $0 + "\n" + caption } ?? caption
    var writer = DOTWriter(drawn: drawn, options: frameOptions)
    writer.grads = steps.grads(after: k).map { $0 ?? 0 }
    writer.marks = StepMarks(node: step?.node, updated: step?.updates.map(\.operand) ?? [])
    let dot = writer.write()
    return Drawing(
      dot: dot, nodeCount: writer.nodeCount, edgeCount: writer.edgeCount,
      layoutSize: drawn.layoutSize(), nodeLimit: options.nodeLimit, title: options.title)
  }
}

/// Writes ``drawBackwardSteps(_:options:)``'s
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
///   - options: How to draw each frame; see ``drawBackwardSteps(_:options:)``.
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
  options: DrawOptions = DrawOptions()
) throws -> [URL] {
  guard format != .html else {
    throw GraphRenderError.invalidOption("the frames of backward's steps are figures: svg, png, pdf or dot, not html")
  }
  guard folder.isFileURL, !folder.path.isEmpty else {
    throw GraphRenderError.cannotWrite(path: folder.absoluteString, reason: "only a folder's file URL can be written")
  }
  let frames = try drawBackwardSteps(root, options: options)
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
