import Dispatch
import Foundation
import Makemore
import Micrograd
import Synchronization

// `bench --threads [--repeat N] [--steps S]`: issue 13's point 4, measured
// only (a prototype, not the library's training path).
//
// W4's makemore step (batch 32, the lecture's sizes, learning rate 0.1):
// (a) one CompiledTrainingStep of batch 32 on one thread;
// (b) two programs of batch 16, each over its own copy of the model (the
//     same numbers), forward + backward concurrently on two threads, then
//     the two gradient buffers summed in a fixed order (A + B) / 2 and the
//     same SGD update given to both copies. The public API has no setter
//     for a program's numbers, so the update goes through the models'
//     `Value`s and `loadParameters()`.
//
//     Swift 6: `DispatchQueue.concurrentPerform`'s closure is `@Sendable`,
//     so it cannot capture the (non-Sendable) programs. Instead a Foundation
//     Thread, kept alive across steps, builds and owns copy B; only Sendable
//     values cross (the half batch and the new parameters in, the loss and
//     B's gradients out) through a `Mutex` and two DispatchSemaphores.
//     Copy A stays on the calling thread;
// (b') the same two halves one after the other on one thread;
// (c) forward only (bind + forward): one of 32 against two of 16 at once.
// Then `steps` steps of (a) and of (b) twice, from the same model: are (b)'s
// losses the same on both runs, and how far are they from (a)'s?

/// One half (or the whole) of the minibatch: a model copy and its program.
final class ThreadsReplica {
  let step: CompiledTrainingStep
  /// The model's parameters in the program's order: C, W1 rows, b1, W2 rows, b2.
  let values: [Value]

  init(batchSize: Int) throws {
    var g = TorchGenerator(seed: 2_147_483_647)
    let model = try MLPLanguageModel(using: &g)
    step = try CompiledTrainingStep(model, batchSize: batchSize)
    values = Array(model.C.joined()) + Array(model.W1.joined()) + model.b1
      + Array(model.W2.joined()) + model.b2
    precondition(values.count == step.program.parameterCount)
  }

  func forwardBackward(_ batch: [Int], in data: Dataset) -> Double {
    step.bind(batch, in: data)
    let loss = step.program.forward()
    step.program.zeroGrad()
    step.program.backward()
    return loss
  }
}

/// What the calling thread asks of the worker.
enum ThreadsJob: Sendable {
  /// Set the parameters (if given), then forward + backward on the half batch.
  case step([Int], parameters: [Double]?)
  /// Bind and forward only.
  case forward([Int])
  /// Set the parameters (if given) and reply with them.
  case read(parameters: [Double]?)
  case stop
}

/// The worker's answer: a loss and its program's gradients (or parameters).
struct ThreadsReply: Sendable {
  var loss: Double
  var numbers: [Double]
}

/// The calling thread's and the worker's meeting point: Sendable without
/// `@unchecked`, as every stored property is.
final class ThreadsChannel: Sendable {
  let job = Mutex<ThreadsJob?>(nil)
  let reply = Mutex<ThreadsReply?>(nil)
  let go = DispatchSemaphore(value: 0)
  let done = DispatchSemaphore(value: 0)
}

extension ThreadsReplica {
  /// Gives the program `numbers` as its parameters, gradients 0.
  func setParameters(_ numbers: [Double]) {
    for (value, d) in zip(values, numbers) {
      value.data = d
      value.grad = 0
    }
    do {
      try step.program.loadParameters()
    } catch {
      preconditionFailure("the replica holds its model: \(error)")
    }
  }
}

/// (b): copy A here, copy B on a worker thread that owns it.
final class SplitTrainer {
  let channel = ThreadsChannel()
  let a: ThreadsReplica
  let data: Dataset
  let learningRate: Double
  /// The update B has yet to apply (it applies it at the start of its next job).
  var pending: [Double]?

  init(data: Dataset, learningRate: Double) throws {
    self.data = data
    self.learningRate = learningRate
    a = try ThreadsReplica(batchSize: 16)
    let channel = channel
    let thread = Thread {
      let b: ThreadsReplica
      do {
        b = try ThreadsReplica(batchSize: 16)
      } catch {
        preconditionFailure("\(error)")
      }
      let n = b.values.count
      while true {
        channel.go.wait()
        let job = channel.job.withLock { job in
          let j = job
          job = nil
          return j
        }
        var reply: ThreadsReply
        switch job! {
        case .stop:
          channel.done.signal()
          return
        case .step(let batch, let parameters):
          if let parameters { b.setParameters(parameters) }
          let loss = b.forwardBackward(batch, in: data)
          reply = ThreadsReply(loss: loss, numbers: (0..<n).map(b.step.program.parameterGrad))
        case .forward(let batch):
          b.step.bind(batch, in: data)
          reply = ThreadsReply(loss: b.step.program.forward(), numbers: [])
        case .read(let parameters):
          if let parameters { b.setParameters(parameters) }
          reply = ThreadsReply(loss: 0, numbers: (0..<n).map(b.step.program.parameterData))
        }
        channel.reply.withLock { $0 = reply }
        channel.done.signal()
      }
    }
    thread.start()
  }

  private func ask(_ job: ThreadsJob) {
    channel.job.withLock { $0 = job }
    channel.go.signal()
  }

  private func answer() -> ThreadsReply {
    channel.done.wait()
    return channel.reply.withLock { reply in
      let r = reply!
      reply = nil
      return r
    }
  }

  /// One step: both halves at once, then the fixed-order sum and the
  /// update; returns the 32 examples' loss.
  func step(_ batch: [Int], syncTime: inout Double) -> Double {
    var computeTime = 0.0
    return step(batch, syncTime: &syncTime, computeTime: &computeTime)
  }

  /// `computeTime`: from handing B its job to having B's answer.
  func step(_ batch: [Int], syncTime: inout Double, computeTime: inout Double) -> Double {
    let asked = ContinuousClock.now
    ask(.step(Array(batch[16..<32]), parameters: pending))
    pending = nil
    let la = a.forwardBackward(Array(batch[0..<16]), in: data)
    let b = answer()
    computeTime += seconds(since: asked)
    let start = ContinuousClock.now
    let pa = a.step.program
    var next = [Double](repeating: 0, count: a.values.count)
    for i in 0..<next.count {
      let g = (pa.parameterGrad(i) + b.numbers[i]) * 0.5
      next[i] = pa.parameterData(i) - learningRate * g
    }
    a.setParameters(next)
    pending = next
    syncTime += seconds(since: start)
    return (la + b.loss) * 0.5
  }

  /// (b*): the step as it would run if a program's parameters could be
  /// set from an array: both halves' forward + backward at once, B's
  /// gradients sent back, the fixed-order sum and update computed into
  /// an array, but not given to the programs (that is what costs).
  func stepWithoutSettingParameters(_ batch: [Int]) -> Double {
    ask(.step(Array(batch[16..<32]), parameters: nil))
    let la = a.forwardBackward(Array(batch[0..<16]), in: data)
    let b = answer()
    let pa = a.step.program
    var next = [Double](repeating: 0, count: a.values.count)
    for i in 0..<next.count {
      let g = (pa.parameterGrad(i) + b.numbers[i]) * 0.5
      next[i] = pa.parameterData(i) - learningRate * g
    }
    return (la + b.loss) * 0.5 + next[0] * 0
  }

  /// (c): forward only, both halves at once.
  func forward(_ batch: [Int]) -> Double {
    ask(.forward(Array(batch[16..<32])))
    a.step.bind(Array(batch[0..<16]), in: data)
    let la = a.step.program.forward()
    return (la + answer().loss) * 0.5
  }

  /// Both copies' parameters (B's after its pending update).
  func parameters() -> (a: [Double], b: [Double]) {
    ask(.read(parameters: pending))
    pending = nil
    let b = answer().numbers
    return ((0..<a.values.count).map(a.step.program.parameterData), b)
  }

  deinit {
    ask(.stop)
    channel.done.wait()
  }
}

struct ThreadsBench {
  let data: Dataset
  let learningRate = 0.1

  init(names: Words) {
    data = Dataset(WordSplit(names.words).train, blockSize: 3)
  }

  /// The minibatches: W4's generator, 32 draws a step.
  func batches(_ count: Int) -> [[Int]] {
    var generator = TorchGenerator(seed: 42)
    return (0..<count).map { _ in (0..<32).map { _ in generator.randint(data.count) } }
  }

  /// (b)'s gradient sum and update: both copies get `data - lr * (gA + gB) / 2`.
  /// Halving is exact, so `(gA + gB) / 2` differs from the batch-32 gradient
  /// only by where the 32 examples' terms are added.
  func sync(_ a: ThreadsReplica, _ b: ThreadsReplica) {
    let pa = a.step.program, pb = b.step.program
    for i in 0..<a.values.count {
      let g = (pa.parameterGrad(i) + pb.parameterGrad(i)) * 0.5
      let d = pa.parameterData(i) - learningRate * g
      a.values[i].data = d
      a.values[i].grad = 0
      b.values[i].data = d
      b.values[i].grad = 0
    }
    do {
      try pa.loadParameters()
      try pb.loadParameters()
    } catch {
      preconditionFailure("the replicas hold their models: \(error)")
    }
  }

  /// (b'): the same, one half after the other on this thread.
  func sequentialSplitStep(_ batch: [Int], _ a: ThreadsReplica, _ b: ThreadsReplica) -> Double {
    let la = a.forwardBackward(Array(batch[0..<16]), in: data)
    let lb = b.forwardBackward(Array(batch[16..<32]), in: data)
    sync(a, b)
    return (la + lb) * 0.5
  }

  func run(repeats: Int, steps: Int) throws {
    let perRepeat = 100
    let all = batches(perRepeat)
    print("makemore W4 step, batch 32; per-step median of \(repeats) repeats of \(perRepeat) steps")
    print("load average:", (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?
      .split(separator: " ").prefix(3).joined(separator: " ") ?? "?")
    print("cores:", ProcessInfo.processInfo.activeProcessorCount)

    func time(_ body: (Int) -> Void) -> Double {
      var samples: [Double] = []
      for _ in 0..<repeats {
        let start = ContinuousClock.now
        for s in 0..<perRepeat { body(s) }
        samples.append(seconds(since: start) / Double(perRepeat))
      }
      return median(samples)
    }

    let whole = try ThreadsReplica(batchSize: 32)
    let a = try ThreadsReplica(batchSize: 16), b = try ThreadsReplica(batchSize: 16)
    let split = try SplitTrainer(data: data, learningRate: learningRate)
    var sink = 0.0
    var syncTotal = 0.0
    // Warm up: faults the buffers in.
    for s in 0..<10 {
      sink += whole.step.step(all[s], in: data, learningRate: learningRate)
      sink += split.step(all[s], syncTime: &syncTotal)
    }
    let tA = time { s in sink += whole.step.step(all[s], in: data, learningRate: learningRate) }
    syncTotal = 0
    var computeTotal = 0.0
    let tB = time { s in sink += split.step(all[s], syncTime: &syncTotal, computeTime: &computeTotal) }
    let tSync = syncTotal / Double(repeats * perRepeat)
    let tCompute = computeTotal / Double(repeats * perRepeat)
    let tBstar = time { s in sink += split.stepWithoutSettingParameters(all[s]) }
    let tB1 = time { s in sink += sequentialSplitStep(all[s], a, b) }
    let tSyncOnly = time { _ in sync(a, b) }
    // Where the sync's time goes: the Values' setters, loadParameters, and
    // what it would cost over plain arrays (an API to set a program's numbers).
    let n = a.values.count
    let numbers = (0..<n).map(a.step.program.parameterData)
    let tValues = time { _ in
      for (value, d) in zip(a.values, numbers) {
        value.data = d
        value.grad = 0
      }
    }
    let tLoad = time { _ in try? a.step.program.loadParameters() }
    var ga = [Double](repeating: 0.001, count: n), gb = ga, next = ga
    let tArrays = time { s in
      ga[s % n] += 1e-9
      for i in 0..<n { next[i] = numbers[i] - learningRate * ((ga[i] + gb[i]) * 0.5) }
      gb[0] = next[n - 1]
    }
    let tFa = time { s in
      whole.step.bind(all[s], in: data)
      sink += whole.step.program.forward()
    }
    let tFb = time { s in sink += split.forward(all[s]) }

    func ms(_ t: Double) -> String { String(format: "%.3f ms", t * 1e3) }
    func ratio(_ x: Double, _ y: Double) -> String { String(format: "%.2f", x / y) }
    print("(a)  one program of 32, one thread:             ", ms(tA))
    print("(b)  two of 16 on two threads + sum + update:   ", ms(tB), " a/b =", ratio(tA, tB),
          " (of which, on the calling thread after the join, sum + A's update:", ms(tSync) + ")")
    print("(b*) as (b), parameters not set (ideal API):    ", ms(tBstar), " a/b* =", ratio(tA, tBstar))
    print("(b') two of 16 on one thread + sum + update:    ", ms(tB1), " a/b' =", ratio(tA, tB1))
    print("     (b)'s concurrent forward+backward phase:   ", ms(tCompute), " a/that =", ratio(tA, tCompute))
    print("     sum + update of both via Values:           ", ms(tSyncOnly), "; one model's Value setters", ms(tValues),
          ", one loadParameters", ms(tLoad), "; sum + update over plain arrays", ms(tArrays))
    print("(c)  forward only, one of 32:                   ", ms(tFa))
    print("(c') forward only, two of 16 on two threads:    ", ms(tFb), " c/c' =", ratio(tFa, tFb))

    // Determinism and distance from one thread, over `steps` steps.
    let trainBatches = batches(steps)
    func trainWhole() throws -> ([Double], [Double]) {
      let r = try ThreadsReplica(batchSize: 32)
      let losses = trainBatches.map { r.step.step($0, in: data, learningRate: learningRate) }
      return (losses, (0..<r.values.count).map(r.step.program.parameterData))
    }
    func trainSplit() throws -> ([Double], [Double]) {
      let trainer = try SplitTrainer(data: data, learningRate: learningRate)
      var t = 0.0
      let losses = trainBatches.map { trainer.step($0, syncTime: &t) }
      let (pa, pb) = trainer.parameters()
      precondition(pa == pb, "the two copies diverged")
      return (losses, pa)
    }
    let (l1, p1) = try trainWhole()
    let (l2, p2) = try trainSplit()
    let (l3, p3) = try trainSplit()
    let bitsSame = zip(l2, l3).allSatisfy { $0.bitPattern == $1.bitPattern }
      && zip(p2, p3).allSatisfy { $0.bitPattern == $1.bitPattern }
    print("\(steps) steps: split run twice bit-identical (losses and parameters):", bitsSame)
    let lossDiff = zip(l1, l2).map { abs($0 - $1) }
    let paramDiff = zip(p1, p2).map { abs($0 - $1) }
    let firstDiffering = l1.indices.first { l1[$0].bitPattern != l2[$0].bitPattern }
    print(String(format: "split vs one thread: first loss differing at step %@; last loss %.17g vs %.17g",
                 firstDiffering.map(String.init) ?? "none", l1.last!, l2.last!))
    print(String(format: "  max |loss diff| %.3g, at the last step %.3g; max |param diff| %.3g; params differing: %d of %d",
                 lossDiff.max()!, lossDiff.last!, paramDiff.max()!, paramDiff.filter { $0 != 0 }.count, p1.count))
    if sink.isNaN { print("(nan)") }
  }
}
