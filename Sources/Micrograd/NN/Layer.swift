/// A layer of neurons that all see the same inputs.
public struct Layer: Module {
  /// The neurons, one per output.
  public let neurons: [Neuron]

  /// Makes `outputCount` neurons with `inputCount` inputs each, their
  /// parameters labelled `N1.w1`, ..., `N1.b`, `N2.w1`, ...
  /// (``labelParameters(_:)``).
  ///
  /// - Parameters:
  ///   - inputCount: The number of inputs (`nin`).
  ///   - outputCount: The number of neurons (`nout`).
  ///   - activation: Every neuron's nonlinearity.
  ///   - generator: Where the random weights come from.
  public init(
    _ inputCount: Int,
    _ outputCount: Int,
    activation: Activation = .tanh,
    using generator: inout some RandomNumberGenerator
  ) {
    precondition(outputCount >= 0, "Layer: the number of outputs must not be negative, got \(outputCount)")
    var neurons: [Neuron] = []
    for _ in 0..<outputCount {
      neurons.append(Neuron(inputCount, activation: activation, using: &generator))
    }
    self.neurons = neurons
    labelParameters()
  }

  /// Labels every neuron's parameters: neuron `j`'s (from 1) as
  /// ``Neuron/labelParameters(_:)`` does with `prefix + "N\(j)."`.
  public func labelParameters(_ prefix: String = "") {
    for (j, neuron) in neurons.enumerated() {
      neuron.labelParameters(prefix + "N\(j + 1).")
    }
  }

  /// Every neuron's output for inputs `x`.
  public func callAsFunction(_ x: [Value]) -> [Value] {
    neurons.map { $0(x) }
  }

  /// Every neuron's parameters, neuron by neuron.
  public func parameters() -> [Value] {
    neurons.flatMap { $0.parameters() }
  }
}
