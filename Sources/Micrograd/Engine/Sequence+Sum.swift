extension Sequence<Value> {
  /// The sum of the values, as a chain of `+` nodes: `((v0 + v1) + v2) + ...`.
  ///
  /// Unlike Python's `sum`, which starts from `0` and so adds a leaf holding
  /// 0, the chain starts from the first value. The sum of nothing is a new
  /// leaf holding 0.
  ///
  /// This is the graph the lectures draw; ``Value/sumNode(_:)`` adds the
  /// same values in one node.
  ///
  /// - Complexity: O(*n*), making *n* - 1 nodes.
  public func sum() -> Value {
    var iterator = makeIterator()
    guard var total = iterator.next() else { return Value(0) }
    while let v = iterator.next() {
      total = total + v
    }
    return total
  }
}
