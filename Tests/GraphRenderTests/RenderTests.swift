import Foundation
import Micrograd
import TestSupport
import Testing

@testable import GraphRender

@Suite struct RenderTests {
  @Test func dotTextParsesBackToTheSameNodesAndEdges() throws {
    let out = LectureGraphs.mlpOutput()
    let (o, parameters) = LectureGraphs.neuron()
    let roots = [LectureGraphs.expression(), o, LectureGraphs.usedTwice(), out]
    for root in roots {
      let drawing = try drawDot(root)
      let parsed = try Graphviz.count(drawing.dot)
      #expect(parsed.nodes == drawing.nodeCount)
      #expect(parsed.edges == drawing.edgeCount)
    }
    // The legend's boxes are the only nodes beyond nodeCount.
    let teaching = try drawDot(o, options: .init(style: .teaching, parameters: parameters))
    let parsed = try Graphviz.count(teaching.dot)
    #expect(parsed.nodes == teaching.nodeCount + 7)
    #expect(parsed.edges == teaching.edgeCount)
    #expect(try drawDot(out).nodeCount == 190)
  }

  @Test func everyFormatComesOutAsItsKindOfFile() throws {
    let drawing = try drawDot(LectureGraphs.expression())
    let svg = try drawing.svg()
    #expect(svg.hasPrefix("<?xml"))
    #expect(svg.contains("<svg"))
    #expect(try drawing.render(.svg) == Data(svg.utf8))
    #expect(try drawing.render(.png).prefix(8) == Data([0x89, 0x50, 0x4E, 0x47, 0x0D, 0x0A, 0x1A, 0x0A]))
    #expect(try drawing.render(.pdf).prefix(5) == Data("%PDF-".utf8))
    #expect(try drawing.render(.dot) == Data(drawing.dot.utf8))
    #expect(try drawing.render("gv") == Data(drawing.dot.utf8))
    // Any other format Graphviz offers: laid-out DOT from Graphviz itself.
    let xdot = String(decoding: try drawing.render("xdot"), as: UTF8.self)
    #expect(xdot.contains("_draw_"))
    let offered = try availableFormats().map(\.rawValue)
    for format in ["svg", "png", "pdf", "dot", "xdot", "json"] {
      #expect(offered.contains(format))
    }
    #expect(offered == offered.sorted())
  }

  @Test func graphvizSaysItsVersion() throws {
    let version = try graphvizVersion()
    #expect(version.split(separator: ".").count >= 2)
    #expect(version.first?.isNumber == true)
  }

  @Test func everyOfferedFormatRendersOrSaysWhyNot() throws {
    let drawing = try drawDot(LectureGraphs.expression())
    let folder = FileManager.default.currentDirectoryPath
    let before = try FileManager.default.contentsOfDirectory(atPath: folder).sorted()
    for format in try availableFormats() {
      do {
        let bytes = try drawing.render(format)
        // Only an image map of a graph without links may be empty.
        #expect(!bytes.isEmpty || ["cmap", "imap", "imap_np", "ismap"].contains(format.rawValue), "\(format)")
      } catch let error as GraphRenderError {
        // Debian's gd and ico plugins are disabled and write nothing.
        guard case .renderFailed(format.rawValue, let message) = error else {
          Issue.record("\(format): \(error)")
          continue
        }
        #expect(!message.isEmpty)
      }
    }
    // No format wrote files of its own.
    #expect(try FileManager.default.contentsOfDirectory(atPath: folder).sorted() == before)
  }

  @Test func svgShowsTheRecordsAndOps() throws {
    let svg = try drawDot(LectureGraphs.expression()).svg()
    let a = try #require(SVGText.group(named: "v0", in: svg))
    #expect(SVGText.texts(in: a) == ["a", "data 2.0000", "grad 6.0000"])
    let op = try #require(SVGText.group(named: "v6_op", in: svg))
    #expect(SVGText.texts(in: op) == ["*"])
    // Every value and op node, and every edge, is drawn.
    #expect(svg.components(separatedBy: "class=\"node\"").count - 1 == 10)
    #expect(svg.components(separatedBy: "class=\"edge\"").count - 1 == 9)
  }

  @Test func writeChoosesTheFormatByExtensionAndReplacesWhole() throws {
    let folder = try TemporaryFolder()
    let drawing = try drawDot(LectureGraphs.expression())
    for (name, magic) in [
      ("L.svg", "<?xml"), ("L.PNG", "\u{89}PNG"), ("L.pdf", "%PDF"), ("L.dot", "digraph"), ("L.gv", "digraph"),
    ] {
      let url = folder.url.appendingPathComponent(name)
      try drawing.write(to: url)
      let bytes = try Data(contentsOf: url)
      #expect(
        String(decoding: bytes.prefix(magic.utf8.count), as: UTF8.self) == magic
          || bytes.prefix(4) == Data([0x89, 0x50, 0x4E, 0x47]), "\(name)")
    }
    // An explicit format wins over the extension.
    let explicit = folder.url.appendingPathComponent("figure.txt")
    try drawing.write(to: explicit, format: .svg)
    #expect(try Data(contentsOf: explicit) == drawing.render(.svg))
    // Writing again replaces the file whole.
    let url = folder.url.appendingPathComponent("L.svg")
    try drawDot(LectureGraphs.usedTwice()).write(to: url)
    #expect(try Data(contentsOf: url) == drawDot(LectureGraphs.usedTwice()).render(.svg))
    // A name near the system's limit of 255 bytes still works.
    let long = folder.url.appendingPathComponent(String(repeating: "n", count: 251) + ".svg")
    try drawing.write(to: long)
    // No temporary files are left behind.
    let names = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(names == ["L.PNG", "L.dot", "L.gv", "L.pdf", "L.svg", "figure.txt", long.lastPathComponent].sorted())
  }

  @Test func teachingStyleGivesIdsClassesTooltipsAndLegend() throws {
    let (o, parameters) = LectureGraphs.neuron()
    let svg = try drawDot(o, options: .init(style: .teaching, parameters: parameters)).svg()
    #expect(svg.contains("<g id=\"v0\" class=\"node value input\">"))
    #expect(svg.contains("<g id=\"v1\" class=\"node value parameter\">"))
    #expect(svg.contains("<g id=\"v2\" class=\"node value computed\">"))
    #expect(svg.contains("<g id=\"v9\" class=\"node value output\">"))
    #expect(svg.contains("<g id=\"v9_op\" class=\"node op\">"))
    #expect(svg.contains("<g id=\"e0\" class=\"edge operand\">"))
    #expect(svg.contains("<g id=\"v9_out\" class=\"edge result\">"))
    #expect(svg.contains("<g id=\"legend\" class=\"cluster legend\">"))
    // Full precision in the tooltip, four decimals in the label.
    #expect(SVGText.decode(svg).contains("title=\"x1: data 2.0, grad -1.4999999999999993\""))
    #expect(SVGText.texts(in: try #require(SVGText.group(named: "v0", in: svg)))[2] == "grad -1.5000")
  }

  @Test func gradientColoursFollowSignAndSize() throws {
    let (o, _) = LectureGraphs.neuron()
    let dot = try drawDot(o, options: .init(style: DrawingStyle(colorsByGradient: true))).dot
    // The largest gradient is x1's -1.5: the strongest red; w1's 1.0 is
    // two thirds of it (third green); w2's 0 is white.
    #expect(
      dot.contains("v0 [label=\"{ x1 | data 2.0000 | grad -1.5000 }\" shape=record style=filled fillcolor=\"#ef3b2c\"]")
    )
    #expect(
      dot.contains("v1 [label=\"{ w1 | data -3.0000 | grad 1.0000 }\" shape=record style=filled fillcolor=\"#74c476\"]")
    )
    #expect(
      dot.contains("v4 [label=\"{ w2 | data 1.0000 | grad 0.0000 }\" shape=record style=filled fillcolor=\"#ffffff\"]"))
    // No legend unless asked, no role colours.
    #expect(!dot.contains("cluster_legend"))
    #expect(!dot.contains("penwidth"))
    // A NaN gradient is grey, and the legend says so.
    let bad = Value(0) * Value(.nan)
    bad.backward()
    let nanDot = try drawDot(bad, options: .init(style: DrawingStyle(colorsByGradient: true, legend: true))).dot
    #expect(nanDot.contains("fillcolor=\"#bdbdbd\""))
    #expect(nanDot.contains("grad NaN or inf"))
  }

  @Test func legendListsOnlyTheRolesInTheDrawing() throws {
    let dot = try drawDot(LectureGraphs.expression(), options: .init(style: .teaching)).dot
    #expect(dot.contains("legend_input"))
    #expect(dot.contains("legend_output"))
    #expect(!dot.contains("legend_parameter"))
    #expect(dot.contains("legend_grad_positive"))
    #expect(dot.contains("legend_grad_negative"))
    #expect(!dot.contains("legend_grad_zero"))  // no gradient is 0 here
    #expect(!dot.contains("legend_grad_nonfinite"))
  }
}
