import Micrograd

/// Why an ``MLPConfiguration`` or a ``TrainingSchedule`` cannot be used:
/// what ``MLPLanguageModel/init(_:using:)`` and
/// ``MLPLanguageModel/train(on:schedule:engine:using:progress:)`` throw, and what
/// the `validate` methods say before either runs.
///
/// ```swift
/// do {
///   try MLPLanguageModel.validate(MLPConfiguration(hiddenSize: 8), TrainingSchedule())
/// } catch {
///   print(error)  // the hidden size must be 16 to 10000, got 8
/// }
/// ```
public enum ConfigurationError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The block size is not 1 to 64.
  case blockSize(Int)
  /// The embedding size is not 1 to 1,000.
  case embeddingSize(Int)
  /// The hidden size is not 16 to 10,000: `randn` reproduces PyTorch for
  /// 16 values or more, and `b1` has `hiddenSize`.
  case hiddenSize(Int)
  /// The model would have this many parameters, more than
  /// ``MLPConfiguration/maxParameterCount``.
  case tooManyParameters(Int)
  /// The number of steps is negative.
  case negativeSteps(Int)
  /// The batch size is below 1.
  case batchSizeTooSmall(Int)
  /// The batch size is above 1,000,000.
  case batchSizeTooLarge(Int)
  /// A learning rate is NaN or infinite.
  case learningRateNotFinite
  /// The decay step is negative or past the last step (`steps`: the
  /// rate never decays).
  case decayStep(Int, steps: Int)
  /// One step would build about this many graph nodes, more than
  /// ``TrainingSchedule/maxNodesPerStep``.
  case tooManyNodesPerStep(Int)
  /// The training step could not be compiled (``TrainingEngine/compiled``).
  case notCompiled(CompiledGraphError)

  /// What is wrong, and what the bound is, in one line.
  public var description: String {
    switch self {
    case .blockSize(let size): "the block size must be 1 to 64, got \(size)"
    case .embeddingSize(let size): "the embedding size must be 1 to 1000, got \(size)"
    case .hiddenSize(let size): "the hidden size must be 16 to 10000, got \(size)"
    case .tooManyParameters(let count):
      "the model would have \(count) parameters; at most \(MLPConfiguration.maxParameterCount) are allowed "
        + "(lower the block, embedding or hidden size)"
    case .negativeSteps(let steps): "the number of steps must not be negative, got \(steps)"
    case .batchSizeTooSmall(let size): "the batch size must be at least 1, got \(size)"
    case .batchSizeTooLarge(let size): "the batch size must be at most 1000000, got \(size)"
    case .learningRateNotFinite: "the learning rates must be finite numbers"
    case .decayStep(let step, let steps): "the decay step must be 0 to the number of steps (\(steps)), got \(step)"
    case .tooManyNodesPerStep(let nodes):
      "a step would build about \(nodes) graph nodes (batch size × nodes per example); "
        + "at most \(TrainingSchedule.maxNodesPerStep) are allowed (lower the batch or hidden size)"
    case .notCompiled(let error): "the training step could not be compiled: \(error)"
    }
  }
}
