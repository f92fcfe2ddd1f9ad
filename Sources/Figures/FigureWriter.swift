internal import FileOutput
import Foundation
import GraphRender
import Micrograd
import Plots

/// Writes a lesson's figures into a folder: computation graphs as DOT,
/// SVG, PNG and their HTML page through GraphRender, plots as SVG.
///
/// ```swift
/// let figures = try FigureWriter(folder: URL(fileURLWithPath: "output"))
/// print("L = \(L.data)")                          // a lesson prints as the notes do
/// try figures.draw(L, "expression")                  // expression.dot, .svg, .png
/// try figures.write(LossCurve(losses: losses), "loss")   // loss.svg
/// ```
///
/// Every file is written whole or not at all (FileOutput's `AtomicFile`).
public struct FigureWriter {
  /// Where the figures go.
  public let folder: URL
  /// The file where each file written is listed, in order, one a line
  /// (`Lesson.writtenListVariable`), if any.
  private let writtenList: String?

  /// Makes the folder if need be.
  ///
  /// - Parameter folder: Where the figures go.
  /// - Throws: ``FigureError/cannotMakeFolder(_:_:)``, saying which path
  ///   is a file when one stands where a folder must be.
  public init(folder: URL) throws {
    let list = ProcessInfo.processInfo.environment[Lesson.writtenListVariable] ?? ""
    try self.init(folder: folder, writtenList: list.isEmpty ? nil : list)
  }

  /// Makes the folder if need be, and lists each file written in
  /// `writtenList` (what `micrograd figures` passes a lesson in
  /// `Lesson.writtenListVariable`).
  init(folder: URL, writtenList: String?) throws {
    self.folder = folder
    self.writtenList = writtenList
    do {
      try Folders.make(folder.path)
    } catch {
      throw FigureError.cannotMakeFolder(error.path, error.reason)
    }
  }

  /// The most nodes a drawing may have to get a PNG too: larger graphs
  /// make bitmaps of megabytes that are too small to read anyway.
  public static let pngNodeLimit = 400

  /// Draws the graph of `root` as `name.dot`, `name.svg`, for graphs of
  /// at most ``pngNodeLimit`` nodes `name.png`, and `name.html`: the page
  /// that explores the graph and steps through `backward()`
  /// (GraphRender's `Drawing.html(title:)`), titled `caption`.
  ///
  /// - Parameters:
  ///   - root: The value whose graph to draw.
  ///   - name: The files' name, without extension.
  ///   - caption: What the figure shows, in one line: the page's title,
  ///     which `micrograd figures`' `index.html` lists; `name` by default.
  ///   - page: Whether to write the page; `false` for a figure whose
  ///     gradients are not those `backward()` gives (the accumulation
  ///     lesson's bug), whose steps would end elsewhere than the figure.
  /// - Throws: A `GraphRenderError` when the graph cannot be drawn or a
  ///   file cannot be written.
  public func draw(_ root: Value, _ name: String, caption: String? = nil, page: Bool = true) throws {
    try draw(try drawDot(root), name, caption: caption, page: page)
  }

  /// Draws one figure per step of `backward()` on the graph of `root`, for
  /// slides: `name-000.svg` (the forward pass), `name-001.svg`, ..., each
  /// with the node that step processed in red and the operands it updated
  /// in orange, with a legend of the two colours (GraphRender's
  /// `drawBackwardSteps`, which draws from the recorded steps and leaves
  /// the graph's gradients as they are).
  ///
  /// - Throws: A `GraphRenderError` when a frame cannot be drawn or
  ///   written; every frame is drawn before the first is written.
  public func drawBackwardSteps(_ root: Value, _ name: String) throws {
    let frames = try GraphRender.drawBackwardSteps(root)
    let svgs = try frames.map { try $0.svg() }
    for (k, svg) in svgs.enumerated() {
      try picture(svg, FrameNumber.name(name, k, of: svgs.count))
    }
  }

  /// Writes a drawing as `name.dot`, `name.svg` and, for at most
  /// ``pngNodeLimit`` nodes, `name.png`; and, for a drawing whose page can
  /// step through `backward()` (GraphRender's `Drawing.hasBackwardSteps`:
  /// one that `drawDot` made, not folded), `name.html`, titled `caption`.
  ///
  /// A drawing made with options (`drawDot(loss, options: .init(clusters: n))`) is written
  /// this way; so is one of DOT text made elsewhere, such as a
  /// Plots' `CountMatrix`, which gets no page.
  ///
  /// - Parameters:
  ///   - drawing: The drawing.
  ///   - name: The files' name, without extension.
  ///   - caption: What the figure shows, in one line: the page's title,
  ///     which `micrograd figures`' `index.html` lists; `name` by default.
  ///   - page: Whether to write the page; `false` for a figure whose
  ///     gradients are not those `backward()` gives, whose steps would
  ///     end elsewhere than the figure.
  /// - Throws: A `GraphRenderError` when the drawing cannot be rendered
  ///   or a file cannot be written.
  public func draw(_ drawing: Drawing, _ name: String, caption: String? = nil, page: Bool = true) throws {
    let formats = drawing.nodeCount <= Self.pngNodeLimit ? ["dot", "svg", "png"] : ["dot", "svg"]
    for ext in formats {
      try drawing.write(to: folder.appendingPathComponent("\(name).\(ext)"))
      try listed("\(name).\(ext)")
    }
    if page, drawing.hasBackwardSteps {
      try drawing.writeHTML(to: folder.appendingPathComponent("\(name).html"), title: caption ?? name)
      try listed("\(name).html")
    }
  }

  /// Adds `file` to the list of files written, when there is one
  /// (`micrograd figures` lists each lesson's figures in its index in
  /// the order the lesson wrote them, the notes').
  private func listed(_ file: String) throws {
    guard let writtenList else { return }
    if !FileManager.default.fileExists(atPath: writtenList) {
      _ = FileManager.default.createFile(atPath: writtenList, contents: nil)
    }
    guard let handle = FileHandle(forWritingAtPath: writtenList) else {
      throw FigureError.cannotWrite(writtenList, "cannot open it to list the files written")
    }
    defer { try? handle.close() }
    do {
      try handle.seekToEnd()
      try handle.write(contentsOf: Data((file + "\n").utf8))
    } catch {
      throw FigureError.cannotWrite(writtenList, "cannot list the files written in it: \(error.localizedDescription)")
    }
  }

  /// Writes a plot as `name.svg`.
  ///
  /// - Throws: The plot's `PlotError` (Plots), or
  ///   ``FigureError/cannotWrite(_:_:)``.
  public func write(_ plot: some Plot, _ name: String) throws {
    try picture(try plot.svg(), name)
  }

  /// Writes a page, such as a ``TrainingPage`` or a ``SamplingPage``, as
  /// `name.html`.
  ///
  /// - Throws: ``FigureError/cannotWrite(_:_:)`` with the path and the
  ///   system's reason.
  public func write(_ page: some HTMLPage, _ name: String) throws {
    let url = folder.appendingPathComponent("\(name).html")
    do {
      try AtomicFile.write(page.html(), to: url.path)
    } catch {
      throw FigureError.cannotWrite(error.path, error.reason)
    }
    try listed("\(name).html")
  }

  /// Writes SVG text made elsewhere as `name.svg`.
  ///
  /// - Throws: ``FigureError/cannotWrite(_:_:)`` with the path and the
  ///   system's reason.
  public func picture(_ svg: String, _ name: String) throws {
    let url = folder.appendingPathComponent("\(name).svg")
    do {
      try AtomicFile.write(svg, to: url.path)
    } catch {
      throw FigureError.cannotWrite(error.path, error.reason)
    }
    try listed("\(name).svg")
  }
}
