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
      return try state.withParsedGraph(dot) { state, graph in
        let laidOut = gvLayout(gvc, graph, engine)
        state.layoutsMade += 1
        defer {
          gvFreeLayout(gvc, graph)
          state.layoutsFreed += 1
        }
        guard laidOut == 0 else {
          throw GraphRenderError.layoutFailed(takeMessages())
        }
        var bytes: UnsafeMutablePointer<CChar>?
        var length = 0
        let rendered = mg_render_data(gvc, graph, format, &bytes, &length)
        defer { if let bytes { gvFreeRenderData(bytes) } }
        guard rendered == 0, let bytes else {
          throw GraphRenderError.renderFailed(format: format, message: takeMessages())
        }
        _ = takeMessages()  // warnings of a successful render are not kept
        return Data(bytes: bytes, count: length)
      }
    }
  }

  /// What the lock's bookkeeping says: contexts made, graphs opened and
  /// closed, layouts made and freed.
  static func counts() throws -> (contexts: Int, opened: Int, closed: Int, laidOut: Int, freed: Int) {
    try withLock { state in
      (state.contextsMade, state.graphsOpened, state.graphsClosed, state.layoutsMade, state.layoutsFreed)
    }
  }

  /// The number of nodes and edges Graphviz reads in `dot`.
  static func count(_ dot: String) throws -> (nodes: Int, edges: Int) {
    try withLock { state in
      _ = try state.gvc()
      _ = takeMessages()
      return try state.withParsedGraph(dot) { _, graph in
        (Int(agnnodes(graph)), Int(agnedges(graph)))
      }
    }
  }
}

extension Graphviz.State {
  /// Parses `dot` with cgraph, runs `body` on the graph and closes it.
  fileprivate mutating func withParsedGraph<T>(
    _ dot: String, _ body: (inout Self, UnsafeMutablePointer<Agraph_t>) throws -> T
  ) throws -> T {
    guard let graph = agmemread(dot) else {
      throw GraphRenderError.invalidDOT(Graphviz.takeMessages())
    }
    graphsOpened += 1
    defer {
      agclose(graph)
      graphsClosed += 1
    }
    return try body(&self, graph)
  }
}
