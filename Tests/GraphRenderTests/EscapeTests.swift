import Foundation
import GraphRender
import Micrograd
import Testing

@Suite struct EscapeTests {
  /// Labels that Graphviz would otherwise read as syntax (escapes, record
  /// fields, ports, HTML entities, its `\N`-style names), each drawn as
  /// written, on one line.
  static let literal = [
    "back\\slash", "ends with \\", "\\\\ two", "{braces}", "a|b", "<port> x", "say \"hi\"",
    "ünïcødé αβγ 你好 🎉", "&amp; &lt; & ;", "\\N \\G \\L \\E \\T \\H", "literal \\n here",
    "100% {a|b}\\",
  ]

  /// Labels drawn otherwise, and the lines of their label field: line
  /// breaks start lines, spaces that Graphviz would drop are drawn as
  /// no-break spaces (U+00A0), which look the same, and control characters
  /// as String.withVisibleControlCharacters shows them.
  static let shown: [(label: String, lines: [String])] = [
    ("line1\nline2", ["line1", "line2"]), ("crlf\r\nnext", ["crlf", "next"]),
    ("  leading", ["\u{A0}\u{A0}leading"]), ("trailing  ", ["trailing \u{A0}"]),
    (" both ", ["\u{A0}both\u{A0}"]), ("two  spaces", ["two \u{A0}spaces"]),
    ("end \n start", ["end\u{A0}", "\u{A0}start"]), ("tab\there", ["tab\u{2409}here"]),
    ("esc\u{1B}[2J del\u{7F} csi\u{9B}", ["esc\u{241B}[2J del\u{2421} csi\\u{9B}"]),
  ]

  /// Every label, and how it must be drawn.
  static let cases = literal.map { (label: $0, lines: [$0]) } + shown

  @Test(arguments: 0..<cases.count)
  func labelIsDrawnLiterally(_ index: Int) throws {
    let (label, lines) = Self.cases[index]
    let x = Value(1.5, label: label)
    let svg = try drawDot(x).svg()
    let node = try #require(SVGText.group(named: "v0", in: svg))
    #expect(SVGText.texts(in: node) == lines + ["data 1.5000", "grad 0.0000"], "label \(label.debugDescription)")
  }

  @Test(arguments: 0..<cases.count)
  func tooltipShowsTheLabelLiterally(_ index: Int) throws {
    let label = Self.cases[index].label
    let svg = try drawDot(Value(1.5, label: label), options: .init(style: DrawingStyle(tooltips: true))).svg()
    let node = try #require(SVGText.group(named: "v0", in: svg))
    let start = try #require(node.range(of: "xlink:title=\""))
    let end = try #require(node[start.upperBound...].firstIndex(of: "\""))
    // In attributes Graphviz writes a space after a space as U+00A0.
    let title = SVGText.decode(String(node[start.upperBound..<end]))
      .replacingOccurrences(of: "\u{A0}", with: " ")
    let expected = label.replacingOccurrences(of: "\r\n", with: "\n").replacingOccurrences(of: "\t", with: "\u{2409}")
      .replacingOccurrences(of: "\u{1B}", with: "\u{241B}").replacingOccurrences(of: "\u{7F}", with: "\u{2421}")
      .replacingOccurrences(of: "\u{9B}", with: "\\u{9B}")
    #expect(title == expected + ": data 1.5, grad 0.0", "label \(label.debugDescription)")
  }
}
