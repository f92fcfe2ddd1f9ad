import Foundation
import Micrograd
import TestSupport
import Testing

@testable import GraphRender

@Suite struct ErrorTests {
  let drawing: Drawing

  init() throws {
    drawing = try drawDot(LectureGraphs.expression())
  }

  @Test func unknownFormatNamesTheFormatsOnOffer() throws {
    let offered = try Graphviz.formats()
    #expect(offered.contains("svg") && offered.contains("png"))
    let unknown = GraphRenderError.unsupportedFormat("nosuchformat", offered: offered)
    #expect(throws: unknown) { try drawing.render("nosuchformat") }
    #expect("\(unknown)".contains("\"nosuchformat\"") && "\(unknown)".contains(" svg "))
  }

  @Test func windowDevicesAndVRMLAreNotOffered() throws {
    let offered = try Graphviz.formats()
    for device in ["x11", "gtk", "xlib", "vrml"] {
      #expect(!offered.contains(device))
      #expect(throws: GraphRenderError.unsupportedFormat(device, offered: offered)) {
        try drawing.render(OutputFormat(rawValue: device))
      }
    }
  }

  @Test func formatWithAMissingRendererCarriesGraphvizMessage() throws {
    // png is offered, but not through a plugin called "nosuchplugin".
    let missing = GraphRenderError.renderFailed(
      format: "png:nosuchplugin", message: "renderer for png:nosuchplugin is unavailable")
    #expect(throws: missing) { try drawing.render("png:nosuchplugin") }
    #expect(try drawing.render(.png).count > 0)  // and Graphviz still works
  }

  @Test func layoutFailureCarriesGraphvizMessage() throws {
    #expect {
      try Graphviz.render(drawing.dot, format: "svg", engine: "nosuchengine")
    } throws: { error in
      guard case GraphRenderError.layoutFailed(let message) = error else { return false }
      // 'Layout type: "nosuchengine" not recognized. Use one of: circo dot ...'
      return message.hasPrefix("Layout type: \"nosuchengine\" not recognized. Use one of:")
        && message.contains(" dot ")
        && "\(error)".hasPrefix("Graphviz could not lay the graph out: ")
    }
  }

  @Test func unreadableDOTCarriesGraphvizMessageAndTheParserRecovers() throws {
    #expect {
      try Graphviz.render("digraph { a -> }", format: "svg")
    } throws: { error in
      guard case GraphRenderError.invalidDOT(let message) = error else { return false }
      return message.hasPrefix("syntax error in line")
    }
    #expect(try drawing.svg().contains("<svg"))
  }

  @Test func tooManyNodesIsRefusedBeforeLayout() throws {
    let limited = try drawDot(LectureGraphs.expression(), options: .init(nodeLimit: 9))
    #expect(throws: GraphRenderError.tooManyNodes(count: 10, limit: 9)) {
      try limited.render(.svg)
    }
    let message = "\(GraphRenderError.tooManyNodes(count: 10, limit: 9))"
    #expect(
      message.contains("needs 10 nodes laid out") && message.contains("limit of 9")
        && message.contains("raise the node limit"))
    // The DOT text has no limit; at the limit the drawing renders.
    #expect(try limited.render(.dot) == Data(limited.dot.utf8))
    #expect(try drawDot(LectureGraphs.expression(), options: .init(nodeLimit: 10)).svg().contains("<svg"))
    // The default limit: a 5,000-value chain draws 10,000 nodes.
    var x = Value(1.0)
    for _ in 0..<4_999 { x = x.tanh() }
    let big = try drawDot(x)
    #expect(big.nodeLimit == Drawing.defaultNodeLimit)
    #expect(throws: GraphRenderError.tooManyNodes(count: 9_999, limit: 5_000)) {
      try big.svg()
    }
  }

  @Test func layoutSizeCountsTheRanksLongEdgesCross() throws {
    // A chain: every edge crosses one rank.
    let expression = try drawDot(LectureGraphs.expression())
    #expect(expression.layoutSize == expression.nodeCount)
    // a + a + ... + a, n terms: the + ops sit at ranks 1, 3, 5, ... after
    // a, so the edge from a to the k-th crosses 2k - 2 ranks beyond the
    // first: (n - 1)(n - 2) crossings, each a quarter of a node.
    let a = Value(1, label: "a")
    let five = try drawDot(a + a + a + a + a)
    #expect(five.nodeCount == 9)
    #expect(five.layoutSize == 9 + 4 * 3 / 4)
    // 200 terms: refused at once, where Graphviz took 13 seconds (and 400
    // terms, 98).
    var sum = a
    for _ in 1..<200 { sum = sum + a }
    let wide = try drawDot(sum)
    #expect(wide.nodeCount == 399)
    #expect(wide.layoutSize == 399 + 199 * 198 / 4)
    let start = ContinuousClock.now
    #expect(throws: GraphRenderError.tooManyNodes(count: wide.layoutSize, limit: 5_000)) { try wide.svg() }
    #expect(ContinuousClock.now - start < .seconds(1))
  }

  @Test func negativeNodeLimitIsRejected() {
    #expect(throws: GraphRenderError.invalidOption("nodeLimit -1: the limit cannot be negative")) {
      try drawDot(Value(1), options: .init(nodeLimit: -1))
    }
  }

  @Test func fileExtensionMustNameAFormat() throws {
    let folder = try TemporaryFolder()
    for name in ["figure", "figure.nosuchformat"] {
      let url = folder.url.appendingPathComponent(name)
      #expect {
        try drawing.write(to: url)
      } throws: { error in
        guard case GraphRenderError.unknownFileExtension(let path, let offered) = error else {
          return false
        }
        return path == url.path && offered.contains("svg") && "\(error)".contains(url.path)
      }
    }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).isEmpty)
  }

  @Test func unwritablePathIsNamedAndNothingIsLeft() throws {
    let folder = try TemporaryFolder()
    let missing = folder.url.appendingPathComponent("no/such/folder/L.svg")
    #expect(throws: GraphRenderError.cannotWrite(path: missing.path, reason: "No such file or directory")) {
      try drawing.write(to: missing)
    }
    let file = folder.url.appendingPathComponent("file")
    try Data("x".utf8).write(to: file)
    let underFile = file.appendingPathComponent("L.svg")
    #expect(throws: GraphRenderError.cannotWrite(path: underFile.path, reason: "Not a directory")) {
      try drawing.write(to: underFile)
    }
    let message = "\(GraphRenderError.cannotWrite(path: missing.path, reason: "No such file or directory"))"
    #expect(message == "cannot write \"\(missing.path)\": No such file or directory")
    // A directory in the way of the rename: the temporary file is removed.
    let directory = folder.url.appendingPathComponent("L.svg")
    try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: false)
    #expect(throws: GraphRenderError.self) { try drawing.write(to: directory) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted() == ["L.svg", "file"])
  }

  @Test func onlyFileURLsAreWritten() throws {
    let url = try #require(URL(string: "https://example.com/L.svg"))
    #expect(
      throws: GraphRenderError.cannotWrite(path: "https://example.com/L.svg", reason: "only file URLs can be written")
    ) {
      try drawing.write(to: url)
    }
    #expect(throws: GraphRenderError.self) { try drawing.write(to: url, format: .svg) }
  }

  @Test func failedRenderLeavesTheOldFileAsItWas() throws {
    let folder = try TemporaryFolder()
    let url = folder.url.appendingPathComponent("L.svg")
    try drawing.write(to: url)
    let before = try Data(contentsOf: url)
    let limited = try drawDot(LectureGraphs.neuron().o, options: .init(nodeLimit: 1))
    #expect(throws: GraphRenderError.tooManyNodes(count: 15, limit: 1)) { try limited.write(to: url) }
    #expect(throws: GraphRenderError.self) { try drawing.write(to: url, format: "png:nosuchplugin") }
    #expect(try Data(contentsOf: url) == before)
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder.url.path) == ["L.svg"])
  }

  @Test func everyErrorSaysWhatWasWrong() {
    let errors: [GraphRenderError] = [
      .invalidOption("numberFormat .fixed(18): ..."),
      .tooManyNodes(count: 6000, limit: 5000),
      .unsupportedFormat("webp", offered: ["png", "svg"]),
      .unknownFileExtension(path: "/tmp/x", offered: ["png", "svg"]),
      .graphvizNotConfigured(""),
      .invalidDOT("syntax error in line 1"),
      .layoutFailed("Layout type: \"x\" not recognized"),
      .renderFailed(format: "png", message: "renderer for png is unavailable"),
      .cannotWrite(path: "/tmp/x.svg", reason: "Permission denied"),
    ]
    for error in errors {
      #expect(!error.description.isEmpty)
      #expect(error.localizedDescription == error.description)
    }
    let notConfigured = GraphRenderError.graphvizNotConfigured("").description
    #expect(
      notConfigured.contains("dot -c") && notConfigured.contains("libgvc6-config-update")
        && notConfigured.contains("GVBINDIR"))
  }
}
