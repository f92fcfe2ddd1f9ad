import Foundation

/// An ``MLPLanguageModel``'s numbers without the graph, for what needs no
/// gradients (the lecture's `torch.no_grad()`): the loss over a whole
/// split, and sampling.
///
/// The arithmetic is the graph's, operation for operation, so the loss of
/// a batch is the same number either way.
public struct MLPWeights: Sendable, Equatable {
  /// The model's sizes.
  public let configuration: MLPConfiguration
  let C: [Double]
  let W1: [Double]
  let b1: [Double]
  let W2: [Double]
  let b2: [Double]

  /// The numbers the model holds now.
  public init(_ model: MLPLanguageModel) {
    configuration = model.configuration
    C = model.C.joined().map(\.data)
    W1 = model.W1.joined().map(\.data)
    b1 = model.b1.map(\.data)
    W2 = model.W2.joined().map(\.data)
    b2 = model.b2.map(\.data)
  }

  /// The logits of the next token after `context`.
  public func logits(_ context: some Collection<Int>) -> [Double] {
    let n = configuration
    var emb: [Double] = []
    emb.reserveCapacity(n.inputSize)
    for ix in context { emb += C[ix * n.embeddingSize..<(ix + 1) * n.embeddingSize] }
    var h = [Double](repeating: 0, count: n.hiddenSize)
    for j in 0..<n.hiddenSize {
      var total = 0.0
      for i in 0..<n.inputSize { total += W1[j * n.inputSize + i] * emb[i] }
      h[j] = Foundation.tanh(total + b1[j])
    }
    return (0..<n.vocabularySize).map { k in
      var total = 0.0
      for j in 0..<n.hiddenSize { total += W2[k * n.hiddenSize + j] * h[j] }
      return total + b2[k]
    }
  }

  /// `-log softmax(logits)[y]`, computed as the graph computes it.
  static func crossEntropy(_ logits: [Double], _ y: Int) -> Double {
    let m = logits.max()!
    var total = 0.0
    for l in logits { total += Foundation.exp(l - m) }
    return Foundation.log(total) - (logits[y] - m)
  }

  /// The mean cross-entropy of the examples `batch` of `data`: the same
  /// number as ``MLPLanguageModel/loss(_:in:)``'s data.
  public func loss(_ batch: some Collection<Int>, in data: Dataset) -> Double {
    var total = 0.0
    for i in batch { total += Self.crossEntropy(logits(data.context(i)), data.Y[i]) }
    return total * Foundation.pow(Double(batch.count), -1)
  }

  /// The mean cross-entropy over every example of `data` (the lecture's
  /// train and dev loss).
  public func loss(on data: Dataset) -> Double {
    loss(0..<data.count, in: data)
  }

  /// Samples a word as the lecture does: from the context `...`, draw the
  /// next token from the float32 softmax with `multinomial`, shift it into
  /// the context, until `.`. Returns the word with its closing `.`.
  ///
  /// - Parameters:
  ///   - generator: Where the draws come from (the lecture seeds it with
  ///     2147483647 + 10).
  ///   - maxLength: A bound on the word's length, so that a model that
  ///     never gives `.` cannot loop forever: a word cut there has
  ///     `maxLength` characters and no closing `.`.
  /// - Throws: ``MakemoreError/notFinite(_:)`` when the model's logits are
  ///   NaN or infinite (weights that training blew up, or a file's huge
  ///   numbers), which have no probabilities to sample from.
  public func sample(using generator: inout TorchGenerator, maxLength: Int = 100) throws -> String {
    let draws = try drawWord(blockSize: configuration.blockSize, maxLength: maxLength, using: &generator, weights)
    return String(draws.map { Vocabulary.lecture.token(at: $0.index) })
  }

  /// What `multinomial` draws the token after `context` from: the logits'
  /// `exp(l - max)` in float32 (their softmax, not yet normalised).
  ///
  /// - Throws: ``MakemoreError/notFinite(_:)`` when the logits are NaN or
  ///   infinite, which have no probabilities to sample from.
  func weights(_ context: [Int]) throws -> [Float] {
    let logits = logits(context)
    guard logits.allSatisfy(\.isFinite) else {
      let seen = String(context.map { Vocabulary.lecture.token(at: $0) })
      throw MakemoreError.notFinite(
        "the logits after the context \"\(seen)\" are not finite numbers, so they cannot be sampled")
    }
    let m = logits.max()!
    return logits.map { Float(Foundation.exp($0 - m)) }
  }
}
