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
///   - options: How to draw each frame, as ``drawDot(_:options:)`` does;
///     not ``DrawOptions/folded``: the steps update the values a folded
///     figure does not draw. A ``DrawOptions/title`` goes above each
///     frame's caption.
/// - Returns: The drawings, one more than the graph has values.
/// - Throws: ``GraphRenderError/invalidOption(_:)``, as `drawDot` does,
///   and for folded options.
/// - Complexity: O(*n*²) for a graph of *n* values: *n* + 1 drawings of it.
public func drawBackwardSteps(_ root: Value, options: DrawOptions = DrawOptions()) throws -> [Drawing] {
  guard !options.folded else {
    throw GraphRenderError.invalidOption(
      "folded: the frames of backward's steps cannot be folded: the steps update the products and sums "
        + "a folded figure does not draw")
  }
  var options = options
  let title = options.title
  options.title = nil
  let nodes = root.topologicalOrder()
  let saved = nodes.map(\.grad)
  defer { for (node, grad) in zip(nodes, saved) { node.grad = grad } }
  var index: [ObjectIdentifier: Int] = [:]
  for (i, node) in nodes.enumerated() { index[ObjectIdentifier(node)] = i }

  func frame(_ caption: String, current: Int?) throws -> Drawing {
    let drawing = try drawDot(root, options: options)
    let operands = current.map { nodes[$0].operands.map { index[ObjectIdentifier($0)]! } } ?? []
    let caption = title.map { $0 + "\n" + caption } ?? caption
    let dot = StepHighlight(current: current, operands: operands, caption: caption).apply(to: drawing.dot)
    return Drawing(
      dot: dot, nodeCount: drawing.nodeCount, edgeCount: drawing.edgeCount,
      layoutSize: drawing.layoutSize, nodeLimit: options.nodeLimit, title: title)
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
