internal import FileOutput

/// The SVG text of the plots, written byte for byte the same on every run:
/// coordinates rounded to hundredths and formatted from integers (no C
/// library, no locale), attributes in a fixed order, text in Graphviz's
/// font family so that plots and graphs look alike side by side.
enum SVG {
  /// Graphviz's default font, as its SVG names it.
  static let fontFamily = "Times,serif"

  /// The whole document: an XML declaration, a white page, `body`.
  static func document(width: Double, height: Double, _ body: String) -> String {
    "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n"
      + "<svg xmlns=\"http://www.w3.org/2000/svg\" width=\"\(number(width))\" height=\"\(number(height))\" "
      + "viewBox=\"0 0 \(number(width)) \(number(height))\">\n"
      + "<rect width=\"100%\" height=\"100%\" fill=\"white\"/>\n" + body + "</svg>\n"
  }

  /// A line of text at (`x`, `y`), its baseline there; `rotate` turns it
  /// a quarter to the left about that point (a y axis's label); `fill`
  /// colours it (black when `nil`).
  static func text(
    _ x: Double, _ y: Double, _ content: String, size: Double, anchor: Anchor = .middle,
    class name: String? = nil, rotate: Bool = false, fill: String? = nil
  ) -> String {
    let turn = rotate ? " transform=\"rotate(-90 \(number(x)) \(number(y)))\"" : ""
    let kind = name.map { " class=\"\($0)\"" } ?? ""
    let colour = fill.map { " fill=\"\($0)\"" } ?? ""
    return "<text\(kind) x=\"\(number(x))\" y=\"\(number(y))\" text-anchor=\"\(anchor.rawValue)\" "
      + "font-family=\"\(fontFamily)\" font-size=\"\(number(size))\"\(colour)\(turn)>\(escaped(content))</text>\n"
  }

  /// Where a text's `x` is: its start, middle or end.
  enum Anchor: String {
    case start, middle, end
  }

  /// About how wide `text` is at `size`, in user units: half an em a
  /// character, a little more than Times's average, so that a box made
  /// to hold it does.
  static func width(of text: String, size: Double) -> Double {
    Double(text.count) * size * 0.52
  }

  /// `x` rounded to hundredths, as `12.34`, `-0.5`, `3`; no locale.
  /// Non-finite numbers are written 0 and magnitudes are capped at 10¹⁵,
  /// so that no input makes the text unreadable.
  static func number(_ x: Double) -> String {
    guard x.isFinite else { return "0" }
    let x = min(max(x, -1e15), 1e15)
    let hundredths = Int((x * 100).rounded())
    let sign = hundredths < 0 ? "-" : ""
    let whole = abs(hundredths) / 100
    let fraction = abs(hundredths) % 100
    if fraction == 0 { return sign + String(whole) }
    let digits = fraction % 10 == 0 ? String(fraction / 10) : (fraction < 10 ? "0" : "") + String(fraction)
    return sign + String(whole) + "." + digits
  }

  /// `text` with `&`, `<`, `>` and quotes written as entities
  /// (FileOutput's `Escaping.html`).
  static func escaped(_ text: String) -> String { Escaping.html(text) }

}

/// matplotlib's default colour cycle (`tab10`): the colour of the `n`th
/// series, from blue and orange on.
enum Palette {
  static let colors = [
    "#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f", "#bcbd22",
    "#17becf",
  ]

  static func color(_ n: Int) -> String { colors[n % colors.count] }
}
