/// A self-contained HTML page that a ``FigureWriter`` writes as
/// `name.html`: its recorded numbers, style and script inline, nothing
/// fetched (the content security policy forbids any request).
public protocol HTMLPage {
  /// The page's title: its heading, and its caption in `index.html`.
  var title: String { get }
  /// The whole page; the same bytes for the same page.
  func html() -> String
}
