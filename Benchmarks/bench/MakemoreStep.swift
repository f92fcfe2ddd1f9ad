import Foundation
import Makemore
import Micrograd

/// W4: one training step of makemore's MLP (block 3, C 27x10, 200 tanh
/// neurons, 11,897 parameters) on a minibatch of 32 names examples:
/// the loss graph, zeroing the gradients, backward and the SGD update.
///
/// With `chains: true` each neuron's `w · x` is built as micrograd's
/// Neuron builds it, a chain of `*` and `+` nodes, instead of one `dot`
/// node: the same numbers, to show what the dot nodes are worth.
struct MakemoreStep: Workload {
  let name: String
  let model: MLPLanguageModel
  let data: Dataset
  let chains: Bool
  var generator = TorchGenerator(seed: 42)

  /// - Throws: `TooFewWords` when the training split has no examples.
  init(names: Words, chains: Bool) throws {
    name = chains ? "W4 makemore, chains" : "W4 makemore"
    var g = TorchGenerator(seed: 2_147_483_647)
    model = try MLPLanguageModel(using: &g)
    data = Dataset(WordSplit(names.words).train, blockSize: 3)
    guard data.count > 0 else { throw TooFewWords() }
    self.chains = chains
  }

  mutating func forward() -> Value {
    let batch = (0..<32).map { _ in generator.randint(data.count) }
    return chains ? chainLoss(batch) : model.loss(batch, in: data)
  }

  mutating func backward(_ root: Value) {
    model.zeroGrad()
    root.backward()
    SGD(learningRate: 0.1).step(model)
  }

  /// The names file gave no training examples.
  struct TooFewWords: Error, CustomStringConvertible {
    var description: String { "the names file has too few words for a training split" }
  }

  /// `model.loss(batch, in: data)` with every dot product as a chain.
  func chainLoss(_ batch: [Int]) -> Value {
    func layer(_ rows: [[Value]], _ biases: [Value], _ x: [Value]) -> [Value] {
      zip(rows, biases).map { w, b in
        var act = b
        for (wi, xi) in zip(w, x) { act = act + wi * xi }
        return act
      }
    }
    var terms: [Value] = []
    for i in batch {
      let emb = data.context(i).flatMap { model.C[$0] }
      let h = layer(model.W1, model.b1, emb).map { $0.tanh() }
      let logits = layer(model.W2, model.b2, h)
      let m = logits.map(\.data).max()!
      let shifted = logits.map { $0 - m }
      terms.append(Value.sumNode(shifted.map { $0.exp() }).log() - shifted[data.Y[i]])
    }
    return Value.sumNode(terms) / Double(batch.count)
  }
}

/// W4 compiled: the makemore step of `MakemoreStep` (the same model and
/// minibatches) compiled once; each run binds the minibatch and replays
/// forward, then backward and the SGD update.
struct CompiledMakemoreStep: CompiledWorkload {
  let name = "W4 makemore, compiled"
  let step: CompiledTrainingStep
  let data: Dataset
  var generator = TorchGenerator(seed: 42)
  var nodes: Int { step.program.nodeCount }

  init(names: Words) throws {
    let eager = try MakemoreStep(names: names, chains: false)
    step = try CompiledTrainingStep(eager.model, batchSize: 32)
    data = eager.data
  }

  mutating func forward() -> Double {
    let batch = (0..<32).map { _ in generator.randint(data.count) }
    step.bind(batch, in: data)
    return step.program.forward()
  }

  func backward() {
    step.program.zeroGrad()
    step.program.backward()
    step.program.step(learningRate: 0.1)
  }
}
