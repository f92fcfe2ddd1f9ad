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
/// (`step-012.png`). Anything else in it (another file, a folder named
/// like a frame) is refused before anything is written. A missing folder
/// is made, with its missing parents. The new frames replace the earlier
/// ones, and earlier frames the new run does not make (`step-099.svg`
/// after a 7-step run, or the SVG frames when PNG ones are written) are
/// removed, so the folder holds exactly this run's frames.
///
/// The first frame is rendered before anything is written (a graph above
/// the node limit writes nothing); then each frame is rendered and written
/// to a hidden partial file beside its place, one at a time (only one
/// rendered frame is held in memory), and only when all are written are
/// they renamed into place. If a render or a write fails, every partial
/// file is removed, and the folders made with them: the folder is as it
/// was.
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
  let digits = max(3, String(frames.count - 1).count)
  let ext = format.rawValue.split(separator: ":").first.map(String.init) ?? format.rawValue
  let names = frames.indices.map { k in
    let number = String(k)
    return "step-" + String(repeating: "0", count: digits - number.count) + number + "." + ext
  }
  return try FrameFolder(folder).replace(names) { k in try k == 0 ? first : frames[k].render(format) }
}

/// A folder of ``writeBackwardSteps(_:to:format:options:)``'s
/// frames: checked, then filled all at once or not at all.
struct FrameFolder {
  let path: String
  /// The earlier frames (and partial files a killed run left), by name.
  let earlier: [String]
  /// The folders to make, outermost first; none when the folder exists.
  let missing: [String]

  /// Whether `name` is a frame's: `step-`, three or more digits, `.`, an
  /// extension of letters and digits.
  static func isFrame(_ name: String) -> Bool {
    guard name.hasPrefix("step-"), let dot = name.firstIndex(of: ".") else { return false }
    let digits = name[name.index(name.startIndex, offsetBy: 5)..<dot]
    let ext = name[name.index(after: dot)...]
    return digits.count >= 3 && digits.allSatisfy(\.isASCII) && digits.allSatisfy(\.isNumber)
      && !ext.isEmpty && ext.allSatisfy { $0.isASCII && ($0.isLetter || $0.isNumber) }
  }

  /// The hidden name a frame is written under until every frame is written.
  static func partial(_ name: String) -> String { "." + name + ".partial" }

  /// Checks the folder: missing, or a folder of regular files with frames'
  /// names (or their partial files). Writes nothing.
  init(_ url: URL) throws {
    let fileManager = FileManager.default
    path = url.standardizedFileURL.path
    var isFolder: ObjCBool = false
    if fileManager.fileExists(atPath: path, isDirectory: &isFolder) {
      guard isFolder.boolValue else {
        throw GraphRenderError.cannotWrite(path: url.path, reason: "it is a file, not a folder; pass a folder for the frames")
      }
      let entries: [String]
      do {
        entries = try fileManager.contentsOfDirectory(atPath: path).sorted()
      } catch {
        throw GraphRenderError.cannotWrite(path: url.path, reason: "cannot read the folder: \(error.localizedDescription)")
      }
      for entry in entries {
        let name = entry.hasPrefix(".") && entry.hasSuffix(".partial") ? String(entry.dropFirst().dropLast(8)) : entry
        let type = (try? fileManager.attributesOfItem(atPath: path + "/" + entry))?[.type] as? FileAttributeType
        guard Self.isFrame(name), type == .typeRegular else {
          throw GraphRenderError.cannotWrite(
            path: url.path,
            reason: "it holds \"\(entry)\", which is not an earlier frame (a file step-NNN.ext); "
              + "pass a new or empty folder, or one that holds only frames")
        }
      }
      earlier = entries
      missing = []
    } else {
      var missing: [String] = []
      var folder = path
      while !folder.isEmpty, folder != "/", !fileManager.fileExists(atPath: folder) {
        missing.insert(folder, at: 0)
        folder = (folder as NSString).deletingLastPathComponent
      }
      earlier = []
      self.missing = missing
    }
  }

  /// Writes the files `names`, the file at index `k` with the bytes
  /// `content(k)` (made just before it is written), into the folder, all
  /// or none, then removes the earlier frames that are not among them.
  /// An error thrown by `content` leaves the folder as it was, too.
  ///
  /// - Returns: The files' URLs, in order.
  func replace(_ names: [String], content: (Int) throws -> Data) throws -> [URL] {
    let fileManager = FileManager.default
    var written: [String] = []
    func undo() {
      for file in written { try? fileManager.removeItem(atPath: file) }
      for folder in missing.reversed() where (try? fileManager.contentsOfDirectory(atPath: folder))?.isEmpty == true {
        try? fileManager.removeItem(atPath: folder)
      }
    }
    if let outermost = missing.first {
      do {
        try fileManager.createDirectory(atPath: path, withIntermediateDirectories: true)
      } catch {
        undo()
        throw GraphRenderError.cannotWrite(
          path: outermost, reason: "cannot make the folder: \(error.localizedDescription)")
      }
    }
    for (k, name) in names.enumerated() {
      let partial = path + "/" + Self.partial(name)
      let bytes: Data
      do {
        bytes = try content(k)
      } catch {
        undo()
        throw error
      }
      do {
        try AtomicFile.write(bytes, to: partial)
      } catch {
        undo()
        throw GraphRenderError.cannotWrite(path: path + "/" + name, reason: error.reason)
      }
      written.append(partial)
    }
    // Every frame is written: rename them into place.
    var urls: [URL] = []
    for (n, name) in names.enumerated() {
      let target = path + "/" + name
      guard rename(path + "/" + Self.partial(name), target) == 0 else {
        let reason = String(cString: strerror(errno))
        written = names[..<n].map { path + "/" + $0 } + names[n...].map { path + "/" + Self.partial($0) }
        undo()
        throw GraphRenderError.cannotWrite(path: target, reason: reason)
      }
      urls.append(URL(fileURLWithPath: target))
    }
    let current = Set(names)
    for stale in earlier where !current.contains(stale) {
      do {
        try fileManager.removeItem(atPath: path + "/" + stale)
      } catch {
        throw GraphRenderError.cannotWrite(
          path: path + "/" + stale, reason: "the new frames are written, but this earlier one could not be removed: \(error.localizedDescription)")
      }
    }
    return urls
  }
}
