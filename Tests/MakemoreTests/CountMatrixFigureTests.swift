import Foundation
@testable import Makemore
import Testing

/// The lecture's figure of `N`, as DOT text.
@Suite struct CountMatrixFigureTests {
  let dot: String

  init() throws {
    dot = BigramCounts(try Words(contentsOf: namesURL)).countMatrixDOT()
  }

  /// The cells, read back from their `<TD>` lines (the cells that do not
  /// read are left out, and the count of 729 fails).
  var cells: [(background: String, text: String, bigram: String, count: Int)] {
    let cell = /<TD [^>]*BGCOLOR="(#[0-9a-f]{6})"><FONT POINT-SIZE="\d+" COLOR="#([0-9a-f]{6})">([^<]*)<BR\/>(\d+)<\/FONT><\/TD>/
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
    #expect(BigramCounts(try Words(contentsOf: namesURL)).countMatrixDOT() == dot)
    #expect(Blues.hex(Blues.color(.nan, largest: 1)) == "#f7fbff")
    #expect(Blues.hex(Blues.color(5, largest: 0)) == "#f7fbff")
    #expect(BigramCounts.htmlEscaped("a<b>&\"c") == "a&lt;b&gt;&amp;&quot;c")
  }

  @Test func sizesAreOptions() throws {
    let small = BigramCounts(try Words(["ab"])).countMatrixDOT(cellSize: 20, fontSize: 0)
    #expect(small.contains("WIDTH=\"20\" HEIGHT=\"20\"") && small.contains("POINT-SIZE=\"1\""))
    #expect(small.contains(">.a<BR/>1</FONT>") && small.contains("BGCOLOR=\"#08306b\""))
  }
}
