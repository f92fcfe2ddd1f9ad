import Foundation
import Testing

@testable import Plots

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
    #expect(dots.count == 5 && dots.allSatisfy { $0.contains("r=\"4\" fill=\"#1f77b4\"") })
    // Each label beside its dot, not on it: within a few label heights.
    let texts = try #require(svg.group("points")).filter { $0.hasPrefix("<text") }
    let labelXs = texts.map { Double($0.firstMatch(of: /x="([-0-9.]+)"/)!.1)! }
    for (x, centre) in zip(labelXs, centres(raw)) {
      #expect(abs(x - centre.0) > 0.5 && abs(x - centre.0) < 4 * LabelledScatter.labelSize)
    }
    // The middle point is drawn in the middle of the corners, up is up.
    let c = centres(raw)
    #expect(abs(c[4].0 - (c[0].0 + c[1].0) / 2) < 0.01 && abs(c[4].1 - (c[0].1 + c[2].1) / 2) < 0.01)
    #expect(c[2].1 < c[0].1 && c[1].0 > c[0].0)
    #expect(svg.texts(class: "title") == ["C"] && svg.texts(class: "xlabel") == ["C[:, 0]"])
    #expect(svg.texts(class: "ylabel") == ["C[:, 1]"])
  }

  /// The axes are equal (as many pixels per unit across as up), fit the
  /// points with a 5% margin on the longer side, and a grid line runs from
  /// every tick across the axes.
  @Test func equalAxesWithGridLines() throws {
    let scatter = try LabelledScatter(title: "t", xLabel: "x", yLabel: "y", points: Self.points, labels: Self.labels)
    let svg = SVGParts(try scatter.svg())
    #expect(svg.groupTexts("yticks") == ["0.0", "0.2", "0.4", "0.6", "0.8", "1.0"])
    let axes = try scatter.layout().axes
    let across = (axes.right - axes.left) / (axes.x.upper - axes.x.lower)
    let up = (axes.bottom - axes.top) / (axes.y.upper - axes.y.lower)
    #expect(abs(across - up) < 1e-9 * up)
    #expect(abs(axes.y.lower - -0.05) < 1e-12 && abs(axes.y.upper - 1.05) < 1e-12)
    let grid = try #require(svg.group("grid"))
    #expect(grid.filter { $0.contains(" V") }.count == svg.groupTexts("xticks").count)
    #expect(grid.filter { $0.contains(" H") }.count == 6)
    #expect(grid.allSatisfy { $0.contains("stroke=\"#b0b0b0\"") })
  }

  /// 27 labels on points that crowd each other (as an embedding's do
  /// early in training): no label covers another label or another dot.
  @Test func crowdedLabelsDoNotOverlap() throws {
    // Deterministic: a tight cluster of 20 and a few far away.
    var points: [(x: Double, y: Double)] = []
    for i in 0..<27 {
      let n = Double(i)
      points.append(i < 20 ? (Double(i % 5) * 0.01, Double(i / 5) * 0.012) : (n * 0.3, -n * 0.2))
    }
    let labels = ["."] + "abcdefghijklmnopqrstuvwxyz".map(String.init)
    let scatter = try LabelledScatter(title: "t", xLabel: "x", yLabel: "y", points: points, labels: labels)
    let placed = try scatter.layout().placed
    #expect(placed.count == 27)
    for i in placed.indices {
      for j in placed.indices where j != i {
        let (a, b) = (placed[i].box, placed[j].box)
        let overlapsAcross = a.x < b.x + b.width && b.x < a.x + a.width
        let overlapsUp = a.y < b.y + b.height && b.y < a.y + a.height
        #expect(!(overlapsAcross && overlapsUp), "\(labels[i]) covers \(labels[j])")
        let r: Double = LabelledScatter.radius
        let d = placed[j].dot
        let onDotAcross = a.x < d.x + r && d.x - r < a.x + a.width
        let onDotUp = a.y < d.y + r && d.y - r < a.y + a.height
        let onDot = onDotAcross && onDotUp
        #expect(!onDot, "\(labels[i]) covers \(labels[j])'s dot")
      }
    }
  }

  /// A point with a NaN or infinite coordinate is left out with its label.
  @Test func nonFinitePointsAreLeftOut() throws {
    let points: [(x: Double, y: Double)] = [(0, 0), (.nan, 1), (1, .infinity), (2, 2)]
    let svg = try LabelledScatter(title: "t", xLabel: "x", yLabel: "y", points: points, labels: ["p", "q", "r", "s"])
      .svg()
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
