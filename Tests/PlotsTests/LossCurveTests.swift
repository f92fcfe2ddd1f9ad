import Foundation
import Testing

@testable import Plots

/// `micrograd makemore train --loss-plot`'s curve.
@Suite struct LossCurveTests {
  @Test func meanOfEachRunOfSteps() {
    let curve = LossCurve(losses: [Double](repeating: 10, count: 2_500) + [1_000])
    // 2,501 steps in runs of 3: 834 points, log10(10) = 1 but the last.
    #expect(curve.points.count == 834)
    #expect(curve.points.dropLast().allSatisfy { $0.y == 1 })
    #expect(curve.points.last! == (2_499, 2.6074550232146687) || abs(curve.points.last!.y - log10(505)) < 1e-12)
    #expect(curve.points[1].x == 3)
    #expect(LossCurve(losses: [1, 10, 100], maxPoints: 1).points.map(\.y) == [log10(37)])
    #expect(LossCurve(losses: []).points.isEmpty)
  }

  /// The log loss's axis fits the data: no 0 at the bottom.
  @Test func axisFitsTheLogLoss() throws {
    let losses = (0..<5_000).map { 2 + 1.5 * exp(-Double($0) / 500) }
    let svg = SVGParts(try LossCurve(losses: losses).svg())
    let y = svg.groupTexts("yticks")
    #expect(y.first != "0" && y.first != "0.0" && y.count >= 4, "\(y)")
    #expect(y == ["0.30", "0.35", "0.40", "0.45", "0.50", "0.55"])
    #expect(svg.groupTexts("xticks") == ["0", "1000", "2000", "3000", "4000", "5000"])
    #expect(svg.texts(class: "ylabel") == ["log10(loss)"] && svg.texts(class: "title") == ["minibatch loss"])
  }

  @Test func nothingFiniteIsAnError() {
    #expect(throws: PlotError.noData(plot: "minibatch loss")) { try LossCurve(losses: [0, -1, .nan]).svg() }
    #expect(throws: PlotError.noData(plot: "minibatch loss")) { try LossCurve(losses: []).svg() }
  }
}
