// MARK: - Numerical gradient check

/// The gradients of a function found two ways, by ``Value/backward()`` and by
/// central differences, and how far they disagree. See
/// ``checkGradients(of:at:step:)``.
public struct GradientCheck: Sendable {
  /// The point the gradients were taken at.
  public let point: [Double]
  /// The gradient from backpropagation, one entry per input.
  public let analytic: [Double]
  /// The gradient from central differences, one entry per input.
  public let numeric: [Double]

  /// The largest error over the inputs, each measured as
  /// `|analytic - numeric| / max(1, |analytic|, |numeric|)`: absolute for
  /// small gradients, relative for large ones. NaN when any input's error is
  /// NaN (a NaN gradient, or an infinite one against a finite one).
  public var maxError: Double {
    var largest = 0.0
    for (a, n) in zip(analytic, numeric) where a != n {  // equal infinities agree
      let error = Swift.abs(a - n) / Swift.max(1, Swift.abs(a), Swift.abs(n))
      if error.isNaN { return .nan }
      largest = Swift.max(largest, error)
    }
    return largest
  }

  /// Whether every input's error is at most `tolerance` (NaN never passes).
  public func passes(tolerance: Double) -> Bool {
    maxError <= tolerance
  }
}

/// Checks backpropagation against central differences.
///
/// `f` builds a value from input leaves; it is called once to backpropagate,
/// then twice per input with that input nudged by `±h`, where
/// `h = step * max(1, |x|)` so that large inputs get a step large enough to
/// be seen. The numerical derivative is `(f(x + h) - f(x - h)) / 2h`, the
/// lecture's nudging made symmetric.
///
/// ```swift
/// let check = checkGradients(of: { v in (v[0] * v[1]).tanh() }, at: [0.5, -2])
/// check.passes(tolerance: 1e-6)  // true
/// ```
///
/// - Parameters:
///   - f: The function, from its input leaves to one output.
///   - point: Where to take the gradient.
///   - step: The relative size of the nudge.
/// - Returns: Both gradients, for comparison.
public func checkGradients(
  of f: ([Value]) -> Value,
  at point: [Double],
  step: Double = 1e-6
) -> GradientCheck {
  let inputs = point.map { Value($0) }
  f(inputs).backward()
  let analytic = inputs.map(\.grad)

  let numeric = point.indices.map { i in
    let h = step * max(1, abs(point[i]))
    var up = point
    var down = point
    up[i] += h
    down[i] -= h
    let fUp = f(up.map { Value($0) }).data
    let fDown = f(down.map { Value($0) }).data
    return (fUp - fDown) / (up[i] - down[i])
  }
  return GradientCheck(point: point, analytic: analytic, numeric: numeric)
}
