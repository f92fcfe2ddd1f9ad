import Foundation
import GraphRender
import SnapshotTesting

/// A drawing, or why it could not be made: what every strategy here
/// starts from. A failure fails the test (``reportDrawingFailure(_:)``)
/// and shows in the snapshot's diff, instead of stopping the test run.
typealias DrawingResult = Result<Drawing, any Error>

extension Snapshotting where Value == DrawingResult, Format == String {
  /// The text of a drawing in one format, or `error: ...` (and a test
  /// failure) if it could not be made.
  static func drawing(
    pathExtension: String, diffing: Diffing<String>, text: @escaping (Drawing) throws -> String
  ) -> Snapshotting {
    SimplySnapshotting<String>(pathExtension: pathExtension, diffing: diffing).pullback { result in
      do {
        return try text(result.get())
      } catch {
        reportDrawingFailure(error)
        return "error: \(error)\n"
      }
    }
  }
}

extension Snapshotting where Value == DrawingResult, Format == String {
  /// DOT text, compared line by line.
  static var dotText: Snapshotting { drawing(pathExtension: "dot", diffing: .figureText) { $0.dot } }

  /// SVG rendered by Graphviz, compared by the version rule.
  static var svgText: Snapshotting { drawing(pathExtension: "svg", diffing: .graphvizSVG()) { try $0.svg() } }
}

extension Snapshotting where Value == Drawing, Format == String {
  /// A drawing's DOT text, compared line by line (`.dot` files).
  ///
  /// ```swift
  /// assertSnapshot(of: try drawDot(L), as: .dot, named: "expression")
  /// ```
  public static var dot: Snapshotting {
    Snapshotting<DrawingResult, String>.dotText.pullback { .success($0) }
  }

  /// A drawing rendered as SVG by Graphviz (`.svg` files), compared by
  /// ``SnapshotTesting/Diffing/graphvizSVG(recordedGraphviz:runningGraphviz:)``:
  /// byte for byte under the Graphviz that recorded the snapshot, by what
  /// it draws under another.
  public static var svg: Snapshotting {
    Snapshotting<DrawingResult, String>.svgText.pullback { .success($0) }
  }
}
