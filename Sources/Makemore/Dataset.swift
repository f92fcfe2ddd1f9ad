/// The words split as the notebook splits them: shuffled with Python's
/// `random.seed(seed)`, then the first 80% to train on, the next 10% to
/// tune with (dev) and the last 10% to test on.
public struct WordSplit: Sendable {
  /// The words to train on (`words[:n1]`, n1 = int(0.8 * count)).
  public let train: [String]
  /// The words to tune with (`words[n1:n2]`, n2 = int(0.9 * count)).
  public let dev: [String]
  /// The words to test on (`words[n2:]`).
  public let test: [String]

  /// Splits `words` as `random.seed(seed); random.shuffle(words)` and the
  /// notebook's `n1`, `n2` do: 25,626 / 3,203 / 3,204 for names.txt.
  public init(_ words: [String], seed: UInt64 = 42) {
    var shuffled = words
    var random = PythonRandom(seed: seed)
    random.shuffle(&shuffled)
    let n1 = Int(0.8 * Double(words.count))
    let n2 = Int(0.9 * Double(words.count))
    train = Array(shuffled[..<n1])
    dev = Array(shuffled[n1..<n2])
    test = Array(shuffled[n2...])
  }
}

/// The examples of a word list for a model that sees `blockSize`
/// characters: the lecture's `X` (contexts) and `Y` (next characters).
///
/// For each word the context starts as `[0, 0, 0]` (`...`); for each
/// character of the word and then the closing `.`, the pair (context,
/// character) is an example and the context shifts left by one:
/// `emma` gives `... → e`, `..e → m`, `.em → m`, `emm → a`, `mma → .`.
public struct Dataset: Sendable {
  /// How many characters each context has.
  public let blockSize: Int
  /// The contexts, `blockSize` token indices per example, one after another.
  public let X: [Int]
  /// The next token of each example.
  public let Y: [Int]

  /// Builds the examples of `words` (`build_dataset` in the notebook).
  ///
  /// - Precondition: `blockSize >= 1` and every word's characters are in
  ///   the ``Vocabulary`` (as ``Words`` guarantees).
  public init(_ words: [String], blockSize: Int) {
    precondition(blockSize >= 1, "the block size must be at least 1, got \(blockSize)")
    self.blockSize = blockSize
    var X: [Int] = []
    var Y: [Int] = []
    for word in words {
      var context = [Int](repeating: 0, count: blockSize)
      for character in word + "." {
        guard let ix = Vocabulary.lecture.index(of: character) else {
          preconditionFailure("\"\(character)\" in \"\(word)\" is not in the vocabulary")
        }
        X += context
        Y.append(ix)
        context = context.dropFirst() + [ix]
      }
    }
    self.X = X
    self.Y = Y
  }

  /// The number of examples.
  public var count: Int { Y.count }

  /// The context of example `i`.
  public func context(_ i: Int) -> ArraySlice<Int> {
    X[i * blockSize..<(i + 1) * blockSize]
  }
}
