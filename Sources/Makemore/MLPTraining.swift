import Micrograd

/// How to train an ``MLPLanguageModel``: minibatch SGD with one step down
/// of the learning rate, as the lecture trains it.
public struct TrainingSchedule: Hashable, Sendable {
  /// How many steps (minibatches) to take.
  public var steps: Int
  /// Examples per minibatch, drawn with replacement.
  public var batchSize: Int
  /// The learning rate before ``decayStep``.
  public var learningRate: Double
  /// The learning rate from ``decayStep`` on.
  public var decayedLearningRate: Double
  /// The first step (counting from 0) that uses ``decayedLearningRate``.
  public var decayStep: Int

  /// The lecture's long run: 200,000 steps of 32, lr 0.1 then 0.01 from
  /// step 100,000.
  public init(
    steps: Int = 200_000, batchSize: Int = 32, learningRate: Double = 0.1,
    decayedLearningRate: Double = 0.01, decayStep: Int? = nil
  ) {
    self.steps = steps
    self.batchSize = batchSize
    self.learningRate = learningRate
    self.decayedLearningRate = decayedLearningRate
    self.decayStep = decayStep ?? steps / 2
  }

  /// The learning rate at `step`.
  public func learningRate(at step: Int) -> Double {
    step < decayStep ? learningRate : decayedLearningRate
  }

  /// The most graph nodes one step may build (about 3 GB of nodes).
  public static let maxNodesPerStep = 20_000_000

  /// Checks that the schedule can be used: no negative steps, a batch
  /// size of 1 to 1,000,000, finite learning rates.
  ///
  /// - Throws: The first of ``ConfigurationError/negativeSteps(_:)``,
  ///   ``ConfigurationError/batchSizeTooSmall(_:)``,
  ///   ``ConfigurationError/batchSizeTooLarge(_:)`` and
  ///   ``ConfigurationError/learningRateNotFinite`` that applies.
  public func validate() throws(ConfigurationError) {
    guard steps >= 0 else { throw .negativeSteps(steps) }
    guard batchSize >= 1 else { throw .batchSizeTooSmall(batchSize) }
    guard batchSize <= 1_000_000 else { throw .batchSizeTooLarge(batchSize) }
    guard learningRate.isFinite, decayedLearningRate.isFinite else { throw .learningRateNotFinite }
    guard (0...steps).contains(decayStep) else { throw .decayStep(decayStep, steps: steps) }
  }
}

/// One training step's result, for progress reports and the loss curve.
public struct TrainingStep: Sendable {
  /// The step, counting from 0.
  public let step: Int
  /// The minibatch's loss before the update.
  public let loss: Double
  /// The learning rate used.
  public let learningRate: Double
}

extension MLPLanguageModel {
  /// One step of minibatch SGD: draw `batchSize` example indices with
  /// `randint`, build the loss graph, zero the gradients, `backward()`,
  /// and move every parameter by `-learningRate * grad`.
  ///
  /// - Returns: The minibatch's loss before the update.
  @discardableResult
  public func trainingStep(
    on data: Dataset, batchSize: Int, learningRate: Double, using generator: inout TorchGenerator
  ) -> Double {
    precondition(data.count > 0, "training needs at least one example")
    let batch = (0..<batchSize).map { _ in generator.randint(data.count) }
    let loss = loss(batch, in: data)
    zeroGrad()
    loss.backward()
    SGD(learningRate: learningRate).step(self)
    return loss.data
  }

  /// Checks that a model of `configuration` can be trained on `schedule`,
  /// before building either: each one's own checks, then that one step's
  /// graph has at most ``TrainingSchedule/maxNodesPerStep`` nodes.
  ///
  /// - Throws: The first ``ConfigurationError`` that applies, the sizes'
  ///   first, then the schedule's, then
  ///   ``ConfigurationError/tooManyNodesPerStep(_:)``.
  public static func validate(_ configuration: MLPConfiguration, _ schedule: TrainingSchedule)
    throws(ConfigurationError)
  {
    try configuration.validate()
    try schedule.validate()
    let nodes = configuration.nodesPerExample * schedule.batchSize
    guard nodes <= TrainingSchedule.maxNodesPerStep else { throw .tooManyNodesPerStep(nodes) }
  }

  /// Trains on `data` for `schedule.steps` steps, calling `progress` after
  /// each; `progress` returns `false` to stop early. Training also stops
  /// after a step whose loss is NaN or infinite (a learning rate too high
  /// for the model): the returned losses then end with it.
  ///
  /// Both engines draw the same minibatches and compute the same losses
  /// and parameters, bit for bit. The compiled engine
  /// (``CompiledTrainingStep``) holds the parameters while it trains and
  /// writes them back to the model's `Value`s when training stops.
  ///
  /// - Returns: Every step's minibatch loss, in order.
  /// - Throws: ``ConfigurationError`` when the schedule cannot be used, or
  ///   one step would be too large for this model (see
  ///   ``validate(_:_:)``); no step is taken then.
  @discardableResult
  public func train(
    on data: Dataset, schedule: TrainingSchedule, engine: TrainingEngine = .eager,
    using generator: inout TorchGenerator, progress: (TrainingStep) -> Bool = { _ in true }
  ) throws(ConfigurationError) -> [Double] {
    try Self.validate(configuration, schedule)
    let compiled =
      engine == .compiled && schedule.steps > 0
      ? try CompiledTrainingStep(self, batchSize: schedule.batchSize) : nil
    defer { compiled?.storeParameters() }
    var losses: [Double] = []
    losses.reserveCapacity(min(schedule.steps, 1_000_000))
    for step in 0..<schedule.steps {
      let rate = schedule.learningRate(at: step)
      let loss: Double
      if let compiled {
        precondition(data.count > 0, "training needs at least one example")
        let batch = (0..<schedule.batchSize).map { _ in generator.randint(data.count) }
        loss = compiled.step(batch, in: data, learningRate: rate)
      } else {
        loss = trainingStep(on: data, batchSize: schedule.batchSize, learningRate: rate, using: &generator)
      }
      losses.append(loss)
      if !progress(TrainingStep(step: step, loss: loss, learningRate: rate)) || !loss.isFinite { break }
    }
    return losses
  }
}
