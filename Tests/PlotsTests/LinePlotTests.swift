import Foundation
import Testing

@testable import Plots

/// Line plots: ticks at nice numbers, labels, titles, a legend for two
/// series, Graphviz's font, the same bytes every time.
@Suite struct LinePlotTests {
  /// A hundred steps of a falling loss, as the moons lesson records it.
  static let loss = Series("loss", values: (0..<100).map { 6 * exp(-Double($0) / 8) + 0.01 })

  @Test func ticksLabelsAndTitle() throws {
    let plot = LinePlot(title: "loss", xLabel: "step", yLabel: "loss", series: [Self.loss], yRange: .includingZero)
    let svg = SVGParts(try plot.svg())
    #expect(svg.groupTexts("xticks") == ["0", "20", "40", "60", "80", "100"])
    #expect(svg.groupTexts("yticks") == ["0", "1", "2", "3", "4", "5", "6"])
    #expect(svg.texts(class: "title") == ["loss"])
    #expect(svg.texts(class: "xlabel") == ["step"])
    #expect(svg.texts(class: "ylabel") == ["loss"])
    // A tick mark per label, outward.
    #expect(svg.group("xticks")!.filter { $0.hasPrefix("<path") && $0.contains(" v4.5\"") }.count == 6)
    #expect(svg.group("yticks")!.filter { $0.hasPrefix("<path") && $0.contains(" h-4.5\"") }.count == 7)
    // One line, no legend for one series.
    #expect(svg.lines.count == 1 && svg.count(of: "legend") == 0)
    #expect(svg.lines[0].hasPrefix("M") && svg.lines[0].components(separatedBy: " L").count == 100)
  }

  /// `grid: true` is matplotlib's `plt.grid()`: a light line across the
  /// axes at every tick, before (beneath) the data; none by default.
  @Test func gridLinesAtEveryTick() throws {
    let xs = (0..<50).map { -5 + Double($0) * 0.2 }
    let series = Series("tanh", points: xs.map { (x: $0, y: tanh($0)) })
    let plain = try LinePlot(title: "tanh", xLabel: "x", yLabel: "tanh(x)", series: [series]).svg()
    #expect(SVGParts(plain).count(of: "grid") == 0)
    let raw = try LinePlot(title: "tanh", xLabel: "x", yLabel: "tanh(x)", series: [series], grid: true).svg()
    let svg = SVGParts(raw)
    let grid = svg.group("grid") ?? []
    let xTicks = svg.groupTexts("xticks")
    let yTicks = svg.groupTexts("yticks")
    #expect(xTicks == ["\u{2212}4", "\u{2212}2", "0", "2", "4"] && yTicks.count == 5)
    // A vertical line from the top spine to the bottom one at each x tick,
    // a horizontal one from the left spine to the right at each y tick.
    #expect(grid.filter { $0.contains(",44 V338\" stroke=\"#b0b0b0\"") }.count == xTicks.count)
    #expect(
      grid.filter { $0.hasPrefix("<path d=\"M76,") && $0.contains(" H536\" stroke=\"#b0b0b0\"") }.count == yTicks.count)
    #expect(grid.count == xTicks.count + yTicks.count)
    // The tick marks sit where the grid lines do.
    let tickXs = svg.group("xticks")!.compactMap { $0.firstMatch(of: /<path d="M([0-9.]+),/).map { String($0.1) } }
    let gridXs = grid.compactMap { $0.firstMatch(of: /<path d="M([0-9.]+),44 V/).map { String($0.1) } }
    #expect(tickXs == gridXs)
    // Beneath the data: drawn before the line.
    #expect(raw.range(of: "<g class=\"grid\">")!.lowerBound < raw.range(of: "<path class=\"line\"")!.lowerBound)
    // Otherwise the same plot.
    #expect(
      raw.replacingOccurrences(of: "<g class=\"grid\">\n" + grid.joined(separator: "\n") + "\n</g>\n", with: "")
        == plain)
  }

  /// The same font as Graphviz's drawings, on every text.
  @Test func graphvizFont() throws {
    let svg = try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [Self.loss]).svg()
    let texts = svg.components(separatedBy: "<text ").dropFirst()
    #expect(texts.count == SVGParts(svg).texts.count && texts.count > 5)
    #expect(texts.allSatisfy { $0.contains("font-family=\"Times,serif\"") })
    #expect(!svg.contains("Helvetica"))
  }

  @Test func legendForTwoSeries() throws {
    // Two rising lines: the upper right corner is taken, the legend goes
    // to the upper left (matplotlib's "best").
    let up = Series("train", values: (0..<50).map { Double($0) })
    let upToo = Series("dev", values: (0..<50).map { Double($0) * 0.9 })
    let plot = LinePlot(title: "two", xLabel: "step", yLabel: "value", series: [up, upToo])
    let raw = try plot.svg()
    let svg = SVGParts(raw)
    #expect(svg.count(of: "legend") == 1)
    #expect(svg.groupTexts("legend") == ["train", "dev"])
    let legend = svg.group("legend")!
    #expect(
      legend.contains { $0.contains("stroke=\"#1f77b4\"") } && legend.contains { $0.contains("stroke=\"#ff7f0e\"") })
    let box = try #require(legend.first { $0.hasPrefix("<rect") })
    let x = try #require(Double(box.firstMatch(of: /x="([0-9.]+)"/)!.1))
    #expect(x < Axes.panelWidth / 2, "\(box)")
    #expect(svg.lines.count == 2)
    // Falling lines leave the upper right free.
    let down = LinePlot(
      title: "two", xLabel: "step", yLabel: "value",
      series: [Series("a", values: [3, 2, 1, 0]), Series("b", values: [2.5, 1.5, 0.5, 0])])
    let downBox = SVGParts(try down.svg()).group("legend")!.first { $0.hasPrefix("<rect") }!
    #expect(Double(downBox.firstMatch(of: /x="([0-9.]+)"/)!.1)! > Axes.panelWidth / 2)
  }

  /// A log loss fits its data; a count or accuracy starts at 0.
  @Test func rangeFitsTheDataOrIncludesZero() throws {
    let logLoss = Series("loss", values: (0..<200).map { 0.5 - 0.1 * Double($0) / 200 })
    let fitted = SVGParts(try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [logLoss]).svg())
    #expect(fitted.groupTexts("yticks") == ["0.40", "0.42", "0.44", "0.46", "0.48", "0.50"])
    let accuracy = Series("accuracy", values: [50, 80, 95, 100, 100])
    let fromZero = SVGParts(
      try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [accuracy], yRange: .includingZero).svg())
    #expect(fromZero.groupTexts("yticks") == ["0", "20", "40", "60", "80", "100"])
    let fixed = SVGParts(
      try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [accuracy], yRange: .fixed(lower: 40, upper: 60)).svg()
    )
    #expect(fixed.groupTexts("yticks") == ["40", "45", "50", "55", "60"])
    #expect(throws: PlotError.self) {
      try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [accuracy], yRange: .fixed(lower: 1, upper: 1)).svg()
    }
    // Data below 0 reaches down from 0.
    let negative = SVGParts(
      try LinePlot(
        title: "t", xLabel: "x", yLabel: "y", series: [Series("n", values: [-3, -1])], yRange: .includingZero
      )
      .svg())
    #expect(negative.groupTexts("yticks").last == "0.0")
  }

  /// NaN and infinite points are left out and break the line; a plot
  /// with nothing finite is an error naming it.
  @Test func nonFinitePoints() throws {
    let gappy = Series("loss", values: [3, 2, .nan, 1.5, 1, .infinity, 0.5])
    let svg = SVGParts(try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [gappy]).svg())
    #expect(svg.lines.count == 1)
    #expect(svg.lines[0].components(separatedBy: "M").count - 1 == 3)
    #expect(svg.lines[0].components(separatedBy: " L").count - 1 == 2)
    #expect(!svg.svg.contains("nan") && !svg.svg.contains("inf"))
    #expect(throws: PlotError.noData(plot: "diverged")) {
      try LinePlot(title: "diverged", xLabel: "x", yLabel: "y", series: [Series("l", values: [.nan, .infinity])]).svg()
    }
    #expect(throws: PlotError.noData(plot: "empty")) {
      try LinePlot(title: "empty", xLabel: "x", yLabel: "y", series: []).svg()
    }
    #expect(
      "\(PlotError.noData(plot: "diverged"))" == "the plot \"diverged\" has no point with finite coordinates to draw")
  }

  @Test func onePointAndConstantSeries() throws {
    let one = SVGParts(try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [Series("p", values: [2.5])]).svg())
    #expect(one.groupTexts("xticks") == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
    #expect(one.groupTexts("yticks") == ["2.3", "2.4", "2.5", "2.6", "2.7"])
    let flat = SVGParts(
      try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [Series("c", values: [0, 0, 0])]).svg())
    #expect(flat.groupTexts("yticks") == ["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"])
  }

  @Test func hugeAndTinyValues() throws {
    let huge = try LinePlot(
      title: "t", xLabel: "x", yLabel: "y", series: [Series("h", values: [1e300, 3e300, -1.7e308])]
    ).svg()
    #expect(!huge.contains("nan") && !huge.contains("inf"))
    #expect(SVGParts(huge).groupTexts("yticks").contains("0"))
    let tiny = SVGParts(
      try LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [Series("t", values: [1e-7, 3e-7])]).svg())
    #expect(tiny.groupTexts("yticks") == ["1e-7", "1.5e-7", "2e-7", "2.5e-7", "3e-7"])
  }

  @Test func textIsEscaped() throws {
    let svg = try LinePlot(title: "a < b & \"c\"", xLabel: "x", yLabel: "y", series: [Self.loss]).svg()
    #expect(svg.contains(">a &lt; b &amp; &quot;c&quot;</text>"))
  }

  /// Byte for byte the same on every run.
  @Test func deterministic() throws {
    let plot = LinePlot(
      title: "loss", xLabel: "step", yLabel: "loss", series: [Self.loss, Series("b", values: [1, 2])])
    #expect(try plot.svg() == plot.svg())
    let row = PlotRow([plot, plot])
    #expect(try row.svg() == row.svg())
  }

  @Test func panelsSideBySide() throws {
    let a = LinePlot(title: "loss", xLabel: "step", yLabel: "loss", series: [Self.loss])
    let b = LinePlot(title: "accuracy", xLabel: "step", yLabel: "%", series: [Series("a", values: [50, 100])])
    let raw = try PlotRow([a, b]).svg()
    let svg = SVGParts(raw)
    #expect(raw.contains("width=\"1120\" height=\"400\""))
    #expect(svg.count(of: "panel") == 2 && svg.texts(class: "title") == ["loss", "accuracy"])
    // Each panel clips to its own axes.
    #expect(raw.contains("<clipPath id=\"clip0\">") && raw.contains("<clipPath id=\"clip1\">"))
    #expect(raw.contains("url(#clip1)"))
    #expect(throws: PlotError.invalidOption("a row of plots needs at least one panel")) { try PlotRow([]).svg() }
  }
}
