/// A multi-layer perceptron: layers applied one after the other.
///
/// The lecture's network is tanh throughout:
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let n = MLP(3, [4, 4, 1], using: &rng)   // 41 parameters
/// let y = n([2.0, 3.0, -1.0])[0]
/// ```
/// micrograd's demo uses ReLU hidden layers and a linear output:
/// ```swift
/// let model = MLP(2, [16, 16, 1], activation: .relu, outputActivation: .linear, using: &rng)
/// ```
public struct MLP: Module {
  /// The layers, from input to output.
  public let layers: [Layer]

  /// Makes layers of sizes `outputCounts`, the first with `inputCount`
  /// inputs.
  ///
  /// Weights and biases are drawn uniformly from `[-1, 1)`, layer by layer
  /// and neuron by neuron, as the lecture does. (micrograd's `nn.py` starts
  /// its biases at 0 instead.) Each is labelled by where it is
  /// (``labelParameters()``): `L1.N2.w3` is `layers[0].neurons[1].w[2]`.
  ///
  /// - Parameters:
  ///   - inputCount: The number of inputs (`nin`).
  ///   - outputCounts: The size of each layer (`nouts`).
  ///   - activation: The hidden layers' nonlinearity; `tanh` by default.
  ///   - outputActivation: The last layer's nonlinearity; the same as
  ///     `activation` when `nil`, as in the lecture.
  ///   - generator: Where the random weights come from.
  public init(
    _ inputCount: Int,
    _ outputCounts: [Int],
    activation: Activation = .tanh,
    outputActivation: Activation? = nil,
    using generator: inout some RandomNumberGenerator
  ) {
    let sizes = [inputCount] + outputCounts
    var layers: [Layer] = []
    for i in outputCounts.indices {
      let isLast = i == outputCounts.count - 1
      layers.append(
        Layer(
          sizes[i], sizes[i + 1],
          activation: isLast ? (outputActivation ?? activation) : activation,
          using: &generator))
    }
    self.layers = layers
    labelParameters()
  }

  /// Labels every parameter by its place in the network, counted from 1
  /// as the figures' boxes count (`layer 1 · neuron 2`): `L1.N2.w3` is
  /// `layers[0].neurons[1].w[2]`, `L1.N2.b` its bias.
  ///
  /// The network does this when it is made, so that a figure of its graph
  /// names every weight and bias (the lecture's `draw_dot` shows them
  /// unnamed, and a reader cannot tell a weight from a bias or an input).
  /// Labels are only names: set another, or `""`, whenever you like.
  public func labelParameters() {
    for (l, layer) in layers.enumerated() {
      layer.labelParameters("L\(l + 1).")
    }
  }

  /// The network's outputs for inputs `x`.
  public func callAsFunction(_ x: [Value]) -> [Value] {
    var x = x
    for layer in layers {
      x = layer(x)
    }
    return x
  }

  /// The network's outputs for plain numbers, each made a leaf.
  public func callAsFunction(_ x: [Double]) -> [Value] {
    self(x.map { Value($0) })
  }

  /// Every layer's parameters, layer by layer.
  public func parameters() -> [Value] {
    layers.flatMap { $0.parameters() }
  }
}
