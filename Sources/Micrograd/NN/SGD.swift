/// Plain stochastic gradient descent: `p.data -= learningRate * p.grad`.
///
/// ```swift
/// let sgd = SGD(learningRate: 0.05)
/// n.zeroGrad()
/// loss.backward()
/// sgd.step(n)
/// ```
public struct SGD: Sendable {
  /// How far each step moves against the gradient.
  public var learningRate: Double

  /// Makes an optimizer with a learning rate.
  public init(learningRate: Double) {
    self.learningRate = learningRate
  }

  /// Moves every value against its gradient.
  public func step(_ parameters: [Value]) {
    for p in parameters {
      p.data -= learningRate * p.grad
    }
  }

  /// Moves every parameter of a module against its gradient.
  public func step(_ module: some Module) {
    step(module.parameters())
  }
}
