import Foundation
import Testing

@testable import Plots

/// The decision boundary: regions by the score's sign, points by label.
@Suite struct DecisionBoundaryTests {
  /// Two points, one of each class, and a boundary at x = 0.
  static func halves(cells: Int = 10) throws -> DecisionBoundary {
    try DecisionBoundary(title: "halves", points: [[-1, -1], [1, 1]], labels: [-1, 1], cells: cells) { x, _ in x }
  }

  @Test func axesRunOutToTheTicks() throws {
    let boundary = try Self.halves()
    // ±1 with a 10% margin (±1.4), out to the step of 0.5.
    #expect(boundary.xLimits == -1.5...1.5 && boundary.yLimits == -1.5...1.5)
    let svg = SVGParts(try boundary.svg())
    #expect(svg.groupTexts("xticks") == ["\u{2212}1.5", "\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0", "1.5"])
    #expect(svg.groupTexts("yticks") == svg.groupTexts("xticks"))
    #expect(svg.texts(class: "title") == ["halves"])
    #expect(svg.texts(class: "xlabel") == ["x[0]"] && svg.texts(class: "ylabel") == ["x[1]"])
    #expect(svg.groupTexts("legend") == ["class +1", "class \u{2212}1"])
  }

  /// The positive region is the right half: its left edge is where the
  /// score crosses 0, interpolated, in the middle of the axes.
  @Test func regionFollowsTheScore() throws {
    let boundary = try Self.halves(cells: 7)
    let axes = try Axes(offset: 0, x: (-1.5, 1.5), y: (-1.5, 1.5))
    let path = boundary.positiveRegion(axes)
    let xs =
      path.matches(of: /[ML ]?(-?[0-9.]+),(-?[0-9.]+)/).map { Double($0.1)! }
      + path.matches(of: /H(-?[0-9.]+)/).map { Double($0.1)! }
    let middle = (axes.left + axes.right) / 2
    #expect(abs(xs.min()! - middle) < 0.01, "\(xs.min()!) \(middle)")
    #expect(abs(xs.max()! - axes.right) < 0.01)
    // A score that is never positive leaves no region; NaN counts as not positive.
    let none = try DecisionBoundary(title: "none", points: [[0, 0]], labels: [1]) { _, _ in .nan }
    #expect(none.positiveRegion(axes).isEmpty)
    let all = try DecisionBoundary(title: "all", points: [[0, 0]], labels: [1], cells: 4) { _, _ in 1 }
    // Every column one run of whole cells.
    #expect(all.positiveRegion(axes).components(separatedBy: "Z").count - 1 == 4)
  }

  @Test func pointsColouredByLabel() throws {
    let svg = try DecisionBoundary(
      title: "b", points: [[0, 0], [1, 1], [2, .nan], [3]], labels: [1, -1, 1, 1]
    ) { x, y in x - y }.svg()
    let points = SVGParts(svg).group("points")!
    // The NaN point and the one-number point are left out.
    #expect(points.count == 2)
    #expect(points[0].contains("fill=\"#2171b5\"") && points[1].contains("fill=\"#cb181d\""))
  }

  @Test func scoreIsSampledOnTheGrid() throws {
    var calls = 0
    _ = try DecisionBoundary(title: "b", points: [[0, 0], [1, 1]], labels: [1, -1], cells: 12) { _, _ in
      calls += 1
      return 0
    }
    #expect(calls == 13 * 13)
  }

  @Test func badInputSaysWhatIsWrong() {
    #expect(throws: PlotError.mismatchedLabels(points: 2, labels: 1)) {
      try DecisionBoundary(title: "b", points: [[0, 0], [1, 1]], labels: [1]) { _, _ in 0 }
    }
    #expect(throws: PlotError.noData(plot: "b")) {
      try DecisionBoundary(title: "b", points: [[.nan, 0]], labels: [1]) { _, _ in 0 }
    }
    #expect(throws: PlotError.invalidOption("a decision boundary takes 2 to 500 cells a side, not 1")) {
      try DecisionBoundary(title: "b", points: [[0, 0]], labels: [1], cells: 1) { _, _ in 0 }
    }
    struct Stop: Error {}
    #expect(throws: Stop.self) {
      try DecisionBoundary(title: "b", points: [[0, 0]], labels: [1]) { _, _ in throw Stop() }
    }
  }

  @Test func deterministic() throws {
    let make = {
      try DecisionBoundary(title: "b", points: [[0, 0], [1, 2]], labels: [1, -1]) { x, y in sin(3 * x) - y + 1 }
    }
    #expect(try make().svg() == make().svg())
  }
}
