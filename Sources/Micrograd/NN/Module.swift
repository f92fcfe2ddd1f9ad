/// Anything with trainable parameters: micrograd's `Module`.
public protocol Module {
  /// Every trainable value, in a fixed order.
  func parameters() -> [Value]

  /// Sets the gradient of every parameter to 0, as before each backward pass
  /// of a training loop.
  func zeroGrad()
}

extension Module {
  /// Sets the gradient of every parameter in ``parameters()`` to 0.
  ///
  /// The lecture's notes write `p = 0.0` where they mean `p.grad = 0.0`; this
  /// is the correct version.
  public func zeroGrad() {
    for p in parameters() {
      p.grad = 0
    }
  }
}
