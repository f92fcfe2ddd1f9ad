import Micrograd

/// A benchmark workload: builds a graph (forward), differentiates it
/// (backward) and hands back the root, the only reference to the graph, so
/// that dropping it measures freeing.
protocol Workload {
  /// The row's name.
  var name: String { get }
  /// Builds the graph and returns its root.
  mutating func forward() -> Value
  /// Backpropagates from the root (and, for training, updates the weights).
  mutating func backward(_ root: Value)
}

/// W1: one training step of micrograd's moons demo: MLP(2, [16, 16, 1]),
/// ReLU hidden layers, linear output, SVM max-margin loss plus
/// `1e-4 * sum(p*p)`, full batch of 100 points, SGD.
struct MoonsStep: Workload {
  let name = "W1 moons"
  let data: Moons
  let model: MLP
  var step = 0

  init(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    data = Moons(count: 100, noise: 0.1, using: &rng)
    model = MLP(2, [16, 16, 1], activation: .relu, outputActivation: .linear, using: &rng)
  }

  func forward() -> Value {
    let inputs = data.points.map { row in row.map { Value($0) } }
    let scores = inputs.map { model($0)[0] }
    let dataLoss = svmMaxMarginLoss(scores, data.labels)
    let regLoss = l2Regularization(model.parameters(), alpha: 1e-4)
    return dataLoss + regLoss
  }

  mutating func backward(_ root: Value) {
    model.zeroGrad()
    root.backward()
    let learningRate = 1.0 - 0.9 * Double(step) / 100
    SGD(learningRate: learningRate).step(model)
    step += 1
  }
}

/// W2: a long chain, `x = x * 1.0001 + 0.0001` 100,000 times.
struct Chain: Workload {
  let name = "W2 chain"
  let length = 100_000

  func forward() -> Value {
    var x = Value(1.0)
    for _ in 0..<length {
      x = x * 1.0001 + 0.0001
    }
    return x
  }

  func backward(_ root: Value) { root.backward() }
}

/// W3: a wide graph, the sum of 200,000 products of pairs of leaves.
struct Wide: Workload {
  let name = "W3 wide"
  let count = 200_000
  let a: [Double]
  let b: [Double]

  init(seed: UInt64) {
    var rng = SplitMix64(seed: seed)
    a = (0..<count).map { _ in rng.uniform(-1, 1) }
    b = (0..<count).map { _ in rng.uniform(-1, 1) }
  }

  func forward() -> Value {
    zip(a, b).map { Value($0) * Value($1) }.sum()
  }

  func backward(_ root: Value) { root.backward() }
}

/// A compiled workload: a graph traced and compiled once (not timed), then
/// replayed: forward, and backward with the update. Nothing to free.
protocol CompiledWorkload {
  /// The row's name.
  var name: String { get }
  /// How many nodes the traced graph has.
  var nodes: Int { get }
  /// Runs forward and returns the root's data.
  mutating func forward() -> Double
  /// Backpropagates and updates the parameters.
  mutating func backward()
}

/// W1 compiled: the moons step of `MoonsStep`, the same data and initial
/// weights, traced once; each run sets the inputs, replays forward, zeroes
/// the gradients, replays backward and takes the SGD step.
struct CompiledMoonsStep: CompiledWorkload {
  let name = "W1 moons, compiled"
  let program: CompiledGraph
  let points: [Double]
  var step = 0
  var nodes: Int { program.nodeCount }

  init(seed: UInt64) throws {
    let eager = MoonsStep(seed: seed)
    let inputs = eager.data.points.map { row in row.map { Value($0) } }
    let scores = inputs.map { eager.model($0)[0] }
    let loss = svmMaxMarginLoss(scores, eager.data.labels) + l2Regularization(eager.model.parameters(), alpha: 1e-4)
    program = try CompiledGraph(loss, parameters: eager.model.parameters(), inputs: Array(inputs.joined()))
    points = Array(eager.data.points.joined())
  }

  func forward() -> Double {
    try! program.setInputs(points)  // as many numbers as inputs, by construction
    return program.forward()
  }

  mutating func backward() {
    program.zeroGrad()
    program.backward()
    program.step(learningRate: 1.0 - 0.9 * Double(step) / 100)
    step += 1
  }
}
