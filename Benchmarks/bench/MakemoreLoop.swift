import Foundation
import Makemore

/// `bench --makemore-loop STEPS --engine E`: the lecture's training loop
/// (block 3, embeddings of 10, 200 hidden, batches of 32, lr 0.1 then 0.01
/// half-way) as `micrograd makemore train` runs it: the same split, the
/// weights and then the minibatches from `TorchGenerator(seed:
/// 2147483647)`, each step `MLPLanguageModel.train`'s. The compiled step
/// is traced and `warmup` steps run before the clock starts.
///
/// Prints one tab-separated line, as `makemore_peers.py` does: engine,
/// steps, microseconds per step (wall clock, then the process's CPU
/// time), the last minibatch loss.
struct MakemoreLoop {
  let steps: Int
  let warmup: Int
  let engine: TrainingEngine

  func run(names: Words) throws {
    let train = Dataset(WordSplit(names.words).train, blockSize: 3)
    var generator = TorchGenerator(seed: 2_147_483_647)
    let model = try MLPLanguageModel(using: &generator)
    let compiled = engine == .compiled ? try CompiledTrainingStep(model, batchSize: 32) : nil
    func loop(_ count: Int) -> Double {
      let schedule = TrainingSchedule(steps: count)
      var loss = 0.0
      for step in 0..<count {
        let rate = schedule.learningRate(at: step)
        if let compiled {
          let batch = (0..<32).map { _ in generator.randint(train.count) }
          loss = compiled.step(batch, in: train, learningRate: rate)
        } else {
          loss = model.trainingStep(on: train, batchSize: 32, learningRate: rate, using: &generator)
        }
      }
      return loss
    }
    _ = loop(warmup)
    let start = ContinuousClock.now
    let cpu = processSeconds()
    let loss = loop(steps)
    let wall = seconds(since: start)
    let used = processSeconds() - cpu
    let name = engine == .compiled ? "swift-micrograd, compiled" : "swift-micrograd, eager"
    print(
      "\(name)\t\(steps)\t\(String(format: "%.1f", wall / Double(steps) * 1e6))"
        + "\t\(String(format: "%.1f", used / Double(steps) * 1e6))\t\(String(format: "%.4f", loss))")
  }
}

/// The CPU time this process has used, in seconds.
func processSeconds() -> Double {
  var t = timespec()
  clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &t)
  return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
}
