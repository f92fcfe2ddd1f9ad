import ArgumentParser
import Foundation
import Makemore

/// `micrograd makemore sample`: names from a saved model.
struct SampleCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "sample",
    abstract: "Print names sampled from a saved model, one per line.",
    discussion: """
      Samples as the lecture does, from torch.Generator().manual_seed(SEED): the \
      same model and seed give the same names.

      Examples:
        micrograd makemore sample --model model.json
        micrograd makemore sample --model model.json --count 5 --seed 7
      """
  )

  @Option(name: .long, help: "The model file written by `makemore train --save` (- reads standard input).")
  var model: String

  @Option(name: .long, help: "How many names.")
  var count = 20

  @Option(name: .long, help: "The sampling generator's seed (the lecture's 2147483647 + 10).")
  var seed: UInt64 = 2_147_483_657

  func validate() throws {
    guard (0...100_000).contains(count) else {
      throw InputError(message: "--count must be 0 to 100000, got \(count)")
    }
  }

  func run() throws {
    let weights = MLPWeights(try loadModel(model))
    var generator = TorchGenerator(seed: seed)
    do {
      for _ in 0..<count { print(try weights.sample(using: &generator)) }
    } catch {
      throw InputError(message: "\(model): \(error)")
    }
  }
}
