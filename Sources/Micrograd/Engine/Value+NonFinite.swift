// MARK: - Finding NaN and infinities

/// Where a graph first stops being finite: the node, and whether its data
/// or its gradient is NaN or infinite. See ``Value/firstNonFinite()``.
public struct NonFiniteValue {
  /// Which number of the node is not finite.
  public enum Field: String, Sendable {
    /// The node's ``Value/data``.
    case data
    /// The node's ``Value/grad``.
    case grad
  }

  /// The first node whose ``field`` is NaN or infinite.
  public let value: Value
  /// Which of its numbers it is.
  public let field: Field
}

extension Value {
  /// The first node in this graph whose data or gradient is NaN or infinite,
  /// or `nil` when every number in the graph is finite.
  ///
  /// NaN and infinities propagate as IEEE 754 says (`log(0)` is `-inf`,
  /// `x / 0` is `inf`), so a loss that is NaN tells little about why. This
  /// finds where it started:
  /// - data is searched first, in topological order from the leaves, so the
  ///   answer is the earliest computation that went wrong;
  /// - if all data is finite, gradients are searched in the order
  ///   ``backward()`` computes them, from this value back to the leaves.
  ///
  /// ```swift
  /// let x = Value(0, label: "x")
  /// let y = (x.log() * 2).tanh()
  /// y.firstNonFinite()?.value === y.operands[0].operands[0]  // log(0) is -inf
  /// ```
  ///
  /// - Complexity: O(*n*) for a graph of *n* nodes.
  public func firstNonFinite() -> NonFiniteValue? {
    let topo = topologicalOrder()
    if let node = topo.first(where: { !$0.data.isFinite }) {
      return NonFiniteValue(value: node, field: .data)
    }
    if let node = topo.reversed().first(where: { !$0.grad.isFinite }) {
      return NonFiniteValue(value: node, field: .grad)
    }
    return nil
  }
}
