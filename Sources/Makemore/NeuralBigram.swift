import Micrograd

/// The neural bigram: one layer of 27×27 weights whose rows, exponentiated
/// and normalised (softmax), are the next token's probabilities; trained
/// with the engine's autograd.
public struct NeuralBigram: Module {
  /// The weights `W`, one row per token.
  public let weights: [[Value]]

  /// Weights from `torch.randn((27, 27), generator=g)`.
  public init(using generator: inout TorchGenerator) {
    let n = Vocabulary.lecture.count
    let draws = generator.randn(n * n)
    weights = (0..<n).map { i in (0..<n).map { j in Value(Double(draws[i * n + j])) } }
  }

  /// Every weight, row by row: what gradient descent moves.
  public func parameters() -> [Value] {
    Array(weights.joined())
  }

  /// The average negative log likelihood of the bigrams of `words`, plus
  /// `regularization * mean(W**2)` (the lecture's 0.01 when training).
  ///
  /// A one-hot input times `W` is a row of `W`, so the logits of token `i`
  /// are `W[i]`, as the lecture's `xenc @ W` gives them. This builds a
  /// node for every bigram; for a whole data set use ``loss(counts:regularization:)``.
  public func loss(_ words: Words, regularization: Double = 0) -> Value {
    var terms: [Value] = []
    for word in words.words {
      for (x, y) in BigramCounts.bigrams(of: word) {
        let counts = weights[x].map { $0.exp() }
        let probability = counts[y] / counts.sum()
        terms.append(-probability.log())
      }
    }
    return regularized(terms.sum() / Double(terms.count), regularization)
  }

  /// `loss + regularization * mean(W**2)`; `loss` itself when
  /// `regularization` is 0.
  func regularized(_ loss: Value, _ regularization: Double) -> Value {
    guard regularization != 0 else { return loss }
    let squares = parameters().map { $0 ** 2 }
    return loss + regularization * (squares.sum() / Double(squares.count))
  }
}
