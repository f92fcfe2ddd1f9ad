import Foundation
import Micrograd
import TestSupport
import Testing

@testable import Makemore

/// makemore part 2: the split, the data set, the MLP and its training.
@Suite struct MLPTests {
  @Test func pythonRandomMatchesCPython() {
    // python3 -c "import random; r = random.Random(42); print([r.getrandbits(32) for _ in range(3)], r.random())"
    var random = PythonRandom(seed: 42)
    #expect(
      [random.getrandbits(32), random.getrandbits(32), random.getrandbits(32)] == [
        2_746_317_213, 478_163_327, 107_420_369,
      ])
    #expect(random.random() == 0.7415504997598329)
  }

  @Test func splitAndDatasetSizes() throws {
    let words = try Words(contentsOf: namesURL).words
    let split = WordSplit(words)
    let sizes: [Int] = [split.train.count, split.dev.count, split.test.count]
    #expect(sizes == [25_626, 3_203, 3_204])
    // random.seed(42); random.shuffle(words)
    #expect(Array(split.train.prefix(5)) == ["yuheng", "diondre", "xavien", "jori", "juanluis"])
    #expect(split.test.last == "yovani")
    for block in [3, 2] {
      let counts = [split.train, split.dev, split.test].map { Dataset($0, blockSize: block).count }
      #expect(counts == [182_625, 22_655, 22_866])
    }
    #expect(WordSplit(words, seed: 1).train != split.train)
  }

  @Test func examplesAreBuiltAsTheLectureBuildsThem() {
    let data = Dataset(["emma"], blockSize: 3)
    #expect(data.count == 5)
    #expect(
      (0..<5).map { Array(data.context($0)) } == [[0, 0, 0], [0, 0, 5], [0, 5, 13], [5, 13, 13], [13, 13, 1]])
    #expect(data.Y == [5, 13, 13, 1, 0])
    let two = Dataset(["ab"], blockSize: 2)
    #expect(two.X == [0, 0, 0, 1, 1, 2] && two.Y == [1, 2, 0])
  }

  @Test func lectureModelHas11897Parameters() throws {
    var g = TorchGenerator(seed: 2_147_483_647)
    let model = try MLPLanguageModel(using: &g)
    #expect(model.parameters().count == 11_897 && model.configuration.parameterCount == 11_897)
    #expect(model.C.count == 27 && model.C[0].count == 10)
    #expect(model.W1.count == 200 && model.W1[0].count == 30 && model.W2.count == 27 && model.W2[0].count == 200)
    // C = randn((27, 10)) comes first from the generator.
    var h = TorchGenerator(seed: 2_147_483_647)
    let c = h.randn(270)
    #expect(model.C[2][3].data == Double(c[23]))
    // W1 is (30, 200) row-major in the generator's order: W1[i][j] is neuron j's weight i.
    let w1 = h.randn(6_000)
    #expect(model.W1[7][4].data == Double(w1[4 * 200 + 7]))
  }

  /// A small model for the tests: block 3, embeddings of 2, 16 neurons.
  static func smallModel() throws -> MLPLanguageModel {
    var g = TorchGenerator(seed: 2_147_483_647)
    return try MLPLanguageModel(MLPConfiguration(blockSize: 3, embeddingSize: 2, hiddenSize: 16), using: &g)
  }

  static let words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia"]

  @Test func graphAndPlainNumbersGiveTheSameLoss() throws {
    let model = try Self.smallModel()
    let data = Dataset(Self.words, blockSize: 3)
    let batch = [0, 5, 9, 9, 20, data.count - 1]
    let graph = model.loss(batch, in: data)
    let plain = MLPWeights(model).loss(batch, in: data)
    #expect(graph.data == plain)
    // And the loss is the cross-entropy: -log softmax(logits)[y].
    let logits = MLPWeights(model).logits(data.context(5))
    let p = logits.map { Foundation.exp($0) }
    let expected = -Foundation.log(p[data.Y[5]] / p.reduce(0, +))
    #expect(abs(MLPWeights(model).loss([5], in: data) - expected) < 1e-12)
  }

  @Test func gradientsMatchCentralDifferences() throws {
    let model = try Self.smallModel()
    let data = Dataset(Self.words, blockSize: 3)
    let batch = [1, 4, 7, 30]
    let loss = model.loss(batch, in: data)
    loss.backward()
    // A weight of each kind: C (used by the batch), W1, b1, W2, b2.
    for p in [model.C[5][1], model.W1[3][2], model.b1[7], model.W2[1][9], model.b2[0]] {
      let x = p.data
      let h = 1e-6
      p.data = x + h
      let up = MLPWeights(model).loss(batch, in: data)
      p.data = x - h
      let down = MLPWeights(model).loss(batch, in: data)
      p.data = x
      let numeric = (up - down) / (2 * h)
      #expect(abs(numeric - p.grad) < 1e-6 * max(1, abs(numeric)), "analytic \(p.grad), numeric \(numeric)")
    }
  }

  @Test func shortTrainingLowersTheLoss() throws {
    let model = try Self.smallModel()
    let data = Dataset(Self.words, blockSize: 3)
    let before = MLPWeights(model).loss(on: data)
    var g = TorchGenerator(seed: 1)
    let schedule = TrainingSchedule(steps: 300, batchSize: 16, learningRate: 0.1, decayedLearningRate: 0.05)
    var seen = 0
    let losses = try model.train(on: data, schedule: schedule, using: &g) { step in
      seen += 1
      #expect(step.learningRate == (step.step < 150 ? 0.1 : 0.05))
      return true
    }
    let after = MLPWeights(model).loss(on: data)
    #expect(losses.count == 300 && seen == 300)
    #expect(after < before - 1, "before \(before), after \(after)")
    // Stopping early: progress returns false.
    let stopped = try model.train(on: data, schedule: schedule, using: &g) { $0.step < 9 }
    #expect(stopped.count == 10)
  }

  /// The compiled engine and the eager one: the same minibatches, the same
  /// losses and the same parameters, bit for bit, over 50 steps (the
  /// learning rate dropping half-way), and the same early stop.
  @Test func compiledAndEagerTrainTheSame() throws {
    let data = Dataset(Self.words, blockSize: 3)
    let schedule = TrainingSchedule(steps: 50, batchSize: 8, learningRate: 0.1, decayedLearningRate: 0.05)
    var runs: [(losses: [Double], parameters: [Double])] = []
    for engine in [TrainingEngine.eager, .compiled] {
      var g = TorchGenerator(seed: 2_147_483_647)
      let model = try MLPLanguageModel(MLPConfiguration(blockSize: 3, embeddingSize: 4, hiddenSize: 16), using: &g)
      let losses = try model.train(on: data, schedule: schedule, engine: engine, using: &g)
      runs.append((losses, model.parameters().map(\.data)))
    }
    #expect(runs[0].losses.count == 50 && runs[0].losses.last! < runs[0].losses.first!)
    let sameLosses = runs[0].losses.map(\.bitPattern) == runs[1].losses.map(\.bitPattern)
    let sameParameters = runs[0].parameters.map(\.bitPattern) == runs[1].parameters.map(\.bitPattern)
    #expect(sameLosses, "first losses: \(runs[0].losses.prefix(3)) and \(runs[1].losses.prefix(3))")
    #expect(sameParameters)

    let model = try Self.smallModel()
    var g = TorchGenerator(seed: 1)
    let diverging = TrainingSchedule(steps: 50, batchSize: 8, learningRate: 1e300, decayedLearningRate: 1e300)
    let losses = try model.train(on: data, schedule: diverging, engine: .compiled, using: &g)
    #expect(losses.count < 50 && !losses.last!.isFinite && losses.dropLast().allSatisfy(\.isFinite))
  }

  /// One step at the benchmark's W4 shape (embeddings of 10, 200 hidden
  /// units, a minibatch of 32), then a second on another minibatch: every
  /// node's value and gradient of the compiled step against the eager
  /// loss graph's, and every parameter after the update, bit for bit.
  @Test func compiledStepMatchesEagerEveryNode() throws {
    let data = Dataset(Self.words, blockSize: 3)
    var g = TorchGenerator(seed: 2_147_483_647)
    let model = try MLPLanguageModel(MLPConfiguration(blockSize: 3, embeddingSize: 10, hiddenSize: 200), using: &g)
    let trace = CompiledTrainingStep.trace(model, batchSize: 32)
    let step = try CompiledTrainingStep(model, batchSize: 32, trace: trace)
    #expect(step.program.laneCount == 32)  // the examples side by side
    // The first batch repeats examples (and so rows of `C` and targets).
    let batches = [(0..<32).map { $0 % 20 }, (0..<32).map { ($0 * 11 + 5) % data.count }]
    for (round, batch) in batches.enumerated() {
      step.step(batch, in: data, learningRate: 0.1)
      let eager = model.loss(batch, in: data)
      model.zeroGrad()
      eager.backward()
      SGD(learningRate: 0.1).step(model)
      let nodes = computedNodeMismatches(eager: eager, traced: trace.loss, program: step.program)
      #expect(nodes.isEmpty, "round \(round): \(nodes.count) nodes differ, \(nodes.prefix(3))")
      let parameters = parameterMismatches(trace.parameters, program: step.program)
      #expect(parameters.isEmpty, "round \(round): \(parameters.prefix(3))")
    }
  }

  @Test func divergingTrainingStopsAndCannotBeSampled() throws {
    let model = try Self.smallModel()
    let data = Dataset(Self.words, blockSize: 3)
    var g = TorchGenerator(seed: 1)
    let schedule = TrainingSchedule(steps: 50, batchSize: 8, learningRate: 1e300, decayedLearningRate: 1e300)
    let losses = try model.train(on: data, schedule: schedule, using: &g)
    #expect(losses.count < 50 && !losses.last!.isFinite && losses.dropLast().allSatisfy(\.isFinite))
    var sampler = TorchGenerator(seed: 2)
    #expect(throws: MakemoreError.self) { try MLPWeights(model).sample(using: &sampler) }
  }

  /// Each size out of its bounds is its own error; the bounds themselves
  /// can be used.
  @Test func sizesOutOfBoundsAreTypedErrors() throws {
    #expect(throws: ConfigurationError.blockSize(0)) { try MLPConfiguration(blockSize: 0).validate() }
    #expect(throws: ConfigurationError.blockSize(65)) { try MLPConfiguration(blockSize: 65).validate() }
    #expect(throws: ConfigurationError.embeddingSize(0)) { try MLPConfiguration(embeddingSize: 0).validate() }
    #expect(throws: ConfigurationError.embeddingSize(1_001)) { try MLPConfiguration(embeddingSize: 1_001).validate() }
    #expect(throws: ConfigurationError.hiddenSize(15)) { try MLPConfiguration(hiddenSize: 15).validate() }
    #expect(throws: ConfigurationError.hiddenSize(10_001)) { try MLPConfiguration(hiddenSize: 10_001).validate() }
    let huge = MLPConfiguration(blockSize: 64, embeddingSize: 1_000, hiddenSize: 10_000)
    #expect(throws: ConfigurationError.tooManyParameters(640_307_027)) { try huge.validate() }
    try MLPConfiguration(blockSize: 1, embeddingSize: 1_000, hiddenSize: 16).validate()
    try MLPConfiguration(blockSize: 64, embeddingSize: 1, hiddenSize: 10_000).validate()
    try MLPConfiguration().validate()
  }

  /// Each schedule that cannot be used is its own error, and so is a step
  /// too large for the model; the sizes are checked first.
  @Test func schedulesThatCannotBeUsedAreTypedErrors() throws {
    #expect(throws: ConfigurationError.negativeSteps(-1)) { try TrainingSchedule(steps: -1).validate() }
    #expect(throws: ConfigurationError.batchSizeTooSmall(0)) { try TrainingSchedule(batchSize: 0).validate() }
    #expect(throws: ConfigurationError.batchSizeTooLarge(1_000_001)) {
      try TrainingSchedule(batchSize: 1_000_001).validate()
    }
    #expect(throws: ConfigurationError.learningRateNotFinite) { try TrainingSchedule(learningRate: .nan).validate() }
    #expect(throws: ConfigurationError.learningRateNotFinite) {
      try TrainingSchedule(decayedLearningRate: -.infinity).validate()
    }
    try TrainingSchedule(steps: 0, batchSize: 1_000_000).validate()
    // 740 nodes an example (3 × 200 + 5 × 27 + 5), 100,000 examples.
    let big = TrainingSchedule(steps: 1, batchSize: 100_000)
    #expect(throws: ConfigurationError.tooManyNodesPerStep(74_000_000)) {
      try MLPLanguageModel.validate(MLPConfiguration(), big)
    }
    #expect(throws: ConfigurationError.hiddenSize(8)) {
      try MLPLanguageModel.validate(MLPConfiguration(hiddenSize: 8), TrainingSchedule(steps: -1))
    }
    try MLPLanguageModel.validate(MLPConfiguration(), TrainingSchedule())
  }

  /// The messages micrograd makemore train prints for them.
  @Test func configurationErrorsSayWhatIsAllowed() {
    let messages = [
      ConfigurationError.blockSize(0): "the block size must be 1 to 64, got 0",
      .embeddingSize(1_001): "the embedding size must be 1 to 1000, got 1001",
      .hiddenSize(8): "the hidden size must be 16 to 10000, got 8",
      .tooManyParameters(640_307_027):
        "the model would have 640307027 parameters; at most 10000000 are allowed (lower the block, embedding or hidden size)",
      .negativeSteps(-1): "the number of steps must not be negative, got -1",
      .batchSizeTooSmall(0): "the batch size must be at least 1, got 0",
      .batchSizeTooLarge(1_000_001): "the batch size must be at most 1000000, got 1000001",
      .learningRateNotFinite: "the learning rates must be finite numbers",
      .tooManyNodesPerStep(74_000_000):
        "a step would build about 74000000 graph nodes (batch size × nodes per example); at most 20000000 are allowed (lower the batch or hidden size)",
    ]
    for (error, message) in messages {
      #expect(error.description == message)
    }
  }

  /// The model's initialiser and train throw instead of stopping the
  /// program, and do nothing first: no draw, no step.
  @Test func modelAndTrainingRefuseWhatCannotBeUsed() throws {
    var g = TorchGenerator(seed: 1)
    #expect(throws: ConfigurationError.hiddenSize(8)) {
      try MLPLanguageModel(MLPConfiguration(hiddenSize: 8), using: &g)
    }
    var fresh = TorchGenerator(seed: 1)
    #expect(g.randn(16) == fresh.randn(16))
    let model = try Self.smallModel()
    let before = model.parameters().map(\.data)
    let data = Dataset(Self.words, blockSize: 3)
    #expect(throws: ConfigurationError.batchSizeTooSmall(0)) {
      try model.train(on: data, schedule: TrainingSchedule(steps: 5, batchSize: 0), using: &g)
    }
    // The small model builds 188 nodes an example (3 × 16 + 5 × 27 + 5).
    #expect(throws: ConfigurationError.tooManyNodesPerStep(188_000_000)) {
      try model.train(on: data, schedule: TrainingSchedule(steps: 5, batchSize: 1_000_000), using: &g)
    }
    #expect(model.parameters().map(\.data) == before)
    #expect(g.randn(16) == fresh.randn(16))
    // The compiled step refuses the same batch sizes, before tracing.
    for (size, error) in [
      (0, ConfigurationError.batchSizeTooSmall(0)), (-3, .batchSizeTooSmall(-3)),
      (1_000_001, .batchSizeTooLarge(1_000_001)), (1_000_000, .tooManyNodesPerStep(188_000_000)),
    ] {
      #expect(throws: error) { try CompiledTrainingStep(model, batchSize: size) }
    }
  }

  @Test func samplingIsSeededAndEndsWithADot() throws {
    let weights = MLPWeights(try Self.smallModel())
    var a = TorchGenerator(seed: 2_147_483_657)
    var b = TorchGenerator(seed: 2_147_483_657)
    let first = try (0..<20).map { _ in try weights.sample(using: &a) }
    let second = try (0..<20).map { _ in try weights.sample(using: &b) }
    #expect(first == second)
    // An untrained model may not give "." within 100 characters: the word is cut there.
    #expect(first.allSatisfy { $0.hasSuffix(".") || $0.count == 100 })
    #expect(first.filter { $0.hasSuffix(".") }.count >= 10)
  }
}
