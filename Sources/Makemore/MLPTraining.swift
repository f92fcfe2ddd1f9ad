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

  /// What is wrong with the schedule, or `nil` when it can be used.
  public var problem: String? {
    if steps < 0 { return "the number of steps must not be negative, got \(steps)" }
    if batchSize < 1 { return "the batch size must be at least 1, got \(batchSize)" }
    if batchSize > 1_000_000 { return "the batch size must be at most 1000000, got \(batchSize)" }
    if !learningRate.isFinite || !decayedLearningRate.isFinite { return "the learning rates must be finite numbers" }
    return nil
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

  /// What is wrong with training this model on this schedule, or `nil`:
  /// each problem's own, or a step graph of more than
  /// ``TrainingSchedule/maxNodesPerStep`` nodes.
  public static func problem(_ configuration: MLPConfiguration, _ schedule: TrainingSchedule) -> String? {
    if let problem = configuration.problem ?? schedule.problem { return problem }
    let nodes = configuration.nodesPerExample * schedule.batchSize
    if nodes > TrainingSchedule.maxNodesPerStep {
      return "a step would build about \(nodes) graph nodes (batch size × nodes per example); "
        + "at most \(TrainingSchedule.maxNodesPerStep) are allowed (lower the batch or hidden size)"
    }
    return nil
  }

  /// Trains on `data` for `schedule.steps` steps, calling `progress` after
  /// each; `progress` returns `false` to stop early. Training also stops
  /// after a step whose loss is NaN or infinite (a learning rate too high
  /// for the model): the returned losses then end with it.
  ///
  /// - Returns: Every step's minibatch loss, in order.
  @discardableResult
  public func train(
    on data: Dataset, schedule: TrainingSchedule, using generator: inout TorchGenerator,
    progress: (TrainingStep) -> Bool = { _ in true }
  ) -> [Double] {
    precondition(schedule.problem == nil, schedule.problem ?? "")
    var losses: [Double] = []
    losses.reserveCapacity(min(schedule.steps, 1_000_000))
    for step in 0..<schedule.steps {
      let rate = schedule.learningRate(at: step)
      let loss = trainingStep(on: data, batchSize: schedule.batchSize, learningRate: rate, using: &generator)
      losses.append(loss)
      if !progress(TrainingStep(step: step, loss: loss, learningRate: rate)) || !loss.isFinite { break }
    }
    return losses
  }
}
