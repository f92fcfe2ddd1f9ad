import Foundation

// MARK: - Activations and elementary functions, each with its local derivative

extension Value {
  /// The hyperbolic tangent, the lecture's neuron activation.
  ///
  /// Computed directly, not as `(exp(2x) - 1) / (exp(2x) + 1)`, which
  /// overflows: `Value(800).tanh()` is 1 and its local derivative 0.
  public func tanh() -> Value {
    Value(Foundation.tanh(data), op: .tanh, self)
  }

  /// At a node made by `tanh()`: d tanh(a)/da = 1 - tanh(a)², from the
  /// node's own data.
  var tanhDerivative: Double { 1 - data * data }

  /// The natural exponential; `exp(1000)` is infinite, as IEEE 754 says.
  public func exp() -> Value {
    Value(Foundation.exp(data), op: .exp, self)
  }

  /// At a node made by `exp()`: d exp(a)/da = exp(a), the node's own data.
  var expDerivative: Double { data }

  /// The natural logarithm; `log(0)` is `-inf` and a negative number gives NaN.
  public func log() -> Value {
    Value(Foundation.log(data), op: .log, self)
  }

  /// At a node made by `log()`: d log(a)/da = 1 / a.
  var logDerivative: Double { 1 / lhs!.data }

  /// The rectified linear unit, `0` for negative data and the data otherwise,
  /// exactly as micrograd computes it (NaN stays NaN).
  public func relu() -> Value {
    Value(data < 0 ? 0 : data, op: .relu, self)
  }

  /// At a node made by `relu()`: d relu(a)/da = 1 where the output is
  /// positive, else 0 (micrograd's `(out.data > 0)`).
  var reluDerivative: Double { data > 0 ? 1 : 0 }

  /// The logistic function `1 / (1 + exp(-x))`, computed without overflow
  /// for large negative and positive inputs.
  public func sigmoid() -> Value {
    let s: Double
    if data >= 0 {
      s = 1 / (1 + Foundation.exp(-data))
    } else {
      let e = Foundation.exp(data)
      s = e / (1 + e)
    }
    return Value(s, op: .sigmoid, self)
  }

  /// At a node made by `sigmoid()`: d sigmoid(a)/da = sigmoid(a) ·
  /// (1 - sigmoid(a)), from the node's own data.
  var sigmoidDerivative: Double { data * (1 - data) }
}
