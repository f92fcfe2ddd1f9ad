import Foundation

/// Reading a plot's SVG back: the texts of an element class, the
/// elements of a group.
struct SVGParts {
  let svg: String

  init(_ svg: String) { self.svg = svg }

  /// The content of every `<text>` element, in order.
  var texts: [String] {
    svg.matches(of: /<text[^>]*>([^<]*)<\/text>/).map { String($0.1) }
  }

  /// The content of the `<text class="NAME">` elements.
  func texts(class name: String) -> [String] {
    svg.matches(of: /<text class="([a-z]+)"[^>]*>([^<]*)<\/text>/).filter { $0.1 == name }.map { String($0.2) }
  }

  /// The lines inside the first `<g class="NAME">` ... `</g>`.
  func group(_ name: String) -> [String]? {
    guard let start = svg.range(of: "<g class=\"\(name)\">\n") else { return nil }
    guard let end = svg.range(of: "</g>\n", range: start.upperBound..<svg.endIndex) else { return nil }
    return svg[start.upperBound..<end.lowerBound].split(separator: "\n").map(String.init)
  }

  /// The texts inside `<g class="NAME">`.
  func groupTexts(_ name: String) -> [String] {
    (group(name) ?? []).compactMap { line in line.firstMatch(of: /<text[^>]*>([^<]*)<\/text>/).map { String($0.1) } }
  }

  /// The number of `<g class="NAME">` groups.
  func count(of name: String) -> Int {
    svg.components(separatedBy: "<g class=\"\(name)\">").count - 1
  }

  /// The `d` of each `<path class="line">`.
  var lines: [String] {
    svg.matches(of: /<path class="line" d="([^"]*)"/).map { String($0.1) }
  }
}
