@testable import Figures
import Foundation
import Testing

/// The labelled scatter of makemore's 2-dimensional embeddings: a dot per
/// point with its label on it, grid lines from the ticks, the same bytes
/// every time.
@Suite struct LabelledScatterTests {
  /// Four points at the corners of a square, and one in the middle.
  static let points: [(x: Double, y: Double)] = [(0, 0), (1, 0), (0, 1), (1, 1), (0.5, 0.5)]
  static let labels = [".", "a", "b", "c", "d"]

  /// The `(cx, cy)` of every circle.
  func centres(_ svg: String) -> [(Double, Double)] {
    svg.matches(of: /<circle cx="([-0-9.]+)" cy="([-0-9.]+)"/).map { (Double($0.1)!, Double($0.2)!) }
  }

  @Test func aLabelledDotPerPoint() throws {
    let scatter = try LabelledScatter(
      title: "C", xLabel: "C[:, 0]", yLabel: "C[:, 1]", points: Self.points, labels: Self.labels)
    let raw = try scatter.svg()
    let svg = SVGParts(raw)
    #expect(svg.groupTexts("points") == Self.labels)
    let dots = try #require(svg.group("points")).filter { $0.hasPrefix("<circle") }
    #expect(dots.count == 5 && dots.allSatisfy { $0.contains("r=\"10\" fill=\"#1f77b4\"") })
    // Each label white, centred on its dot.
    let texts = try #require(svg.group("points")).filter { $0.hasPrefix("<text") }
    #expect(texts.allSatisfy { $0.contains("text-anchor=\"middle\"") && $0.contains("fill=\"white\"") })
    let labelXs = texts.map { Double($0.firstMatch(of: /x="([-0-9.]+)"/)!.1)! }
    #expect(labelXs == centres(raw).map(\.0))
    // The middle point is drawn in the middle of the corners, up is up.
    let c = centres(raw)
    #expect(abs(c[4].0 - (c[0].0 + c[1].0) / 2) < 0.01 && abs(c[4].1 - (c[0].1 + c[2].1) / 2) < 0.01)
    #expect(c[2].1 < c[0].1 && c[1].0 > c[0].0)
    #expect(svg.texts(class: "title") == ["C"] && svg.texts(class: "xlabel") == ["C[:, 0]"])
    #expect(svg.texts(class: "ylabel") == ["C[:, 1]"])
  }

  /// Both axes fit the points with a 5% margin, and a grid line runs
  /// from every tick across the axes.
  @Test func fittedAxesWithGridLines() throws {
    let svg = SVGParts(try LabelledScatter(title: "t", xLabel: "x", yLabel: "y", points: Self.points, labels: Self.labels).svg())
    #expect(svg.groupTexts("xticks") == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    #expect(svg.groupTexts("yticks") == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    let grid = try #require(svg.group("grid"))
    #expect(grid.filter { $0.contains(" V") }.count == 6 && grid.filter { $0.contains(" H") }.count == 6)
    #expect(grid.allSatisfy { $0.contains("stroke=\"#b0b0b0\"") })
  }

  /// A point with a NaN or infinite coordinate is left out with its label.
  @Test func nonFinitePointsAreLeftOut() throws {
    let points: [(x: Double, y: Double)] = [(0, 0), (.nan, 1), (1, .infinity), (2, 2)]
    let svg = try LabelledScatter(title: "t", xLabel: "x", yLabel: "y", points: points, labels: ["p", "q", "r", "s"]).svg()
    #expect(SVGParts(svg).groupTexts("points") == ["p", "s"])
    #expect(centres(svg).count == 2)
  }

  @Test func badInputIsATypedError() {
    #expect(throws: PlotError.mismatchedLabels(points: 5, labels: 4)) {
      try LabelledScatter(title: "t", xLabel: "x", yLabel: "y", points: Self.points, labels: ["a", "b", "c", "d"])
    }
    #expect(throws: PlotError.noData(plot: "empty")) {
      try LabelledScatter(title: "empty", xLabel: "x", yLabel: "y", points: [(.nan, 0)], labels: ["a"]).svg()
    }
    #expect(throws: PlotError.noData(plot: "none")) {
      try LabelledScatter(title: "none", xLabel: "x", yLabel: "y", points: [], labels: []).svg()
    }
  }

  /// Labels are text, not markup; one point still gets axes.
  @Test func labelsAreEscapedAndOnePointIsDrawn() throws {
    let svg = try LabelledScatter(title: "t", xLabel: "x", yLabel: "y", points: [(3, -2)], labels: ["<&>"]).svg()
    #expect(svg.contains(">&lt;&amp;&gt;</text>") && !svg.contains("<&>"))
    #expect(SVGParts(svg).groupTexts("xticks").count >= 3)
  }

  /// The same bytes on every call, with coordinates in hundredths.
  @Test func sameBytesEveryTime() throws {
    let make = {
      try LabelledScatter(title: "t", xLabel: "x", yLabel: "y", points: Self.points, labels: Self.labels).svg()
    }
    let first = try make()
    #expect(try make() == first)
    #expect(first.hasPrefix("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<svg "))
    #expect(first.matches(of: /="-?[0-9]+\.[0-9]{3,}"/).isEmpty)
  }
}
