internal import CGraphviz
import Foundation

// MARK: - Parsing, laying out and rendering

extension Graphviz {
  /// The output formats the installed Graphviz plugins offer, sorted.
  static func formats() throws -> [String] {
    try withLock { state in
      _ = try state.gvc()
      return state.formats
    }
  }

  /// Parses `dot`, lays it out with `engine` and renders it in `format`.
  ///
  /// The graph is closed and its layout freed on every path.
  static func render(_ dot: String, format: String, engine: String = "dot") throws -> Data {
    try withLock { state in
      let gvc = try state.gvc()
      let base = String(format.prefix { $0 != ":" })
      guard state.formats.contains(base) else {
        throw GraphRenderError.unsupportedFormat(format, offered: state.formats)
      }
      _ = takeMessages()
      return try withParsedGraph(dot) { graph in
        let laidOut = gvLayout(gvc, graph, engine)
        defer { gvFreeLayout(gvc, graph) }
        guard laidOut == 0 else {
          throw GraphRenderError.layoutFailed(takeMessages())
        }
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        let rendered = mg_render_data(gvc, graph, format, &bytes, &length)
        // Freed whether or not the render succeeded: 2.43 leaves its
        // buffer behind when it fails (at the start, before writing).
        defer { if let bytes { gvFreeRenderData(bytes) } }
        guard rendered == 0, let bytes else {
          throw GraphRenderError.renderFailed(format: format, message: takeMessages())
        }
        let said = takeMessages()  // a successful render's warnings are not kept
        // Some plugins "succeed" without writing (Debian's gd and ico
        // say on stderr that they are disabled); an image map of a graph
        // without links is the only output that may really be empty.
        guard length > 0 || Self.mayBeEmpty.contains(base) else {
          throw GraphRenderError.renderFailed(
            format: format,
            message: said.isEmpty ? "Graphviz wrote nothing (is its plugin for \(base) disabled?)" : said)
        }
        return Data(bytes: bytes, count: length)
      }
    }
  }

  /// The version of the Graphviz libraries in use, as they report it.
  static func version() throws -> String {
    try withLock { state in
      let gvc = try state.gvc()
      return gvcVersion(gvc).map { String(cString: $0) } ?? "unknown"
    }
  }

  /// Formats whose output is empty for a graph without links.
  static let mayBeEmpty = ["cmap", "imap", "imap_np", "ismap"]

  /// How many contexts this process has made (one, once anything rendered).
  static func contextsMade() throws -> Int {
    try withLock { state in state.contextsMade }
  }

  /// The number of nodes and edges Graphviz reads in `dot`.
  static func count(_ dot: String) throws -> (nodes: Int, edges: Int) {
    try withLock { state in
      _ = try state.gvc()
      _ = takeMessages()
      return try withParsedGraph(dot) { graph in
        (Int(agnnodes(graph)), Int(agnedges(graph)))
      }
    }
  }
}

extension Graphviz {
  /// Parses `dot` with cgraph, runs `body` on the graph and closes it,
  /// with the arena it was read into. Call with the lock held.
  fileprivate static func withParsedGraph<T>(
    _ dot: String, _ body: (UnsafeMutablePointer<Agraph_t>) throws -> T
  ) throws -> T {
    var arena: UnsafeMutableRawPointer?
    let graph = mg_memread(dot, &arena)
    defer { mg_close(graph, arena) }
    guard let graph else {
      // Text without a graph (empty, or only comments) fails silently.
      let said = takeMessages()
      throw GraphRenderError.invalidDOT(said.isEmpty ? "the text holds no graph" : said)
    }
    return try body(graph)
  }
}
