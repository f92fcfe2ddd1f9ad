import Micrograd

extension NeuralBigram {
  /// The loss of ``loss(_:regularization:)`` over every bigram
  /// that `counts` counted, with one term per distinct bigram instead of
  /// one per occurrence: `counts[x][y] * -log(softmax(W[x])[y])`, summed
  /// over all `x` and `y` and divided by the number of bigrams. The same
  /// number, from a graph of a few thousand nodes rather than millions.
  ///
  /// ```swift
  /// let loss = model.loss(counts: BigramCounts(words), regularization: 0.01)
  /// ```
  ///
  /// - Parameters:
  ///   - counts: The bigram counts of the data (the lecture's `N`).
  ///   - regularization: The weight of `mean(W**2)` added to the loss;
  ///     the lecture trains with 0.01.
  /// - Returns: The loss, ready for `backward()`; NaN when `counts` holds
  ///   no bigrams.
  /// - Precondition: `counts` has as many tokens as the model.
  /// - Complexity: O(*v*²) nodes for *v* tokens (under 10,000 for the
  ///   lecture's 27, with regularization), whatever the number of words.
  public func loss(counts: BigramCounts, regularization: Double = 0) -> Value {
    precondition(
      counts.counts.count == weights.count,
      "the counts have \(counts.counts.count) tokens and the model \(weights.count)")
    var terms: [Value] = []
    var total = 0
    for (x, row) in counts.counts.enumerated() where row.contains(where: { $0 > 0 }) {
      // The lecture's `counts = logits.exp()` and `probs = counts / counts.sum()`.
      let exponentiated = weights[x].map { $0.exp() }
      let sum = exponentiated.sum()
      for (y, n) in row.enumerated() where n > 0 {
        let probability = exponentiated[y] / sum
        terms.append(Double(n) * -probability.log())
        total += n
      }
    }
    return regularized(terms.sum() / Double(total), regularization)
  }

  /// One step of the lecture's gradient descent over every bigram at once
  /// (full batch): the loss, `zeroGrad()`, `backward()`, then
  /// `W.data -= learningRate * W.grad`.
  ///
  /// - Parameters:
  ///   - counts: The bigram counts of the data.
  ///   - learningRate: The lecture's 50.
  ///   - regularization: The lecture's 0.01.
  /// - Returns: The loss before the update, as the lecture prints it.
  @discardableResult
  public func step(counts: BigramCounts, learningRate: Double = 50, regularization: Double = 0.01) -> Double {
    let loss = loss(counts: counts, regularization: regularization)
    zeroGrad()
    loss.backward()
    SGD(learningRate: learningRate).step(self)
    return loss.data
  }

  /// Trains for `steps` steps of ``step(counts:learningRate:regularization:)``.
  ///
  /// - Returns: The loss before each step; the loss after the last one is
  ///   `loss(counts:regularization:)` of the trained model.
  @discardableResult
  public func train(
    counts: BigramCounts, steps: Int, learningRate: Double = 50, regularization: Double = 0.01
  ) -> [Double] {
    (0..<max(steps, 0)).map { _ in
      step(counts: counts, learningRate: learningRate, regularization: regularization)
    }
  }
}
