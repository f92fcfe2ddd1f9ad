import Foundation
import GraphRender
import Micrograd
import Testing

@Suite struct EscapeTests {
  /// Labels that Graphviz would otherwise read as syntax, and how each must
  /// be drawn: the lines of the label field. Spaces that Graphviz would
  /// drop are drawn as no-break spaces (U+00A0), which look the same.
  static let cases: [(label: String, lines: [String])] = [
    ("back\\slash", ["back\\slash"]),
    ("ends with \\", ["ends with \\"]),
    ("\\\\ two", ["\\\\ two"]),
    ("{braces}", ["{braces}"]),
    ("a|b", ["a|b"]),
    ("<port> x", ["<port> x"]),
    ("say \"hi\"", ["say \"hi\""]),
    ("line1\nline2", ["line1", "line2"]),
    ("crlf\r\nnext", ["crlf", "next"]),
    ("  leading", ["\u{A0}\u{A0}leading"]),
    ("trailing  ", ["trailing \u{A0}"]),
    (" both ", ["\u{A0}both\u{A0}"]),
    ("two  spaces", ["two \u{A0}spaces"]),
    ("end \n start", ["end\u{A0}", "\u{A0}start"]),
    ("ünïcødé αβγ 你好 🎉", ["ünïcødé αβγ 你好 🎉"]),
    ("&amp; &lt; & ;", ["&amp; &lt; & ;"]),
    ("\\N \\G \\L \\E \\T \\H", ["\\N \\G \\L \\E \\T \\H"]),
    ("literal \\n here", ["literal \\n here"]),
    ("tab\there", ["tab\u{2409}here"]),
    // Control characters as String.withVisibleControlCharacters shows them.
    ("esc\u{1B}[2J del\u{7F} csi\u{9B}", ["esc\u{241B}[2J del\u{2421} csi\\u{9B}"]),
    ("100% {a|b}\\", ["100% {a|b}\\"]),
  ]

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
    let svg = try drawDot(Value(1.5, label: label), style: DrawingStyle(tooltips: true)).svg()
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
