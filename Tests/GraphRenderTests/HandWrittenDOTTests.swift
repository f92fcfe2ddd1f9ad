import Foundation
import Testing

@testable import GraphRender

/// `Drawing(dot:)`: DOT text written by hand, counted, rendered, refused.
@Suite struct HandWrittenDOTTests {
  /// A table in one plaintext node, as makemore's count matrix is drawn.
  static let table = """
    digraph T {
    \tT [shape=plaintext label=<<TABLE CELLSPACING="0"><TR><TD BGCOLOR="#08306b"><FONT COLOR="#ffffff">an<BR/>5438</FONT></TD><TD BGCOLOR="#f7fbff">jq<BR/>0</TD></TR></TABLE>>]
    }

    """

  @Test func countsWhatGraphvizReads() throws {
    let table = try Drawing(dot: Self.table)
    #expect(table.nodeCount == 1 && table.edgeCount == 0 && table.layoutSize == 1)
    #expect(table.dot == Self.table && table.nodeLimit == Drawing.defaultNodeLimit)
    let graph = try Drawing(dot: "digraph G { a -> b; b -> c; subgraph s { d -> a } }", nodeLimit: 10)
    #expect(graph.nodeCount == 4 && graph.edgeCount == 3 && graph.layoutSize == 7 && graph.nodeLimit == 10)
  }

  @Test func rendersLikeADrawnGraph() throws {
    let drawing = try Drawing(dot: Self.table)
    let svg = try drawing.svg()
    #expect(svg.hasPrefix("<?xml") && svg.contains("<title>T</title>"))
    #expect(SVGText.texts(in: svg).contains("5438"))
    #expect(svg.contains("fill=\"#08306b\""))
    #expect(try drawing.svg() == svg)  // the same bytes again
    #expect(try drawing.render(.png).prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]))
    #expect(try drawing.render(.dot) == Data(Self.table.utf8))
  }

  @Test(arguments: ["digraph { a -> }", "hello", "", "/* only a comment */"])
  func unreadableTextIsInvalidDOT(_ text: String) throws {
    #expect {
      try Drawing(dot: text)
    } throws: { error in
      guard case GraphRenderError.invalidDOT(let message) = error else { return false }
      let expected = text.hasPrefix("digraph") || text == "hello" ? "syntax error in line " : "the text holds no graph"
      return message.hasPrefix(expected) && "\(error)".hasPrefix("Graphviz could not read the DOT text: ")
    }
    #expect(try Drawing(dot: "digraph G { a }").svg().contains("<svg"))  // Graphviz still works
  }

  @Test func negativeNodeLimitIsAnOptionError() {
    #expect(throws: GraphRenderError.invalidOption("nodeLimit -1: the limit cannot be negative")) {
      try Drawing(dot: "digraph G { a }", nodeLimit: -1)
    }
  }

  @Test func nodeLimitBoundsNodesPlusEdges() throws {
    let chain = try Drawing(dot: "digraph G { a -> b -> c }", nodeLimit: 4)
    #expect(throws: GraphRenderError.tooManyNodes(count: 5, limit: 4)) { try chain.svg() }
  }
}
