import Foundation
import GraphRender
import Makemore
import Testing

@testable import Plots

/// The lecture's figure of `N`, as DOT text: the counts of the names the
/// package carries, handed to Plots as plain numbers and labels.
@Suite struct CountMatrixTests {
  let dot: String

  /// makemore's `N` as a count matrix, its tokens as the labels.
  static func lectureMatrix() throws -> CountMatrix {
    let counts = BigramCounts(try Words.names())
    let tokens = counts.vocabulary.tokens.map { String($0) }
    return try CountMatrix(counts: counts.counts, rowLabels: tokens, columnLabels: tokens)
  }

  init() throws {
    dot = try Self.lectureMatrix().dot()
  }

  /// The cells, read back from their `<TD>` lines (the cells that do not
  /// read are left out, and the count of 729 fails).
  var cells: [(background: String, text: String, bigram: String, count: Int)] {
    let cell =
      /<TD [^>]*BGCOLOR="(#[0-9a-f]{6})"><FONT POINT-SIZE="\d+" COLOR="#([0-9a-f]{6})">([^<]*)<BR\/>(\d+)<\/FONT><\/TD>/
    return dot.split(separator: "\n").compactMap { line in
      line.wholeMatch(of: cell).map { match in
        (String(match.1), String(match.2), String(match.3), Int(match.4)!)
      }
    }
  }

  @Test func everyCellInTokenOrder() {
    let cells = cells
    #expect(cells.count == 729)
    #expect(dot.components(separatedBy: "<TR>").count - 1 == 27)
    let tokens = Vocabulary.lecture.tokens
    let expected = tokens.flatMap { a in tokens.map { b in String([a, b]) } }
    #expect(cells.map(\.bigram) == expected)
    #expect(cells.map(\.count).reduce(0, +) == 228_146)
    #expect(dot.contains(">an<BR/>5438</FONT></TD>"))
    #expect(dot.contains(">n.<BR/>6763</FONT></TD>"))
    #expect(dot.hasPrefix("digraph N {\n") && dot.hasSuffix("</TABLE>>]\n}\n"))
  }

  @Test func shadedAsMatplotlibsBlues() {
    // matplotlib 3.11's to_hex(cm.Blues(Normalize(0, 6763)(count))).
    let matplotlib: [Int: String] = [
      0: "#f7fbff", 92: "#f5f9fe", 1306: "#d1e2f3", 4410: "#3b8bc2", 5438: "#1663aa",
      6640: "#083471", 6763: "#08306b",
    ]
    for cell in cells {
      if let color = matplotlib[cell.count] {
        #expect(cell.background == color, "\(cell.bigram) \(cell.count)")
      }
    }
    // Darker for larger counts; white text on the dark cells only.
    let byCount = cells.sorted { $0.count < $1.count }
    let lightness = byCount.map { cell in
      stride(from: 1, to: 7, by: 2).map { Int(cell.background.dropFirst($0).prefix(2), radix: 16)! }.reduce(0, +)
    }
    #expect(zip(lightness, lightness.dropFirst()).allSatisfy { $0 >= $1 })
    #expect(byCount.first!.text == "333333" && byCount.last!.text == "ffffff")
    #expect(byCount.suffix(3).allSatisfy { $0.text == "ffffff" })  // a. n. an
    #expect(byCount.filter { $0.count <= 6763 / 2 }.allSatisfy { $0.text == "333333" })
    let white = byCount.filter { $0.text == "ffffff" }.map(\.count)
    #expect(white.min()! > byCount.filter { $0.text == "333333" }.map(\.count).max()!)
  }

  @Test func theSameTextEveryTime() throws {
    #expect(try Self.lectureMatrix().dot() == dot)
    #expect(Blues.hex(Blues.color(.nan, largest: 1)) == "#f7fbff")
    #expect(Blues.hex(Blues.color(5, largest: 0)) == "#f7fbff")
    #expect(CountMatrix.htmlEscaped("a<b>&\"c") == "a&lt;b&gt;&amp;&quot;c")
  }

  @Test func sizesAreOptions() throws {
    let small = try CountMatrix(counts: [[0, 1], [1, 0]], rowLabels: [".", "a"], columnLabels: [".", "b"])
      .dot(cellSize: 20, fontSize: 0)
    #expect(small.contains("WIDTH=\"20\" HEIGHT=\"20\"") && small.contains("POINT-SIZE=\"1\""))
    #expect(small.contains(">.b<BR/>1</FONT>") && small.contains("BGCOLOR=\"#08306b\""))
  }

  /// Any table of counts: labels of any length, escaped; not square.
  @Test func plainDataOfAnyShape() throws {
    let matrix = try CountMatrix(counts: [[3, 0, 1]], rowLabels: ["<x>"], columnLabels: ["&", "b", "\"c"])
    let dot = matrix.dot()
    #expect(dot.components(separatedBy: "<TR>").count - 1 == 1)
    #expect(dot.contains(">&lt;x&gt;&amp;<BR/>3</FONT>") && dot.contains(">&lt;x&gt;&quot;c<BR/>1</FONT>"))
    // Graphviz reads it, and draws each caption and count.
    let svg = try matrix.drawing().svg()
    #expect(svg.contains(">&lt;x&gt;b</text>") && svg.contains(">0</text>"))
    // An empty matrix is a figure too (of nothing).
    #expect(try CountMatrix(counts: [], rowLabels: [], columnLabels: []).dot().contains("<TABLE"))
  }

  @Test func badShapesSayWhatIsWrong() {
    #expect(throws: PlotError.mismatchedShape("the count matrix has 2 rows but 1 row labels")) {
      try CountMatrix(counts: [[1], [2]], rowLabels: ["a"], columnLabels: ["b"])
    }
    #expect(throws: PlotError.mismatchedShape("row 1 of the count matrix has 1 counts but there are 2 column labels")) {
      try CountMatrix(counts: [[1, 2], [3]], rowLabels: ["a", "b"], columnLabels: ["c", "d"])
    }
    #expect(throws: PlotError.invalidOption("a count matrix holds counts, not -1")) {
      try CountMatrix(counts: [[-1]], rowLabels: ["a"], columnLabels: ["b"])
    }
  }
}
