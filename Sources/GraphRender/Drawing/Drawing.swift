internal import FileOutput
import Foundation

/// A drawn computation graph: its DOT text, ready to be laid out and
/// rendered by Graphviz, or written to a file.
///
/// A drawing is plain text (and, for its HTML page, the numbers of its
/// values and of `backward()`'s steps), so it can be kept, compared and
/// sent to another task; it no longer refers to the values it was drawn from.
public struct Drawing: Hashable, Sendable {
  /// The largest ``layoutSize`` a drawing may have when it is laid out,
  /// unless its ``DrawOptions/nodeLimit`` says otherwise: 5,000.
  ///
  /// Graphviz's `dot` layout time grows much faster than the graph: a
  /// drawing near this limit takes seconds to lay out, and past it the
  /// time grows faster still (`swift run -c release bench
  /// --layout-scaling` measures it; Benchmarks/README.md has the numbers).
  /// Past the limit, rendering throws
  /// ``GraphRenderError/tooManyNodes(count:limit:)`` before Graphviz is
  /// asked. The DOT text itself has no limit.
  public static let defaultNodeLimit = 5_000

  /// The DOT text, as `draw_dot` would hand it to Graphviz.
  public let dot: String

  /// The number of nodes in the graph: one per value and one per op
  /// (legend boxes are not counted); in a folded drawing, only those drawn.
  public let nodeCount: Int

  /// The number of edges: one per operand and one per op.
  public let edgeCount: Int

  /// About how many nodes' worth of work Graphviz's layout is:
  /// ``nodeCount`` plus a quarter for each rank an edge crosses beyond the
  /// first (`dot` lays out a virtual node there). This is what layout time
  /// follows and what ``nodeLimit`` bounds: the same as ``nodeCount`` for
  /// a chain, but growing as *n*² for a value used by *n* operations in a
  /// row (`a + a + ... + a`): 150 such terms (299 nodes) have a layout
  /// size of 5,812, above the default limit.
  public let layoutSize: Int

  /// The largest ``layoutSize`` this drawing may have when it is laid out.
  public var nodeLimit: Int

  /// The caption drawn above the graph (``DrawOptions/title``), which
  /// titles its HTML page too; `nil` for none.
  public let title: String?

  /// What the HTML page shows beside the figure: each value's numbers and
  /// the steps of `backward()`; `nil` for a drawing of DOT text.
  var explorer: ExplorerGraph? = nil

  /// Whether the drawing's HTML page (``html(title:)``) can show each
  /// value's numbers and step through `backward()`: `true` for a drawing of
  /// a graph of values (``drawDot(_:options:)``),
  /// `false` for one of DOT text (``Drawing/init(dot:nodeLimit:)``) and for a folded drawing,
  /// whose page shows the figure alone.
  public var hasBackwardSteps: Bool { explorer != nil }

  /// Renders the drawing as SVG text.
  ///
  /// - Throws: A ``GraphRenderError`` if Graphviz cannot lay it out.
  public func svg() throws -> String {
    String(decoding: try render(.svg), as: UTF8.self)
  }

  /// Renders the drawing in `format`.
  ///
  /// For ``OutputFormat/dot`` this is the DOT text; for
  /// ``OutputFormat/html`` the interactive page of ``html(title:)``; every other format is
  /// laid out with Graphviz's `dot` engine and rendered by its plugins, in
  /// this process. Safe to call from any number of tasks at once: all of
  /// them share one lock around Graphviz. The call blocks its thread until
  /// its render is done (a few milliseconds for the lecture's graphs,
  /// seconds near the node limit), so render large drawings away from
  /// threads that must stay responsive.
  ///
  /// - Throws: ``GraphRenderError/tooManyNodes(count:limit:)`` when
  ///   ``layoutSize`` is above ``nodeLimit``; ``GraphRenderError/unsupportedFormat(_:offered:)``
  ///   for a format the installed plugins do not offer; or the error
  ///   Graphviz reported.
  public func render(_ format: OutputFormat) throws -> Data {
    switch (format.renderer, format) {
    case (.graphRender, .html): return Data(try html().utf8)
    case (.graphRender, _): return Data(dot.utf8)
    case (.graphviz, _):
      guard layoutSize <= nodeLimit else {
        throw GraphRenderError.tooManyNodes(count: layoutSize, limit: nodeLimit)
      }
      return try Graphviz.render(dot, format: format.rawValue)
    }
  }

  /// Renders the drawing and writes it to a file whose extension names the
  /// format (`.svg`, `.png`, `.pdf`, `.dot` or `.gv`, `.html` for the
  /// interactive page, or any other format Graphviz offers).
  ///
  /// The file is rendered in memory, written to a temporary file beside the
  /// destination and renamed into place, so a failure never leaves a
  /// partial file, and an existing file is replaced whole.
  ///
  /// - Throws: ``GraphRenderError/unknownFileExtension(path:offered:)``,
  ///   ``GraphRenderError/cannotWrite(path:reason:)``, or any error of
  ///   ``render(_:)``.
  public func write(to url: URL) throws {
    try checkIsFile(url)
    let ext = url.pathExtension
    guard let format = OutputFormat(fileExtension: ext) else {
      throw GraphRenderError.unknownFileExtension(
        path: url.path, offered: (try? Graphviz.formats()) ?? [])
    }
    if format.renderer == .graphviz, case .some(let offered) = try? availableFormats(), !format.isOffered(in: offered) {
      throw GraphRenderError.unknownFileExtension(path: url.path, offered: offered.map(\.rawValue))
    }
    try write(to: url, format: format)
  }

  /// Renders the drawing in `format` and writes it to `url`, whatever the
  /// file's extension; atomically, as ``write(to:)`` does.
  ///
  /// - Throws: ``GraphRenderError/cannotWrite(path:reason:)``, or any error
  ///   of ``render(_:)``.
  public func write(to url: URL, format: OutputFormat) throws {
    try checkIsFile(url)
    try write(try render(format), to: url)
  }

  /// Writes rendered bytes to `url`, atomically.
  func write(_ bytes: Data, to url: URL) throws {
    try checkIsFile(url)
    do {
      try AtomicFile.write(bytes, to: url.path)
    } catch {
      throw GraphRenderError.cannotWrite(path: error.path, reason: error.reason)
    }
  }

  private func checkIsFile(_ url: URL) throws {
    guard url.isFileURL else {
      throw GraphRenderError.cannotWrite(
        path: url.absoluteString, reason: "only file URLs can be written")
    }
  }
}
