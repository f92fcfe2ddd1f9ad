// `dot`: a dot product of two lists of values in one node, its forward and
// its local derivatives.

extension Value {
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

  /// At a `dot` node, the partner of the operand at `index`: `bᵢ` for
  /// `aᵢ` (indices 0..<n) and `aᵢ` for `bᵢ` (n..<2n).
  func dotPartner(at index: Int) -> Value {
    let a = list!.values, b = list!.next!.values
    return index < a.count ? b[index] : a[index - a.count]
  }
}

/// The rules of `dot`. Its loops, over many operands, are fast-path code:
/// `OperandList` in `_OperandList.swift` (the eager engine) and the
/// compiled kernels (`_CompiledKernels.swift`); both call these rules.
enum Dot {
  /// How graphs print the operation.
  static let symbol = "dot"

  /// The forward, one pair at a time: the total so far plus `aᵢ · bᵢ`, from
  /// 0.0, in operand order.
  @inline(__always)
  static func forward(_ total: Double, adding a: Double, times b: Double) -> Double { total + a * b }

  /// d(Σ aⱼbⱼ)/daᵢ = bᵢ and d(Σ aⱼbⱼ)/dbᵢ = aᵢ: each operand's local
  /// derivative is its partner's data, as for `*`.
  @inline(__always)
  static func derivative(partner: Double) -> Double { partner }

  /// The rule in words, for the explorer.
  static let rule = DerivativeRule(
    name: "the sum and product rules", forward: "o = a₀·b₀ + a₁·b₁ + … + aₙ₋₁·bₙ₋₁",
    derivative: "do/daᵢ = bᵢ, do/dbᵢ = aᵢ")

  /// The local derivative as the explorer writes it: the partner's data,
  /// `b0.data`.
  static func derivativeText(partner: String) -> String { "\(partner).data" }
}
