import Testing

@testable import Plots

/// Ticks at 1, 2 or 5 × 10ⁿ, labelled without float noise.
@Suite struct TicksTests {
  @Test(arguments: [
    // A hundred steps, as matplotlib's 5% margins widen them.
    (-4.95, 103.95, [0.0, 20, 40, 60, 80, 100], ["0", "20", "40", "60", "80", "100"]),
    (0, 99, [0, 20, 40, 60, 80], ["0", "20", "40", "60", "80"]),
    // The old plots' quarter ticks: 1.48, 2.96, 4.44 and -1.68, -0.61, 0.47.
    (1.48, 4.44, [1.5, 2, 2.5, 3, 3.5, 4], ["1.5", "2.0", "2.5", "3.0", "3.5", "4.0"]),
    (-1.68, 0.47, [-1.5, -1, -0.5, 0], ["\u{2212}1.5", "\u{2212}1.0", "\u{2212}0.5", "0.0"]),
    (0.1, 0.3, [0.1, 0.15, 0.2, 0.25, 0.3], ["0.10", "0.15", "0.20", "0.25", "0.30"]),
    (0, 6.2, [0, 1, 2, 3, 4, 5, 6], ["0", "1", "2", "3", "4", "5", "6"]),
    (-250, 1250, [0, 500, 1000], ["0", "500", "1000"]),
    // Either order.
    (4.44, 1.48, [1.5, 2, 2.5, 3, 3.5, 4], ["1.5", "2.0", "2.5", "3.0", "3.5", "4.0"]),
  ])
  func niceTicks(_ lower: Double, _ upper: Double, _ values: [Double], _ labels: [String]) throws {
    let ticks = try Ticks(from: lower, to: upper)
    #expect(ticks.values == values)
    #expect(ticks.labels == labels)
  }

  /// `0.1 * 3` is 0.30000000000000004; the tick is the `Double` nearest
  /// 0.3, and its label is written from integers.
  @Test func noFloatNoise() throws {
    let ticks = try Ticks(from: 0, to: 0.6)
    #expect(ticks.step == 0.1)
    #expect(ticks.values[3] == 0.3)
    #expect(ticks.labels == ["0.0", "0.1", "0.2", "0.3", "0.4", "0.5", "0.6"])
    for lower in stride(from: -3.0, to: 3, by: 0.37) {
      for span in [0.013, 0.7, 3.3, 41, 2_500] {
        let ticks = try Ticks(from: lower, to: lower + span)
        #expect((2...7).contains(ticks.values.count), "\(lower) \(span)")
        #expect(ticks.labels.allSatisfy { $0.count <= 9 }, "\(ticks.labels)")
        #expect(ticks.values.allSatisfy { $0 >= lower - 1e-12 && $0 <= lower + span + 1e-12 })
        // Equal steps, and each label reads back as its value.
        for (value, label) in zip(ticks.values, ticks.labels) {
          let read = try #require(Double(label.replacingOccurrences(of: "\u{2212}", with: "-")))
          #expect(abs(read - value) <= abs(value) * 1e-15, "\(label) \(value)")
        }
      }
    }
  }

  /// A constant series still gets an axis, around its value.
  @Test func constantRange() throws {
    let five = try Ticks(from: 5, to: 5)
    #expect((five.lower, five.upper) == (4.5, 5.5))
    #expect(five.labels == ["4.6", "4.8", "5.0", "5.2", "5.4"])
    let zero = try Ticks(from: 0, to: 0)
    #expect(zero.labels == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
    let negative = try Ticks(from: -2e-9, to: -2e-9)
    #expect(negative.values.count >= 2 && negative.values.allSatisfy { $0 < 0 })
  }

  @Test func nonFiniteEndsAreAnError() {
    #expect(throws: PlotError.self) { try Ticks(from: .nan, to: 1) }
    #expect(throws: PlotError.nonFiniteRange(lower: 0, upper: .infinity)) { try Ticks(from: 0, to: .infinity) }
    #expect(throws: PlotError.nonFiniteRange(lower: -.infinity, upper: 0)) { try Ticks(from: -.infinity, to: 0) }
    #expect(
      "\(PlotError.nonFiniteRange(lower: .nan, upper: 1))"
        == "an axis cannot run from nan to 1.0: both ends must be finite numbers")
    #expect(throws: PlotError.invalidOption("an axis takes 2 to 50 ticks, not 1")) {
      try Ticks(from: 0, to: 1, atMost: 1)
    }
  }

  /// Very large and very small steps are written `2e20`, `1.5e-7`.
  @Test func hugeAndTinyMagnitudes() throws {
    #expect(try Ticks(from: 1e20, to: 5e20).labels == ["1e20", "2e20", "3e20", "4e20", "5e20"])
    #expect(try Ticks(from: 1e-7, to: 5e-7).labels == ["1e-7", "2e-7", "3e-7", "4e-7", "5e-7"])
    #expect(
      try Ticks(from: 1.2e-7, to: 2.4e-7).labels
        == ["1.2e-7", "1.4e-7", "1.6e-7", "1.8e-7", "2e-7", "2.2e-7", "2.4e-7"])
    #expect(try Ticks(from: -2e6, to: 2e6).labels == ["\u{2212}2e6", "\u{2212}1e6", "0", "1e6", "2e6"])
    // Below 10⁶ a step is written out; a large offset keeps its digits.
    #expect(try Ticks(from: 0, to: 300_000).labels == ["0", "50000", "100000", "150000", "200000", "250000", "300000"])
    #expect(
      try Ticks(from: 1e9, to: 1e9 + 3).labels == [
        "1000000000.0", "1000000000.5", "1000000001.0",
        "1000000001.5", "1000000002.0", "1000000002.5", "1000000003.0",
      ])
    // The whole range of Double.
    let widest = try Ticks(from: -.greatestFiniteMagnitude, to: .greatestFiniteMagnitude)
    #expect(widest.labels == ["\u{2212}1.5e308", "\u{2212}1e308", "\u{2212}5e307", "0", "5e307", "1e308", "1.5e308"])
    #expect(widest.values.allSatisfy { $0.isFinite })
    let tiny = try Ticks(from: 0, to: .leastNonzeroMagnitude)
    #expect(tiny.values.allSatisfy { $0.isFinite } && !tiny.values.isEmpty)
  }

  @Test func fewerTicksWhenAsked() throws {
    let ticks = try Ticks(from: 0, to: 100, atMost: 3)
    #expect(ticks.values == [0, 50, 100])
    #expect(try Ticks(from: 0, to: 100, atMost: 50).values.count == 21)
  }
}
