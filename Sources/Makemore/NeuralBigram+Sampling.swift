import Foundation

extension NeuralBigram {
  /// The next token's probabilities after each token: each row of `W`
  /// exponentiated and normalised (softmax), in float64.
  public func probabilities() -> [[Double]] {
    weights.map { row in
      let exponentiated = row.map { Foundation.exp($0.data) }
      let sum = exponentiated.reduce(0, +)
      return exponentiated.map { $0 / sum }
    }
  }

  /// Samples a word as the lecture does with the trained network: from
  /// `.`, the logits `W[ix]`, their softmax in float32, one draw with
  /// `multinomial`, until `.`. Returns the word with its closing `.`.
  ///
  /// ```swift
  /// var g = TorchGenerator(seed: 2147483647)
  /// let names = (0..<5).map { _ in model.sample(using: &g) }
  /// ```
  public func sample(using generator: inout TorchGenerator) -> String {
    sampleWord(probabilities().map { row in row.map(Float.init) }, using: &generator)
  }
}
