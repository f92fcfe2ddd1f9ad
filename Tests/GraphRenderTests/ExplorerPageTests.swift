import Foundation
import Micrograd
import TestSupport
import Testing

@testable import GraphRender

/// The HTML page and the steps of backward() it shows; the browser tests
/// (Tests/Browser) check what the page does with them.
@Suite struct ExplorerPageTests {
  /// The steps are the engine's: each is one backwardStep() in backward()'s
  /// order, and the last gives backward()'s gradients.
  @Test func stepsFollowBackward() throws {
    let L = LectureGraphs.expression()
    let steps = backwardSteps(L)
    let nodes = trace(L).nodes
    #expect(steps.steps.map(\.node) == Array(nodes.indices.reversed()))
    #expect(steps.grads(after: 0).allSatisfy { $0 == nil })
    let first = steps.grads(after: 1)
    #expect(first[6] == 1 && first[4] == -2 && first[5] == 4 && first[0] == nil)
    let last = steps.grads(after: steps.steps.count)
    #expect(last == nodes.map(\.grad))
    // a*b's update of a: local b.data = -3, times e.grad = -2.
    let e = try #require(steps.steps.first { $0.node == 2 })
    #expect(e.updates.map(\.localDerivative) == [-3, 2])
    #expect(e.updates.map(\.contribution) == [6, -4])
    // The graph's gradients are as they were.
    #expect(nodes.map(\.grad) == [6, -4, -2, -2, -2, 4, 1])
  }

  @Test func stepsOfAValueUsedTwiceAddBothContributions() {
    let b = LectureGraphs.usedTwice()  // b = a + a
    let steps = backwardSteps(b)
    // Each update shows the gradient it left: 1 after the first, 2 after
    // the second (not 2 twice).
    #expect(steps.steps[0].updates.map(\.gradAfter) == [1, 2])
    #expect(steps.grads(after: 1) == [2, 1])
  }

  @Test func stepsOfAProductOfAValueWithItselfShowEachUpdate() {
    let a = Value(3, label: "a")
    let c = Value(0.1, label: "c")
    let s = a + c
    let q = s * s  // one operand, twice: 2·s in two halves
    let steps = backwardSteps(q)
    let first = steps.steps[0].updates
    #expect(first.map(\.localDerivative) == [3.1, 3.1])
    #expect(first.map(\.gradAfter) == [0 + 3.1 * 1, 3.1 + 3.1])
    q.backward()
    #expect(steps.grads(after: steps.steps.count) == trace(q).nodes.map(\.grad))
  }

  @Test func stepsStartFromZeroWhateverTheGradientsWere() {
    let L = LectureGraphs.expression()
    L.backward()  // a second pass adds to every gradient but L's
    let before = trace(L).nodes.map(\.grad)
    #expect(before != [6, -4, -2, -2, -2, 4, 1])
    let steps = backwardSteps(L)
    #expect(steps.grads(after: steps.steps.count) == [6, -4, -2, -2, -2, 4, 1])
    #expect(trace(L).nodes.map(\.grad) == before)
  }

  @Test func pageHoldsTheFigureTheStepsAndNoRequest() throws {
    let drawing = try drawDot(LectureGraphs.expression())
    let page = try drawing.html()
    #expect(page.hasPrefix("<!DOCTYPE html>\n"))
    #expect(page.contains("<title>L</title>"))
    #expect(page.contains("<svg width=") && !page.contains("<?xml") && !page.contains("<!DOCTYPE svg"))
    // a*b's update of a (value 0): local derivative b.data (value 1) = -3,
    // contribution 6, each in full and as the figure writes it; the rule by name.
    #expect(page.contains("\"{1}.data\",\"-3.0\",\"-3.0000\",\"6.0\",\"6.0000\"]"))
    #expect(page.contains("\"*\":\"the product rule: o = a * b; do/da = b, do/db = a\""))
    #expect(page.contains("default-src 'none'"))
    for fetch in ["http://", "https://", " src=", "<link", "@import", "url("] {
      #expect(!page.replacingOccurrences(of: "http://www.w3.org/", with: "").contains(fetch), "\(fetch)")
    }
    #expect(try drawing.render(.html) == Data(page.utf8))
    #expect(try drawing.html(title: "L = (a*b + c) * f").contains("<h1 id=\"title\">L = (a*b + c) * f</h1>"))
  }

  @Test func pageIsTheSameBytesEveryTime() throws {
    let first = try drawDot(LectureGraphs.mlpOutput()).html()
    let second = try drawDot(LectureGraphs.mlpOutput()).html()
    #expect(first == second)
  }

  /// The data grows with the edges, not with steps × nodes.
  @Test func dataGrowsWithTheEdges() throws {
    func dataSize(_ n: Int) throws -> Int {
      var x = Value(1.0, label: "x")
      for _ in 0..<n { x = x * 1.0 }
      let page = try drawDot(x).html()
      let start = try #require(page.range(of: "id=\"graph-data\">"))
      let end = try #require(page.range(of: "</script>", range: start.upperBound..<page.endIndex))
      return page.distance(from: start.upperBound, to: end.lowerBound)
    }
    let small = try dataSize(100)
    let large = try dataSize(400)
    #expect(Double(large) / Double(small) < 4.5, "\(small) → \(large) bytes")
  }

  @Test func labelsCannotBreakOutOfThePage() throws {
    let nasty = "</script><!--<b>&\"'\n\u{2028}é🙂"
    let a = Value(2.0, label: nasty)
    let L = a * a
    L.label = "</script>"
    L.backward()
    let page = try drawDot(L).html(title: "</title><script>")
    let dataStart = try #require(page.range(of: "id=\"graph-data\">"))
    let data = page[dataStart.upperBound...]
    let end = try #require(data.range(of: "</script>"))
    let json = String(data[..<end.lowerBound])
    #expect(!json.contains("<") && !json.contains(">") && !json.contains("&"))
    #expect(json.contains("\\u003c/script\\u003e\\u003c!--\\u003cb\\u003e\\u0026\\\"'\\n\\u2028é🙂"))
    #expect(page.contains("<title>&lt;/title&gt;&lt;script&gt;</title>"))
    // The page has its two scripts, no more.
    #expect(page.components(separatedBy: "</script>").count == 3)
  }

  @Test func pageObeysTheNodeLimit() throws {
    let drawing = try drawDot(LectureGraphs.expression(), options: .init(nodeLimit: 3))
    #expect(throws: GraphRenderError.tooManyNodes(count: drawing.layoutSize, limit: 3)) { try drawing.html() }
    let folder = try TemporaryFolder()
    let url = folder.url.appendingPathComponent("L.html")
    #expect(throws: GraphRenderError.self) { try drawing.write(to: url) }
    #expect(!FileManager.default.fileExists(atPath: url.path))
  }

  @Test func writeByExtension() throws {
    let folder = try TemporaryFolder()
    let url = folder.url.appendingPathComponent("L.HTML")
    let drawing = try drawDot(LectureGraphs.expression())
    try drawing.write(to: url)
    #expect(try Data(contentsOf: url) == Data(try drawing.html().utf8))
  }

  @Test func aDrawingOfDOTTextHasAPageWithoutSteps() throws {
    let page = try Drawing(dot: "digraph G { a -> b }").html()
    #expect(page.contains("id=\"graph-data\">{}</script>"))
    #expect(page.contains("<title>drawDot</title>"))
  }
}
