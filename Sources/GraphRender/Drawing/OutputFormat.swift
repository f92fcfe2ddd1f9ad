/// An output format, by Graphviz's name for it: `svg`, `png`, `pdf`,
/// `dot`, or any other the installed Graphviz offers (`jpg`, `json`,
/// `xdot`, `png:cairo`, ...; ``availableFormats()`` lists them).
///
/// `dot` (and its synonym `gv`) is the drawing's own DOT text, as
/// ``Drawing/dot`` holds it: the source, which Graphviz parses and lays out
/// for every other format. Ask for `xdot` or `canon` to get DOT back from
/// Graphviz itself.
public struct OutputFormat: RawRepresentable, Hashable, Sendable, ExpressibleByStringLiteral,
  CustomStringConvertible
{
  /// Graphviz's name for the format.
  public let rawValue: String

  /// Makes a format from Graphviz's name for it.
  public init(rawValue: String) { self.rawValue = rawValue }

  /// Makes a format from a string literal: `"svg"`.
  public init(stringLiteral value: String) { self.init(rawValue: value) }

  /// Scalable vector graphics: text, with the fonts' text, ids and classes.
  public static let svg = OutputFormat(rawValue: "svg")
  /// A bitmap, through Graphviz's cairo plugin.
  public static let png = OutputFormat(rawValue: "png")
  /// A vector PDF, through Graphviz's cairo plugin.
  public static let pdf = OutputFormat(rawValue: "pdf")
  /// The DOT text itself.
  public static let dot = OutputFormat(rawValue: "dot")
  /// The interactive page of ``Drawing/html(title:)``: written by
  /// GraphRender around the SVG that Graphviz lays out, not a format of
  /// Graphviz's own.
  public static let html = OutputFormat(rawValue: "html")

  /// Who makes a format's bytes.
  public enum Renderer: Hashable, Sendable {
    /// GraphRender itself, with no layout: the DOT text (`dot`, and its
    /// synonym `gv`) and the explorer page (`html`, around an SVG that
    /// Graphviz renders).
    case graphRender
    /// Graphviz's plugins, after its `dot` engine lays the graph out:
    /// `svg`, `png`, `pdf` and every other format ``availableFormats()``
    /// lists.
    case graphviz
  }

  /// Who makes this format's bytes: the one place that says which formats
  /// are GraphRender's own and which Graphviz's.
  public var renderer: Renderer {
    rawValue == "dot" || rawValue == "gv" || self == .html ? .graphRender : .graphviz
  }

  /// Whether the format can be made here: GraphRender's always, Graphviz's
  /// when `offered` (``availableFormats()``) holds its plugin's name, the
  /// part before any `:` (`png` of `png:cairo`).
  public func isOffered(in offered: [OutputFormat]) -> Bool {
    renderer == .graphRender || offered.contains(OutputFormat(rawValue: String(rawValue.prefix { $0 != ":" })))
  }

  /// The format a file name's extension names (`L.svg` gives `svg`,
  /// `L.gv` gives `dot`), compared without case; `nil` without an extension.
  public init?(fileExtension: String) {
    let ext = fileExtension.lowercased()
    guard !ext.isEmpty else { return nil }
    self.init(rawValue: ext == "gv" ? "dot" : ext)
  }

  /// Graphviz's name for the format.
  public var description: String { rawValue }
}

/// The output formats the installed Graphviz offers, sorted by name.
///
/// Devices that open a window (`x11`, `gtk`, `xlib`) and `vrml`, which
/// writes files of its own into the current folder, are left out.
///
/// - Throws: ``GraphRenderError/graphvizNotConfigured(_:)`` when Graphviz
///   has no plugin configuration.
public func availableFormats() throws -> [OutputFormat] {
  try Graphviz.formats().map(OutputFormat.init(rawValue:))
}

/// The version of the Graphviz libraries in use, as they report it
/// (`"2.43.0"` on Debian bookworm). SVG and PNG bytes can change with it.
///
/// - Throws: ``GraphRenderError/graphvizNotConfigured(_:)`` when Graphviz
///   has no plugin configuration.
public func graphvizVersion() throws -> String {
  try Graphviz.version()
}
