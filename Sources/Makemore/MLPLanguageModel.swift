import Micrograd

/// The sizes of an ``MLPLanguageModel``.
public struct MLPConfiguration: Hashable, Sendable, Codable {
  /// How many characters the model sees before the one it predicts (3 in
  /// the lecture).
  public var blockSize: Int
  /// The size of each character's embedding, a row of `C` (10).
  public var embeddingSize: Int
  /// The number of tanh neurons in the hidden layer (200).
  public var hiddenSize: Int
  /// The number of tokens: 27, the lecture's ``Vocabulary``.
  public var vocabularySize: Int { Vocabulary.lecture.count }

  /// The lecture's model: block 3, embeddings of 10, 200 hidden neurons.
  public init(blockSize: Int = 3, embeddingSize: Int = 10, hiddenSize: Int = 200) {
    self.blockSize = blockSize
    self.embeddingSize = embeddingSize
    self.hiddenSize = hiddenSize
  }

  /// The hidden layer's number of inputs: `blockSize * embeddingSize` (30).
  public var inputSize: Int { blockSize * embeddingSize }

  /// The number of parameters: 11,897 for the lecture's model.
  public var parameterCount: Int {
    vocabularySize * embeddingSize + inputSize * hiddenSize + hiddenSize
      + hiddenSize * vocabularySize + vocabularySize
  }

  /// The most parameters a model may have: ten million `Value`s are
  /// about a gigabyte.
  public static let maxParameterCount = 10_000_000

  /// About how many graph nodes one example's loss builds: three per
  /// hidden neuron (dot, bias, tanh), and a few per output.
  public var nodesPerExample: Int { 3 * hiddenSize + 5 * vocabularySize + 5 }

  /// Checks that these sizes can be used.
  ///
  /// Every size must be at least 1, and the hidden layer at least 16
  /// wide: `randn` reproduces PyTorch for 16 values or more, and `b1`
  /// has `hiddenSize`. The model may have at most ``maxParameterCount``
  /// parameters.
  ///
  /// - Throws: The first of ``ConfigurationError/blockSize(_:)``,
  ///   ``ConfigurationError/embeddingSize(_:)``,
  ///   ``ConfigurationError/hiddenSize(_:)`` and
  ///   ``ConfigurationError/tooManyParameters(_:)`` that applies.
  public func validate() throws(ConfigurationError) {
    guard (1...64).contains(blockSize) else { throw .blockSize(blockSize) }
    guard (1...1_000).contains(embeddingSize) else { throw .embeddingSize(embeddingSize) }
    guard (16...10_000).contains(hiddenSize) else { throw .hiddenSize(hiddenSize) }
    guard parameterCount <= Self.maxParameterCount else { throw .tooManyParameters(parameterCount) }
  }
}

/// The MLP language model of Bengio et al. (2003), as makemore part 2
/// builds it: each character of the context looks up its embedding in
/// `C`, the embeddings side by side go through a tanh layer (`W1`, `b1`),
/// and a linear layer (`W2`, `b2`) gives the next character's logits.
///
/// Every parameter is a Micrograd `Value`, and training uses the engine's
/// `backward()`: each neuron's `w · x` is one `dot` node.
public struct MLPLanguageModel: Module {
  /// The model's sizes.
  public let configuration: MLPConfiguration
  /// The embedding table: one row of `embeddingSize` values per token.
  public let C: [[Value]]
  /// The hidden layer's weights, one row per hidden neuron: row `j` is
  /// column `j` of the lecture's `W1` (`inputSize` × `hiddenSize`).
  public let W1: [[Value]]
  /// The hidden layer's biases.
  public let b1: [Value]
  /// The output layer's weights, one row per token: row `k` is column `k`
  /// of the lecture's `W2` (`hiddenSize` × `vocabularySize`).
  public let W2: [[Value]]
  /// The output layer's biases.
  public let b2: [Value]

  /// ``parameters()``, gathered once.
  private let allParameters: [Value]

  /// Every parameter: `C`, `W1`, `b1`, `W2`, `b2`, each in the lecture's
  /// row-major order.
  public func parameters() -> [Value] { allParameters }

  /// Parameters drawn as the lecture draws them, `randn` after `randn`
  /// from one generator: `C`, `W1`, `b1`, `W2`, `b2`.
  ///
  /// - Throws: ``ConfigurationError`` when the sizes cannot be used (see
  ///   ``MLPConfiguration/validate()``); nothing is drawn then.
  public init(
    _ configuration: MLPConfiguration = MLPConfiguration(), using generator: inout TorchGenerator
  ) throws(ConfigurationError) {
    try configuration.validate()
    let n = configuration
    let c = generator.randn(n.vocabularySize * n.embeddingSize).map(Double.init)
    let w1 = generator.randn(n.inputSize * n.hiddenSize).map(Double.init)
    let b1 = generator.randn(n.hiddenSize).map(Double.init)
    let w2 = generator.randn(n.hiddenSize * n.vocabularySize).map(Double.init)
    let b2 = generator.randn(n.vocabularySize).map(Double.init)
    self.init(
      configuration, C: Self.rows(c, n.embeddingSize), W1: Self.columns(w1, n.hiddenSize), b1: b1,
      W2: Self.columns(w2, n.vocabularySize), b2: b2)
  }

  /// A model with the given numbers, `W1` and `W2` as rows per neuron.
  init(_ configuration: MLPConfiguration, C: [[Double]], W1: [[Double]], b1: [Double], W2: [[Double]], b2: [Double]) {
    self.configuration = configuration
    self.C = C.map { $0.map { Value($0) } }
    self.W1 = W1.map { $0.map { Value($0) } }
    self.b1 = b1.map { Value($0) }
    self.W2 = W2.map { $0.map { Value($0) } }
    self.b2 = b2.map { Value($0) }
    // The lecture's order: W1 and W2 row-major in their (inputs, neurons) shape.
    var parameters: [Value] = Array(self.C.joined())
    parameters += Self.transposed(self.W1).joined()
    parameters += self.b1
    parameters += Self.transposed(self.W2).joined()
    parameters += self.b2
    allParameters = parameters
  }

  /// `flat` as rows of `width`.
  static func rows(_ flat: [Double], _ width: Int) -> [[Double]] {
    stride(from: 0, to: flat.count, by: width).map { Array(flat[$0..<$0 + width]) }
  }

  /// The columns of the row-major matrix `flat` with `width` columns.
  static func columns(_ flat: [Double], _ width: Int) -> [[Double]] {
    (0..<width).map { j in stride(from: j, to: flat.count, by: width).map { flat[$0] } }
  }

  static func transposed<T>(_ rows: [[T]]) -> [[T]] {
    guard let width = rows.first?.count else { return [] }
    return (0..<width).map { j in rows.map { $0[j] } }
  }

  // MARK: - The graph, for training

  /// The logits of the next token after `context`, as graph nodes:
  /// `tanh(emb @ W1 + b1) @ W2 + b2`.
  public func logits(_ context: some Collection<Int>) -> [Value] {
    logits(embedded: context.flatMap { C[$0] })
  }

  /// The logits from the context's embeddings side by side (`emb`, the
  /// rows of `C` one after another).
  func logits(embedded emb: [Value]) -> [Value] {
    let h = zip(Value.dot(W1, emb), b1).map { ($0 + $1).tanh() }
    return zip(Value.dot(W2, h), b2).map { $0 + $1 }
  }

  /// The cross-entropy of the examples `batch` of `data`: the mean of
  /// `-log softmax(logits)[y]`, as a graph to call `backward()` on.
  ///
  /// Each example's term is `log(Σ exp(l - m)) - (l[y] - m)`, with `m` the
  /// largest logit's data (a constant), as `F.cross_entropy` computes it
  /// so that `exp` cannot overflow.
  public func loss(_ batch: some Collection<Int>, in data: Dataset) -> Value {
    var terms: [Value] = []
    terms.reserveCapacity(batch.count)
    for i in batch {
      let logits = logits(data.context(i))
      let m = logits.map(\.data).max()!
      let shifted = logits.map { $0 - m }
      terms.append(Value.sumNode(shifted.map { $0.exp() }).log() - shifted[data.Y[i]])
    }
    return Value.sumNode(terms) / Double(batch.count)
  }
}
