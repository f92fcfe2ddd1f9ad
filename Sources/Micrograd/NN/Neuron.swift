/// One neuron: weights `w`, a bias `b` and an activation, computing
/// `activation(w · x + b)`.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let n = Neuron(2, using: &rng)
/// let out = n([2.0, 3.0])  // a Value in (-1, 1)
/// ```
public struct Neuron: Module {
  /// The weights, one per input.
  public let w: [Value]
  /// The bias.
  public let b: Value
  /// The nonlinearity applied to `w · x + b`.
  public let activation: Activation

  /// Makes a neuron with weights and bias drawn uniformly from `[-1, 1)`, as
  /// the lecture does (weights first, then the bias), labelled `w1`, `w2`,
  /// ..., `b` (``labelParameters(_:)``; a layer and a network prefix them).
  ///
  /// - Parameters:
  ///   - inputCount: The number of inputs (`nin`); zero or more.
  ///   - activation: The nonlinearity, `tanh` by default as in the lecture.
  ///   - generator: Where the random weights come from.
  public init(
    _ inputCount: Int,
    activation: Activation = .tanh,
    using generator: inout some RandomNumberGenerator
  ) {
    precondition(inputCount >= 0, "Neuron: the number of inputs must not be negative, got \(inputCount)")
    w = (0..<inputCount).map { _ in Value(generator.uniform(-1, 1)) }
    b = Value(generator.uniform(-1, 1))
    self.activation = activation
    labelParameters()
  }

  /// Labels the parameters in the lecture's terms: weight `i` (from 1) is
  /// `prefix + "w\(i)"`, the bias `prefix + "b"`.
  ///
  /// A network labels its own: the second neuron of the first layer of an
  /// ``MLP`` has `L1.N2.w1`, `L1.N2.w2`, ... and `L1.N2.b`, the names
  /// every figure and printout then shows. Labels are only names: they
  /// change no number, and cost nothing once made.
  ///
  /// - Parameter prefix: What comes before each name; `""` by default.
  public func labelParameters(_ prefix: String = "") {
    for (i, wi) in w.enumerated() {
      wi.label = prefix + "w\(i + 1)"
    }
    b.label = prefix + "b"
  }

  /// The neuron's output for inputs `x`, which must have one entry per
  /// weight.
  ///
  /// The sum starts from the bias, as micrograd's
  /// `sum((wi*xi for wi, xi in zip(self.w, x)), self.b)` does.
  public func callAsFunction(_ x: [Value]) -> Value {
    precondition(
      x.count == w.count,
      "Neuron: expected \(w.count) inputs, got \(x.count)")
    var act = b
    for (wi, xi) in zip(w, x) {
      act = act + wi * xi
    }
    return activation(act)
  }

  /// The neuron's output for plain numbers, each made a leaf.
  public func callAsFunction(_ x: [Double]) -> Value {
    self(x.map { Value($0) })
  }

  /// The weights, then the bias.
  public func parameters() -> [Value] {
    w + [b]
  }
}
