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

  /// The words, split; a bad file is an `InputError`. How many words
  /// were skipped goes to `report`.
  func split(report: Report = Report()) throws -> WordSplit {
    do {
      let words = try Words(
        contentsOf: names.map { URL(fileURLWithPath: $0) } ?? Words.namesFile, skippingUnknown: skipUnknown)
      if words.skipped > 0 { report.line("skipped \(grouped(words.skipped)) words with characters other than a-z") }
      return WordSplit(words.words, seed: splitSeed)
    } catch let error as MakemoreError {
      throw InputError(message: "\(error)" + (names == nil ? " (pass --names FILE)" : ""))
    }
  }
}

/// Loads a model file, or, for `-`, the model file on standard input
/// (`micrograd makemore train --save - | micrograd makemore sample --model -`);
/// a bad one is an `InputError`.
func loadModel(_ path: String) throws -> MLPLanguageModel {
  do {
    guard path == "-" else { return try MLPLanguageModel(contentsOf: URL(fileURLWithPath: path)) }
    return try MLPLanguageModel(fileData: try readModelFromStandardInput(), named: "standard input")
  } catch let error as InputError {
    throw error
  } catch {
    throw InputError(message: "\(error)")
  }
}

/// The most bytes `--model -` reads: the largest model's numbers
/// (`MLPConfiguration.maxParameterCount`), each at most 24 characters
/// and its separator, with room for the rest. A stream that goes on
/// (`/dev/zero`) stops here instead of filling the memory.
let modelInputLimit = 32 * MLPConfiguration.maxParameterCount + 65_536

/// Standard input to its end, for `--model -`: not a terminal (nobody
/// types a model), and at most ``modelInputLimit`` bytes.
func readModelFromStandardInput() throws -> Data {
  guard isatty(STDIN_FILENO) == 0 else {
    throw InputError(message: "--model -: standard input is a terminal; pipe a model file into it")
  }
  var data = Data()
  do {
    while let chunk = try FileHandle.standardInput.read(upToCount: 1 << 16), !chunk.isEmpty {
      data += chunk
      guard data.count <= modelInputLimit else {
        throw InputError(
          message: "--model -: standard input holds more than \(grouped(modelInputLimit)) bytes, "
            + "more than any model file")
      }
    }
  } catch let error as InputError {
    throw error
  } catch {
    throw InputError(message: "--model -: cannot read standard input: \(error.localizedDescription)")
  }
  return data
}

/// Where a command's report goes (what it did, its losses, its samples):
/// standard output, or standard error when standard output carries a
/// file that a program reads (`train --save -`: the model), as tar's
/// listing goes to standard error with `-f -`.
struct Report {
  /// Whether the report goes to standard error.
  var toStandardError = false

  /// Writes `text` and a line break.
  func line(_ text: String) {
    if toStandardError {
      Terminal.writeError(text + "\n")
    } else {
      print(text)
    }
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
