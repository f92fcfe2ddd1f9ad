import ArgumentParser
import Foundation
import Makemore

/// `micrograd makemore evaluate`: a saved model's loss on each split.
struct EvaluateCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "evaluate",
    abstract: "Print a saved model's mean loss on the train, dev and test splits.",
    discussion: """
      Examples:
        micrograd makemore evaluate --model model.json
        micrograd makemore evaluate --model model.json --names words.txt --split-seed 1
      """
  )

  @Option(name: .long, help: "The model file written by `makemore train --save` (- reads standard input).")
  var model: String

  @OptionGroup var data: NamesOptions

  func run() throws {
    let model = try loadModel(model)
    let split = try data.split()
    let weights = MLPWeights(model)
    let block = model.configuration.blockSize
    for (name, words) in [("train", split.train), ("dev", split.dev), ("test", split.test)] {
      let examples = Dataset(words, blockSize: block)
      guard examples.count > 0 else {
        print("\(name) loss: no examples")
        continue
      }
      print("\(name) loss \(loss(weights.loss(on: examples))) (\(grouped(examples.count)) examples)")
    }
  }
}
