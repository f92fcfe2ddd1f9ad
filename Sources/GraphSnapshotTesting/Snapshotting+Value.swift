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
  public static var dot: Snapshotting { .dot() }

  /// The DOT text of a value's graph, drawn with `drawDot`'s options.
  ///
  /// - Parameters: As `drawDot`'s: the direction, how numbers are
  ///   written, whether gradients show, the style, the values to mark as
  ///   parameters and the node limit. A drawing that cannot be made (a bad
  ///   option) fails the test, and its snapshot is the error, `error: ...`.
  public static func dot(
    rankdir: RankDir = .leftToRight, numberFormat: NumberFormat = .fixed(4), showGrad: Bool = true,
    style: DrawingStyle = .lecture, parameters: [Micrograd.Value] = [],
    nodeLimit: Int = Drawing.defaultNodeLimit
  ) -> Snapshotting {
    Snapshotting<DrawingResult, String>.dotText.pullback(
      drawn(rankdir, numberFormat, showGrad, style, parameters, nodeLimit))
  }

  /// A value's graph rendered as SVG by Graphviz (`.svg` files), compared
  /// byte for byte under the Graphviz that recorded the snapshot and by
  /// what it draws under another (``GraphvizSVG``).
  ///
  /// ```swift
  /// assertSnapshot(of: o, as: .svg, named: "neuron")
  /// ```
  public static var svg: Snapshotting { .svg() }

  /// A value's graph rendered as SVG, drawn with `drawDot`'s options.
  ///
  /// - Parameters: As ``dot(rankdir:numberFormat:showGrad:style:parameters:nodeLimit:)``.
  ///   A drawing Graphviz cannot render (past the node limit, say) fails
  ///   the test, and its snapshot is the error, `error: ...`.
  public static func svg(
    rankdir: RankDir = .leftToRight, numberFormat: NumberFormat = .fixed(4), showGrad: Bool = true,
    style: DrawingStyle = .lecture, parameters: [Micrograd.Value] = [],
    nodeLimit: Int = Drawing.defaultNodeLimit
  ) -> Snapshotting {
    Snapshotting<DrawingResult, String>.svgText.pullback(
      drawn(rankdir, numberFormat, showGrad, style, parameters, nodeLimit))
  }

  /// `drawDot` with these options, as a drawing or its error.
  private static func drawn(
    _ rankdir: RankDir, _ numberFormat: NumberFormat, _ showGrad: Bool, _ style: DrawingStyle,
    _ parameters: [Micrograd.Value], _ nodeLimit: Int
  ) -> (Micrograd.Value) -> DrawingResult {
    { value in
      Result {
        try drawDot(
          value, rankdir: rankdir, numberFormat: numberFormat, showGrad: showGrad, style: style,
          parameters: parameters, nodeLimit: nodeLimit)
      }
    }
  }
}
