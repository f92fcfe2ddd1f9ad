import Micrograd

/// Which engine runs training: the same losses either way, bit for bit.
public enum TrainingEngine: String, Sendable, CaseIterable {
  /// The loss graph traced once and replayed (Micrograd's `CompiledGraph`):
  /// many times faster.
  case compiled
  /// A new graph of `Value`s every step, as the lecture trains: for reading.
  case eager
}

/// makemore's training step compiled once and replayed: the graph of
/// ``MLPLanguageModel/loss(_:in:)`` for a minibatch of `batchSize`,
/// traced with stand-ins for what changes from batch to batch.
///
/// - Each number of each example's embeddings is a gather from that
///   column of `C`, bound to the context's token before each step, so
///   that its gradient goes into the right row of `C`.
/// - Each example's target logit, `shifted[Y[i]]`, is a gather from the
///   example's shifted logits.
/// - The largest logit `m`, which the eager loss reads off the graph as a
///   number, is a detached leaf, recomputed on every step.
///
/// So a step computes the same numbers as the eager step on the same
/// minibatch, bit for bit. The program holds the parameters while it
/// trains, laid out `C`, `W1`, `b1`, `W2`, `b2` with each neuron's weights
/// in one run; ``storeParameters()`` writes them back to the model's
/// `Value`s.
public final class CompiledTrainingStep {
  /// The model whose parameters the program holds.
  public let model: MLPLanguageModel
  /// The minibatch size the program was traced for.
  public let batchSize: Int
  /// The compiled loss graph; its parameters are `C`, `W1` row by row,
  /// `b1`, `W2` row by row, `b2`.
  public let program: CompiledGraph
  /// The gathers of one example's embeddings: `blockSize * embeddingSize`.
  let gathersPerExample: Int

  /// Traces and compiles the step for `model` and minibatches of
  /// `batchSize`.
  ///
  /// - Throws: ``ConfigurationError/batchSizeTooSmall(_:)``,
  ///   ``ConfigurationError/batchSizeTooLarge(_:)`` or
  ///   ``ConfigurationError/tooManyNodesPerStep(_:)`` for a batch size that
  ///   training would refuse, before anything is traced;
  ///   ``ConfigurationError/notCompiled(_:)`` if the graph cannot be
  ///   compiled (one larger than memory allows).
  public convenience init(_ model: MLPLanguageModel, batchSize: Int) throws(ConfigurationError) {
    try MLPLanguageModel.validate(model.configuration, TrainingSchedule(steps: 0, batchSize: batchSize))
    try self.init(model, batchSize: batchSize, trace: Self.trace(model, batchSize: batchSize))
  }

  /// Compiles `trace`, the graph ``trace(_:batchSize:)`` traced for
  /// `model` and `batchSize` (a test keeps it to read the graph's nodes).
  init(_ model: MLPLanguageModel, batchSize: Int, trace: TracedLoss) throws(ConfigurationError) {
    self.model = model
    self.batchSize = batchSize
    gathersPerExample = model.configuration.inputSize
    do {
      program = try CompiledGraph(
        trace.loss, parameters: trace.parameters, gathers: trace.gathers, detached: trace.detached)
    } catch {
      throw .notCompiled(error)
    }
  }

  /// The traced loss graph and the roles of its leaves (named apart from
  /// GraphRender's `Trace`, the nodes and edges of any graph).
  struct TracedLoss {
    /// The mean loss over a minibatch of stand-ins.
    let loss: Value
    /// `C`, `W1` row by row, `b1`, `W2` row by row, `b2`.
    let parameters: [Value]
    /// Each example's embedding numbers, then each example's target.
    let gathers: [CompiledGraph.Gather]
    /// Each example's negated largest logit.
    let detached: [CompiledGraph.Detached]
  }

  /// Traces ``MLPLanguageModel/loss(_:in:)`` for `model` and minibatches
  /// of `batchSize`, with gathers and detached leaves for what changes.
  static func trace(_ model: MLPLanguageModel, batchSize: Int) -> TracedLoss {
    let n = model.configuration
    let columns = (0..<n.embeddingSize).map { d in model.C.map { $0[d] } }
    var embeddingGathers: [CompiledGraph.Gather] = []
    var targetGathers: [CompiledGraph.Gather] = []
    var detached: [CompiledGraph.Detached] = []
    var terms: [Value] = []
    for _ in 0..<batchSize {
      var emb: [Value] = []
      for _ in 0..<n.blockSize {
        for d in 0..<n.embeddingSize {
          let placeholder = Value(0)
          embeddingGathers.append(.init(placeholder, from: columns[d]))
          emb.append(placeholder)
        }
      }
      // The largest logit a detached leaf, the target a gather.
      terms.append(
        CompiledGraph.crossEntropyTerm(
          model.logits(embedded: emb), detached: &detached, targets: &targetGathers))
    }
    let loss = Value.sumNode(terms) / Double(batchSize)
    let parameters =
      Array(model.C.joined()) + Array(model.W1.joined()) + model.b1
      + Array(model.W2.joined()) + model.b2
    return TracedLoss(loss: loss, parameters: parameters, gathers: embeddingGathers + targetGathers, detached: detached)
  }

  /// One step of minibatch SGD on the examples `batch` of `data`, as
  /// ``MLPLanguageModel/trainingStep(on:batchSize:learningRate:using:)``
  /// takes it: the loss, zeroing the gradients, backward, the update.
  ///
  /// - Precondition: `batch` has ``batchSize`` indices of examples of
  ///   `data`, whose block size is the model's.
  /// - Returns: The minibatch's loss before the update.
  @discardableResult
  public func step(_ batch: [Int], in data: Dataset, learningRate: Double) -> Double {
    bind(batch, in: data)
    let loss = program.forward()
    program.zeroGrad()
    program.backward()
    program.step(learningRate: learningRate)
    return loss
  }

  /// Binds the gathers to the examples `batch` of `data`: each embedding
  /// number to its token's row of `C`, each target to its logit.
  ///
  /// - Precondition: `batch` has ``batchSize`` indices of examples of
  ///   `data`, whose block size is the model's.
  public func bind(_ batch: [Int], in data: Dataset) {
    precondition(
      batch.count == batchSize, "the program was compiled for batches of \(batchSize), got \(batch.count) examples")
    precondition(
      data.blockSize == model.configuration.blockSize,
      "the data's block size is \(data.blockSize), the model's \(model.configuration.blockSize)")
    let embeddingSize = model.configuration.embeddingSize
    let targetsStart = batchSize * gathersPerExample
    do {
      for (e, i) in batch.enumerated() {
        var g = e * gathersPerExample
        for token in data.context(i) {
          try program.bind(gathers: g..<g + embeddingSize, to: token)
          g += embeddingSize
        }
        try program.bind(targetsStart + e, to: data.Y[i])
      }
    } catch {
      preconditionFailure("makemore's compiled step: \(error)")
    }
  }

  /// Writes the program's parameters back to the model's `Value`s.
  public func storeParameters() {
    do {
      try program.storeParameters()
    } catch {
      preconditionFailure("the step holds its model, so no parameter can be freed: \(error)")
    }
  }
}
