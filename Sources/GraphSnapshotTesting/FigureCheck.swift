import Foundation

/// How a figure was compared with its reference.
public enum FigureComparison: String, Hashable, Sendable {
  /// Byte for byte (DOT everywhere; SVG and PNG made by the same Graphviz;
  /// SVG that Graphviz did not make, such as a plot).
  case bytes = "byte for byte"
  /// By what the SVG draws (``GraphvizSVG/drawnContent``): the reference
  /// was made by another Graphviz than the one running.
  case drawnContent = "by what it draws"
  /// Not compared: a PNG made by another Graphviz, whose pixels differ
  /// with the layout. Its SVG says whether the drawing changed.
  case notCompared = "not compared"
}

/// The result of comparing a fresh rendering of a figure with its
/// reference: how they were compared, and where they differ.
public struct FigureCheck: Hashable, Sendable {
  /// How the two were compared.
  public let comparison: FigureComparison
  /// Why that comparison: the versions involved.
  public let reason: String
  /// A line diff of the reference (`-`) against the fresh figure (`+`),
  /// or of what they draw; `nil` when they match.
  public let difference: String?

  /// Whether the fresh figure matches its reference.
  public var matches: Bool { difference == nil }

  /// Compares a figure with its reference by the rule that survives a
  /// change of Graphviz:
  ///
  /// - DOT (`dot`, `gv`) and other text (`txt`, `json`, `csv`, `html`,
  ///   `md`): byte for byte, with a line diff; except a page with an SVG
  ///   that Graphviz made (GraphRender's `Drawing.html`): its SVG follows
  ///   the SVG rule, and the rest of the page is compared byte for byte.
  /// - SVG: byte for byte when the Graphviz that made the reference is the
  ///   one running, or when Graphviz made neither (a plot); by what it
  ///   draws (``GraphvizSVG``) under another Graphviz.
  /// - PNG, PDF and other renderings (`jpg`, `gif`, `bmp`, `webp`, `ps`,
  ///   `eps`): byte for byte under the same Graphviz, not compared under
  ///   another or an unknown one.
  /// - Any other format: byte for byte.
  ///
  /// ```swift
  /// let check = FigureCheck(
  ///   reference: try Data(contentsOf: committed), fresh: try drawing.render(.svg),
  ///   pathExtension: "svg", recordedGraphviz: "2.43.0", runningGraphviz: try graphvizVersion())
  /// #expect(check.matches, "\(check.difference ?? "")")
  /// ```
  ///
  /// - Parameters:
  ///   - reference: The committed figure.
  ///   - fresh: The figure just made.
  ///   - pathExtension: The figure's format, as its file name ends
  ///     (`dot`, `svg`, `png`, ...).
  ///   - recordedGraphviz: The Graphviz version that made the reference
  ///     (a folder's `GRAPHVIZ_VERSION`); for SVG, `nil` reads it from the
  ///     reference's version comment.
  ///   - runningGraphviz: The Graphviz version that made `fresh`
  ///     (`graphvizVersion()`); for SVG, `nil` reads it from `fresh`.
  public init(
    reference: Data, fresh: Data, pathExtension: String,
    recordedGraphviz: String? = nil, runningGraphviz: String? = nil
  ) {
    let format = pathExtension.lowercased()
    if format == "html", let page = Self.page(reference, fresh, recordedGraphviz, runningGraphviz) {
      self = page
    } else if format == "svg" {
      self = Self.svg(
        String(decoding: reference, as: UTF8.self), String(decoding: fresh, as: UTF8.self),
        recordedGraphviz: recordedGraphviz, runningGraphviz: runningGraphviz)
    } else if Self.textFormats.contains(format) {
      self.init(
        comparison: .bytes, reason: "text does not depend on Graphviz's version",
        difference: Self.difference(reference, fresh, lines: true))
    } else if Self.versionedFormats.contains(format), recordedGraphviz != runningGraphviz || recordedGraphviz == nil {
      self.init(
        comparison: .notCompared,
        reason: "the reference was made by Graphviz \(recordedGraphviz ?? "(unknown)"), "
          + "this is \(runningGraphviz ?? "(unknown)")",
        difference: nil)
    } else {
      self.init(
        comparison: .bytes,
        reason: recordedGraphviz.map { "Graphviz \($0) made both" } ?? "a format compared as bytes",
        difference: Self.difference(reference, fresh, lines: false))
    }
  }

  /// Formats compared line by line, whatever the Graphviz.
  static let textFormats = ["dot", "gv", "txt", "json", "csv", "html", "md"]

  /// Formats Graphviz renders whose bytes follow its layout: compared only
  /// under the Graphviz that made the reference.
  static let versionedFormats = ["png", "jpg", "jpeg", "gif", "bmp", "webp", "pdf", "ps", "eps"]

  /// Where two files differ, by bytes: a line diff for text, the sizes
  /// otherwise; `nil` when they are the same bytes.
  static func difference(_ reference: Data, _ fresh: Data, lines: Bool) -> String? {
    guard reference != fresh else { return nil }
    let sizes = "the bytes differ (\(reference.count) in the reference, \(fresh.count) now)"
    guard lines else { return sizes }
    return lineDifference(String(decoding: reference, as: UTF8.self), String(decoding: fresh, as: UTF8.self))
      ?? sizes + ", in bytes that are not UTF-8"
  }

  init(comparison: FigureComparison, reason: String, difference: String?) {
    self.comparison = comparison
    self.reason = reason
    self.difference = difference
  }

  /// The SVG rule: bytes under the same Graphviz or for an SVG Graphviz
  /// made neither of, what it draws otherwise.
  static func svg(
    _ reference: String, _ fresh: String, recordedGraphviz: String?, runningGraphviz: String?
  ) -> FigureCheck {
    // Only the version comments decide; what the files draw is read only
    // when it is compared (the byte comparison is the common case).
    let oldVersion = GraphvizSVG.version(in: reference)
    let newVersion = GraphvizSVG.version(in: fresh)
    let recorded = recordedGraphviz ?? oldVersion
    let running = runningGraphviz ?? newVersion
    if oldVersion == nil, newVersion == nil {
      return FigureCheck(
        comparison: .bytes, reason: "Graphviz made neither SVG",
        difference: difference(Data(reference.utf8), Data(fresh.utf8), lines: true))
    }
    if let recorded, recorded == running {
      return FigureCheck(
        comparison: .bytes, reason: "Graphviz \(recorded) made both",
        difference: difference(Data(reference.utf8), Data(fresh.utf8), lines: true))
    }
    let old = GraphvizSVG(reference)
    let new = GraphvizSVG(fresh)
    return FigureCheck(
      comparison: .drawnContent,
      reason: "the reference was made by Graphviz \(recorded ?? "(unknown)"), this is \(running ?? "(unknown)"); "
        + "coordinates and the version comment are ignored",
      difference: lineDifference(old.drawnContent, new.drawnContent))
  }
}
