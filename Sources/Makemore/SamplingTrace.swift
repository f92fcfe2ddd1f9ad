/// One character a model drew, and why: what it saw, the probabilities of
/// the 27 tokens it drew from, and the uniform number that picked one.
public struct CharacterDraw: Sendable, Equatable {
  /// The tokens the model saw (`.` is 0): the one before for the bigram,
  /// the last `blockSize` for the MLP (`...` at a word's start).
  public let context: [Int]
  /// The next token's probabilities: the float32 weights `multinomial` was
  /// given (the bigram's row of `P`, or the MLP's `exp(logit - max)`),
  /// each divided by their sum, in float64.
  public let probabilities: [Double]
  /// The float64 uniform `multinomial` drew: the token is the first whose
  /// running sum of probabilities reaches it.
  public let uniform: Double
  /// The token drawn.
  public let index: Int

  init(context: [Int], weights: [Float], uniform: Double, index: Int) {
    self.context = context
    let total = weights.reduce(0.0) { $0 + Double($1) }
    probabilities = weights.map { Double($0) / total }
    self.uniform = uniform
    self.index = index
  }
}

/// Names drawn from a model with a seeded ``TorchGenerator``, character by
/// character, with every draw's context, probabilities and uniform: what a
/// sampling page (Figures' `SamplingPage`) shows.
///
/// The draws are exactly those of the model's `sample(using:)` from a
/// generator seeded with ``seed``: the lecture's seed gives the lecture's
/// names.
///
/// ```swift
/// let trace = BigramCounts(words).trace(names: 5)   // seed 2147483647
/// trace.names                                       // ["mor.", "axx.", "minaymoryles.", ...]
/// trace.words[0][0].probabilities[13]               // P[.][m], 0.0792
/// ```
public struct SamplingTrace: Sendable, Equatable {
  /// The model that drew, with the numbers a page needs to draw again
  /// from another seed.
  public enum Model: Sendable, Equatable {
    /// The bigram counts' float32 probabilities `P`, row by row.
    case bigram(probabilities: [[Float]])
    /// The MLP language model's weights.
    case mlp(MLPWeights)
  }

  /// The model that drew.
  public let model: Model
  /// The generator's seed (`torch.Generator().manual_seed(seed)`).
  public let seed: UInt64
  /// Each name's draws, in order; a name ends with the draw of `.`.
  public let words: [[CharacterDraw]]

  /// The names, each with its closing `.`.
  public var names: [String] {
    words.map { String($0.map { Vocabulary.lecture.token(at: $0.index) }) }
  }

  /// How many tokens the model sees: 1 for the bigram, `blockSize` for the MLP.
  public var blockSize: Int {
    switch model {
    case .bigram: 1
    case .mlp(let weights): weights.configuration.blockSize
    }
  }
}

/// Draws one word: from a context of `blockSize` dots, the next token by
/// `multinomial` over `weights(context)`, shifted into the context, until
/// `.` or `maxLength` tokens.
func drawWord(
  blockSize: Int, maxLength: Int = 100, using generator: inout TorchGenerator,
  _ weights: ([Int]) throws -> [Float]
) rethrows -> [CharacterDraw] {
  var context = [Int](repeating: 0, count: blockSize)
  var draws: [CharacterDraw] = []
  for _ in 0..<maxLength {
    let w = try weights(context)
    let (index, uniform) = generator.multinomialDraw(w)
    draws.append(CharacterDraw(context: context, weights: w, uniform: uniform, index: index))
    if index == 0 { break }
    context = Array(context.dropFirst()) + [index]
  }
  return draws
}

extension BigramCounts {
  /// `count` names drawn as ``sample(smoothing:using:)`` draws them from a
  /// generator seeded with `seed`, with every draw's probabilities.
  ///
  /// - Parameters:
  ///   - count: How many names.
  ///   - seed: The generator's seed; the lecture's 2147483647 by default.
  ///   - smoothing: Added to every count before normalising.
  public func trace(names count: Int, seed: UInt64 = 2_147_483_647, smoothing: Int = 1) -> SamplingTrace {
    let p = floatProbabilities(smoothing: smoothing)
    var generator = TorchGenerator(seed: seed)
    let words = (0..<count).map { _ in drawWord(blockSize: 1, using: &generator) { p[$0[0]] } }
    return SamplingTrace(model: .bigram(probabilities: p), seed: seed, words: words)
  }
}

extension MLPWeights {
  /// `count` names drawn as ``sample(using:maxLength:)`` draws them from a
  /// generator seeded with `seed`, with every draw's context and
  /// probabilities.
  ///
  /// - Parameters:
  ///   - count: How many names.
  ///   - seed: The generator's seed; the lecture's 2147483647 + 10 by default.
  ///   - maxLength: A bound on each name's length.
  /// - Throws: ``MakemoreError/notFinite(_:)`` when the logits are NaN or
  ///   infinite.
  public func trace(names count: Int, seed: UInt64 = 2_147_483_657, maxLength: Int = 100) throws -> SamplingTrace {
    var generator = TorchGenerator(seed: seed)
    var words: [[CharacterDraw]] = []
    for _ in 0..<count {
      words.append(try drawWord(blockSize: configuration.blockSize, maxLength: maxLength, using: &generator, weights))
    }
    return SamplingTrace(model: .mlp(self), seed: seed, words: words)
  }
}
