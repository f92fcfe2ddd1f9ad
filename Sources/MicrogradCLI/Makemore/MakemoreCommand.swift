import ArgumentParser
internal import FileOutput
import Foundation
import Makemore

/// `micrograd makemore`: the makemore lecture's MLP language model.
struct MakemoreCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "makemore",
    abstract: "Train makemore's MLP language model on names, sample from it, evaluate it.",
    discussion: """
      Examples:
        micrograd makemore train --steps 60000 --save model.json
        micrograd makemore sample --model model.json --count 20
        micrograd makemore evaluate --model model.json
      """,
    subcommands: [TrainCommand.self, SampleCommand.self, EvaluateCommand.self]
  )
}

/// Where the words come from and how they are split.
struct NamesOptions: ParsableArguments {
  @Option(
    name: .long,
    help: ArgumentHelp(
      "The word list: UTF-8, one word of a-z per line (default: the package's names.txt, 32,033 names).",
      valueName: "file"))
  var names: String?

  @Option(name: .long, help: "Python's random.seed for shuffling before the 80/10/10 split.")
  var splitSeed: UInt64 = 42

  @Flag(name: .long, help: "Skip words with characters other than a-z (and say how many) instead of failing.")
  var skipUnknown = false

  /// The words, split; a bad file is an `InputError`.
  func split() throws -> WordSplit {
    do {
      let words = try Words(
        contentsOf: names.map { URL(fileURLWithPath: $0) } ?? Words.namesFile, skippingUnknown: skipUnknown)
      if words.skipped > 0 { print("skipped \(grouped(words.skipped)) words with characters other than a-z") }
      return WordSplit(words.words, seed: splitSeed)
    } catch let error as MakemoreError {
      throw InputError(message: "\(error)" + (names == nil ? " (pass --names FILE)" : ""))
    }
  }
}

/// Loads a model file; a bad one is an `InputError`.
func loadModel(_ path: String) throws -> MLPLanguageModel {
  do {
    return try MLPLanguageModel(contentsOf: URL(fileURLWithPath: path))
  } catch {
    throw InputError(message: "\(error)")
  }
}

/// Fails before a long run if `path` cannot be written: FileOutput's
/// `AtomicFile.checkWritable` makes, renames and removes a file in its
/// folder (a device or pipe must be writable).
func checkWritable(_ path: String, option: String) throws {
  do {
    try AtomicFile.checkWritable(path)
  } catch {
    throw InputError(message: "\(option) \"\(path)\": \(error.reason)")
  }
}

/// `1234567` as `1,234,567`.
func grouped(_ n: Int) -> String { Terminal.grouped(n) }

/// A loss as the lecture prints it, to four decimals.
func loss(_ x: Double) -> String { String(format: "%.4f", x) }
