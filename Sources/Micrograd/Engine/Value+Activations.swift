import Foundation

// MARK: - Activations and elementary functions

extension Value {
  /// The hyperbolic tangent, the lecture's neuron activation.
  ///
  /// Computed directly, not as `(exp(2x) - 1) / (exp(2x) + 1)`, which
  /// overflows: `Value(800).tanh()` is 1 and its local derivative 0.
  public func tanh() -> Value {
    Value(Foundation.tanh(data), op: .tanh, self)
  }

  /// The natural exponential; `exp(1000)` is infinite, as IEEE 754 says.
  public func exp() -> Value {
    Value(Foundation.exp(data), op: .exp, self)
  }

  /// The natural logarithm; `log(0)` is `-inf` and a negative number gives NaN.
  public func log() -> Value {
    Value(Foundation.log(data), op: .log, self)
  }

  /// The rectified linear unit, `0` for negative data and the data otherwise,
  /// exactly as micrograd computes it (NaN stays NaN).
  public func relu() -> Value {
    Value(data < 0 ? 0 : data, op: .relu, self)
  }

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
}
