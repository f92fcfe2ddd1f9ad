import Foundation
import GraphRender
import Micrograd
import SnapshotTesting

extension Snapshotting where Value == Micrograd.Value, Format == String {
  /// The DOT text of a value's graph as the lecture's `draw_dot` draws it,
  /// compared line by line (`.dot` files).
  ///
  /// ```swift
  /// L.backward()
  /// assertSnapshot(of: L, as: .dot, named: "expression")
  /// ```
  public static var dot: Snapshotting { .dot(DrawOptions()) }

  /// The DOT text of a value's graph drawn with `options`, as
  /// `drawDot(_:options:)` draws it: the direction, numbers, style,
  /// parameters, a network's clusters, folding, node limit and title.
  ///
  /// ```swift
  /// assertSnapshot(of: loss, as: .dot(.init(clusters: n, folded: true)), named: "mlp-folded")
  /// ```
  ///
  /// A drawing that cannot be made (a bad option) fails the test, and its
  /// snapshot is the error, `error: ...`.
  public static func dot(_ options: DrawOptions) -> Snapshotting {
    Snapshotting<DrawingResult, String>.dotText.pullback(drawn(options))
  }

  /// A value's graph rendered as SVG by Graphviz (`.svg` files), compared
  /// byte for byte under the Graphviz that recorded the snapshot and by
  /// what it draws under another (``GraphvizSVG``).
  ///
  /// ```swift
  /// assertSnapshot(of: o, as: .svg, named: "neuron")
  /// ```
  public static var svg: Snapshotting { .svg(DrawOptions()) }

  /// A value's graph drawn with `options` (as ``dot(_:)``) and rendered as
  /// SVG. A drawing Graphviz cannot render (past the node limit, say)
  /// fails the test, and its snapshot is the error, `error: ...`.
  public static func svg(_ options: DrawOptions) -> Snapshotting {
    Snapshotting<DrawingResult, String>.svgText.pullback(drawn(options))
  }

  /// `drawDot` with `options`, as a drawing or its error.
  private static func drawn(_ options: DrawOptions) -> (Micrograd.Value) -> DrawingResult {
    { value in Result { try drawDot(value, options: options) } }
  }
}
