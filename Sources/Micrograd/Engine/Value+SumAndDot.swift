// MARK: - Sums and dot products in one node, each with its local derivative

extension Value {
  /// The sum of `values` as one `sum` node: `a₀ + a₁ + ... + aₙ₋₁`.
  ///
  /// The same number as `values.sum()`, which builds micrograd's chain of
  /// `+` nodes (the one the lectures draw, as Python's `sum` does), in one
  /// node instead of *n* - 1: faster and lighter for large sums. The sum of
  /// nothing is 0.
  ///
  /// ```swift
  /// let x = [Value(1), Value(2), Value(3)]
  /// Value.sumNode(x).operands.count  // 3: one node
  /// x.sum().operands.count           // 2: (x0 + x1) + x2
  /// ```
  public static func sumNode(_ values: [Value]) -> Value {
    let list = OperandList(values)
    return Value(list.dataSum, op: .sum, list: list)
  }

  /// At a `sum` node: d(a₀ + ... + aₙ₋₁)/daᵢ = 1, as for `+`.
  var sumDerivative: Double { 1 }

  /// The dot product `a₀·b₀ + a₁·b₁ + ... + aₙ₋₁·bₙ₋₁` as one `dot` node;
  /// the local derivative with respect to `aᵢ` is `bᵢ`, and to `bᵢ`, `aᵢ`.
  ///
  /// The same number as micrograd's `sum(ai*bi for ai, bi in zip(a, b))`,
  /// which builds 2*n* - 1 nodes, in one: this is how a neuron's `w · x`
  /// gets cheap enough to train makemore's MLP with scalar values.
  ///
  /// - Precondition: `a` and `b` have the same count.
  public static func dot(_ a: [Value], _ b: [Value]) -> Value {
    dot(a, OperandList(b))
  }

  /// A matrix times a vector: `dot(row, x)` for every row, the rows'
  /// nodes sharing one list of `x` (which makes them lighter to free).
  ///
  /// This is `x @ W` of the lectures with `W`'s columns as `rows`: a layer
  /// of neurons, each row one neuron's weights.
  ///
  /// - Precondition: every row has `x.count` values.
  public static func dot(_ rows: [[Value]], _ x: [Value]) -> [Value] {
    let shared = OperandList(x)
    return rows.map { dot($0, shared) }
  }

  private static func dot(_ a: [Value], _ b: OperandList) -> Value {
    precondition(
      a.count == b.values.count,
      "dot: the vectors must have the same count, got \(a.count) and \(b.values.count)")
    let list = OperandList(a, next: b)
    return Value(list.dataDot(b), op: .dot, list: list)
  }

  /// At a `dot` node: d(Σ aⱼbⱼ)/daᵢ = bᵢ and d(Σ aⱼbⱼ)/dbᵢ = aᵢ, where the
  /// operands are the `a`s (indices 0..<n) then the `b`s (n..<2n).
  func dotDerivative(at index: Int) -> Double {
    let a = list!.values, b = list!.next!.values
    return index < a.count ? b[index].data : a[index - a.count].data
  }
}
