/// What a backward-step frame marks: the node the step processed, with
/// its op and the edges into the op, in red; the operands whose gradients
/// the step updated in orange. Every frame carries a legend that says so.
struct StepMarks {
  /// The node the step processed, as an index into the trace; `nil` for
  /// frame 0, the forward pass.
  let node: Int?
  /// The operands the step updated, as indices into the trace.
  let updated: [Int]

  /// Red, for what the step processed.
  static let processedColor = "#d62728"
  /// Orange, for what the step updated.
  static let updatedColor = "#ff7f0e"

  /// The outline of the processed node and its op.
  static let processed = [("color", processedColor), ("penwidth", "3")]
  /// The outline of an updated operand.
  static let updatedOutline = [("color", updatedColor), ("penwidth", "3")]
  /// An edge into the processed node's op, or from its op to it.
  static let edge = [("color", processedColor), ("penwidth", "2")]

  /// The outline of value `i`: red when the step processed it, orange
  /// when it updated its gradient, else `nil` (the style's own).
  func outline(of i: Int) -> [(String, String)]? {
    if node == i { return Self.processed }
    if updated.contains(i) { return Self.updatedOutline }
    return nil
  }

  /// The legend's entries for the two colours, as the drawing's legend
  /// lists its entries: a name for the node, its text, its attributes.
  static let legend: [(name: String, text: String, extra: [(String, String)])] = [
    ("step_processed", "node processed by this step", processed),
    ("step_updated", "grad updated by this step", updatedOutline),
  ]
}
