import Foundation
import GraphRender
import Micrograd
import Testing

@Suite struct EscapeTests {
  /// Labels that Graphviz would otherwise read as syntax, and how each must
  /// be drawn: the lines of the label field.
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
    ("  leading", ["  leading"]),
    ("trailing  ", ["trailing  "]),
    (" both ", [" both "]),
    ("two  spaces", ["two  spaces"]),
    ("end \n start", ["end ", " start"]),
    ("ünïcødé αβγ 你好 🎉", ["ünïcødé αβγ 你好 🎉"]),
    ("&amp; &lt; & ;", ["&amp; &lt; & ;"]),
    ("\\N \\G \\L \\E \\T \\H", ["\\N \\G \\L \\E \\T \\H"]),
    ("literal \\n here", ["literal \\n here"]),
    ("tab\there", ["tab\u{2409}here"]),
    ("100% {a|b}\\", ["100% {a|b}\\"]),
  ]

  @Test(arguments: 0..<cases.count)
  func labelIsDrawnLiterally(_ index: Int) throws {
    let (label, lines) = Self.cases[index]
    let x = Value(1.5, label: label)
    let svg = try drawDot(x).svg()
    let node = try #require(SVGText.group(named: "v0", in: svg))
    let texts = SVGText.texts(in: node).map { $0.replacingOccurrences(of: "\u{A0}", with: " ") }
    #expect(texts == lines + ["data 1.5000", "grad 0.0000"], "label \(label.debugDescription)")
  }
}
