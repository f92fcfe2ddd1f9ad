/// The nonlinearity a neuron applies to `w · x + b`.
public enum Activation: Sendable, Hashable, CaseIterable {
  /// `tanh`, the lecture's choice.
  case tanh
  /// ReLU, micrograd's choice for hidden layers.
  case relu
  /// The logistic sigmoid.
  case sigmoid
  /// None: the neuron outputs `w · x + b` (micrograd's output layer).
  case linear

  /// Applies the activation to a value.
  public func callAsFunction(_ x: Value) -> Value {
    switch self {
    case .tanh: x.tanh()
    case .relu: x.relu()
    case .sigmoid: x.sigmoid()
    case .linear: x
    }
  }
}
