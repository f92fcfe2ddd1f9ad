extension OutputFormat {
  /// The interactive page of ``Drawing/html(title:)``: written by
  /// GraphRender around the SVG that Graphviz lays out, not a format of
  /// Graphviz's own.
  public static let html = OutputFormat(rawValue: "html")
}

extension Drawing {
  /// The drawing as one self-contained HTML page that explores the graph:
  /// the SVG that Graphviz lays out, a style sheet and a small script, and
  /// the numbers of every value and of every step of `backward()`.
  ///
  /// On the page, hovering or focusing a value shows its label, operation,
  /// data and gradient in full precision, its operands and the chain rule
  /// at that node with its numbers (`a.grad += b.data × e.grad = -3.0 ×
  /// -2.0 = 6.0`); clicking it (or Enter) highlights what it depends on
  /// and what depends on it, and Esc clears; ◀ ▶ (and the arrow keys,
  /// Home, End, P to play) step through `backward()` in the order it calls
  /// `backwardStep()`, from step 0, the forward pass, where no gradient is
  /// known yet; the wheel and dragging (or + − 0 and Shift with the arrow
  /// keys) zoom and pan; `/` finds a value by its label.
  ///
  /// The steps were run by the engine when the drawing was made (see
  /// ``backwardSteps(_:)``) and are stored once per edge. The page fetches
  /// nothing: it works from `file://`, offline, and its content security
  /// policy forbids any request. Every label is escaped, so no label can
  /// end the page's script or markup. The same drawing gives the same
  /// bytes. A drawing of DOT text (``init(dot:nodeLimit:)``) has no values:
  /// its page pans, zooms and finds text, and has no steps.
  ///
  /// ```swift
  /// try drawDot(L).write(to: URL(fileURLWithPath: "L.html"))
  /// let page = try drawDot(L).html(title: "L = (a*b + c) * f")
  /// ```
  ///
  /// - Parameter title: The page's title and heading; by default the
  ///   root's label, or "drawDot".
  /// - Throws: Any error of ``render(_:)`` for SVG, such as
  ///   ``GraphRenderError/tooManyNodes(count:limit:)``.
  /// - Complexity: One SVG render, and O(*n* + *e*) for the page's data.
  public func html(title: String? = nil) throws -> String {
    let svg = try self.svg()
    let body = svg.range(of: "<svg").map { String(svg[$0.lowerBound...]) } ?? svg
    let heading = title ?? explorer.map { $0.labels.last ?? "" }.flatMap { $0.isEmpty ? nil : $0 } ?? "drawDot"
    let data = NumberFormat.inPOSIXLocale { explorer.map(ExplorerPage.json) ?? "{}" }
    return ExplorerPage.page(title: heading, svg: body, json: data)
  }
}
