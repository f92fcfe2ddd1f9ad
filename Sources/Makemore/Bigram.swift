import Foundation

/// The bigram language model by counting: how often each token follows
/// each other one, over every word with `.` before and after it.
public struct BigramCounts: Sendable {
  /// The tokens: the lecture's, the only ``Vocabulary``.
  public var vocabulary: Vocabulary { .lecture }
  /// `counts[i][j]`: how often token `j` follows token `i` (the lecture's `N`).
  public let counts: [[Int]]

  /// Counts the bigrams of `words` (`.emma.` gives `.e em mm ma a.`).
  public init(_ words: Words) {
    let vocabulary = Vocabulary.lecture
    var counts = [[Int]](repeating: [Int](repeating: 0, count: vocabulary.count), count: vocabulary.count)
    for word in words.words {
      for (a, b) in Self.bigrams(of: word) {
        counts[a][b] += 1
      }
    }
    self.counts = counts
  }

  /// The index pairs of `word` with its start and end marks.
  static func bigrams(of word: String) -> [(Int, Int)] {
    let indices = [0] + word.map { Vocabulary.lecture.index(of: $0)! } + [0]
    return zip(indices, indices.dropFirst()).map { ($0, $1) }
  }

  /// The count of the bigram `ab` (`count("a", ".")`).
  public func count(_ a: Character, _ b: Character) -> Int {
    counts[vocabulary.index(of: a)!][vocabulary.index(of: b)!]
  }

  /// Each row normalised after adding `smoothing` to every count (the
  /// lecture's `P = (N + 1).float(); P /= P.sum(1, keepdim=True)`), in
  /// float64.
  public func probabilities(smoothing: Int = 1) -> [[Double]] {
    counts.map { row in
      let total = Double(row.reduce(0, +) + smoothing * row.count)
      return row.map { Double($0 + smoothing) / total }
    }
  }

  /// The same in float32, as the lecture's tensors hold them (for sampling).
  public func floatProbabilities(smoothing: Int = 1) -> [[Float]] {
    counts.map { row in
      let weights = row.map { Float($0 + smoothing) }
      let total = weights.reduce(0, +)
      return weights.map { $0 / total }
    }
  }

  /// The average negative log likelihood of every bigram of `words` under
  /// the model with `smoothing`, in float64: the lecture's loss.
  ///
  /// - Throws: ``MakemoreError/unknownCharacter(path:line:character:word:)``
  ///   (path "") for a word outside the vocabulary.
  public func negativeLogLikelihood(of words: [String], smoothing: Int = 1) throws -> Double {
    let p = probabilities(smoothing: smoothing)
    var total = 0.0
    var n = 0
    for (line, word) in words.enumerated() {
      if let bad = word.first(where: Vocabulary.isNotInWords) {
        throw MakemoreError.unknownCharacter(path: "", line: line + 1, character: bad, word: word)
      }
      for (a, b) in Self.bigrams(of: word) {
        total -= Foundation.log(p[a][b])
        n += 1
      }
    }
    return total / Double(n)
  }

  /// Samples a word as the lecture does: from `.`, draw the next token
  /// from the float32 probabilities with `multinomial`, until `.`. Returns
  /// the word with its closing `.` (`"mor."`).
  public func sample(smoothing: Int = 1, using generator: inout TorchGenerator) -> String {
    sampleWord(floatProbabilities(smoothing: smoothing), using: &generator)
  }
}

/// A word drawn as the lecture draws it from a bigram model: from `.`,
/// the next token by `multinomial` over row `p[index]` of the float32
/// probabilities, until `.`. Returns the word with its closing `.`.
func sampleWord(_ p: [[Float]], using generator: inout TorchGenerator) -> String {
  let draws = drawWord(blockSize: 1, maxLength: .max, using: &generator) { p[$0[0]] }
  return String(draws.map { Vocabulary.lecture.token(at: $0.index) })
}
