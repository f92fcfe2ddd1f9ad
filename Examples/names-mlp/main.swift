// swift run -c release names-mlp [--names FILE] [--steps N] [--block-size N]
//
// makemore part 2 as the notebook runs it: split the names, build X and Y,
// draw C, W1, b1, W2, b2, train with minibatch SGD, print the train and dev
// loss, and sample 20 names. `micrograd makemore train` is the same with
// every option; this is the short version to read.
import FileOutput
import Foundation
import Makemore

/// Writes `names-mlp: MESSAGE` to stderr, control characters (in an
/// argument or a path) shown as visible text, and exits with status 2.
func fail(_ message: String) -> Never {
  Terminal.fail("names-mlp", message)
}

/// The options: the names file, the number of steps and the block size.
func options() -> (names: URL, steps: Int, blockSize: Int) {
  var arguments = CommandLine.arguments.dropFirst()
  var options = (names: Words.namesFile, steps: 60_000, blockSize: 3)
  func number(after option: String, in range: ClosedRange<Int>) -> Int {
    guard let n = arguments.popFirst().flatMap(Int.init), range.contains(n) else {
      fail("\(option) needs a whole number from \(range.lowerBound) to \(range.upperBound)")
    }
    return n
  }
  while let argument = arguments.popFirst() {
    switch argument {
    case "--names":
      guard let path = arguments.popFirst() else { fail("--names needs a file") }
      options.names = URL(fileURLWithPath: path)
    case "--steps": options.steps = number(after: "--steps", in: 0...100_000_000)
    case "--block-size": options.blockSize = number(after: "--block-size", in: 1...64)
    case "-h", "--help":
      print(
        "usage: names-mlp [--names FILE] [--steps N] [--block-size N]   (the package's names.txt, 60,000 steps and block 3 by default)"
      )
      Terminal.exit("names-mlp")
    default: fail("unknown argument '\(argument)' (try --help)")
    }
  }
  return options
}
/// The notebook's steps, in order.
func main(names: URL, steps: Int, blockSize: Int) throws {
  // The words, shuffled with random.seed(42) and split 80/10/10.
  let words: Words
  do { words = try Words(contentsOf: names) } catch { fail("\(error)") }
  let split = WordSplit(words.words, seed: 42)
  let Xtr = Dataset(split.train, blockSize: blockSize)
  let Xdev = Dataset(split.dev, blockSize: blockSize)
  print("examples: \(Xtr.count) train, \(Xdev.count) dev")
  guard Xtr.count > 0, Xdev.count > 0 else { fail("too few words to split into train and dev sets") }

  // g = torch.Generator().manual_seed(2147483647); C, W1, b1, W2, b2 = randn(...)
  var g = TorchGenerator(seed: 2_147_483_647)
  let model = try MLPLanguageModel(MLPConfiguration(blockSize: blockSize), using: &g)
  print("parameters: \(model.parameters().count)")

  // Minibatches of 32; lr 0.1, then 0.01 for the last quarter.
  let schedule = TrainingSchedule(steps: steps, batchSize: 32, decayStep: steps * 3 / 4)
  try model.train(on: Xtr, schedule: schedule, using: &g) { step in
    if step.step % 10_000 == 0 { print("step \(step.step): loss \(step.loss)") }
    return true
  }

  // The loss over whole splits, without building graphs (torch.no_grad()).
  let weights = MLPWeights(model)
  print("train loss: \(weights.loss(on: Xtr))")
  print("dev loss: \(weights.loss(on: Xdev))")

  // Sample from the model: g = torch.Generator().manual_seed(2147483647 + 10)
  var sampler = TorchGenerator(seed: 2_147_483_647 + 10)
  for _ in 0..<20 { print(try weights.sample(using: &sampler)) }
}

Terminal.reportBrokenPipes()
let (names, steps, blockSize) = options()
do {
  try main(names: names, steps: steps, blockSize: blockSize)
} catch {
  fail("\(error)")
}
Terminal.exit("names-mlp")
