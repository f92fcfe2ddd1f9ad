import Foundation
import TestSupport
import Testing

/// `micrograd makemore`: train, sample, evaluate, and their bad input.
@Suite struct MakemoreCLITests {
  let folder: TemporaryFolder
  let names: URL

  init() throws {
    folder = try TemporaryFolder()
    names = folder.url.appendingPathComponent("names.txt")
    let words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn"]
    try Data((words + words.map { String($0.reversed()) }).joined(separator: "\n").utf8).write(to: names)
  }

  /// A small, quick model: block 3, embeddings of 2, 16 neurons.
  var small: [String] {
    ["--names", names.path, "--embedding-size", "2", "--hidden-size", "16", "--batch-size", "8"]
  }

  @Test func trainSaveSampleEvaluate() throws {
    let model = folder.url.appendingPathComponent("model.json")
    let plot = folder.url.appendingPathComponent("loss.svg")
    let train = try run(
      "micrograd",
      ["makemore", "train"] + small + [
        "--steps", "40", "--save", model.path, "--loss-plot", plot.path, "--samples", "3", "--quiet",
      ])
    #expect(train.status == 0, "\(train.error)")
    #expect(train.error.isEmpty)
    let lines = train.output.split(separator: "\n").map(String.init)
    // 27*2 + 6*16 + 16 + 16*27 + 27 parameters; the examples as Python's shuffle splits the words.
    #expect(lines[0] == "MLP: block 3, C 27x2, hidden 16 (tanh), 625 parameters")
    #expect(lines[1] == "data: 106 train / 14 dev examples (16 / 2 / 2 words)")
    #expect(lines[2] == "training: 40 steps of 8, lr 0.1 then 0.01 from step 20")
    #expect(lines.contains { $0.hasPrefix("train loss ") } && lines.contains { $0.hasPrefix("dev loss ") })
    #expect(lines.contains("saved the model to \(model.path)"))
    #expect(lines.suffix(3).allSatisfy { $0.hasSuffix(".") || $0.count == 100 })
    let curve = try String(contentsOf: plot, encoding: .utf8)
    #expect(curve.contains("<svg") && curve.contains(">log10(loss)</text>") && curve.contains(">minibatch loss</text>"))

    let sample = try run("micrograd", ["makemore", "sample", "--model", model.path, "--count", "5"])
    #expect(sample.status == 0, "\(sample.error)")
    #expect(sample.output.split(separator: "\n").count == 5)
    #expect(
      try run("micrograd", ["makemore", "sample", "--model", model.path, "--count", "5"]).output == sample.output)
    // The training run's own samples use the same seed as `sample`.
    #expect(sample.output.split(separator: "\n").prefix(3).map(String.init) == Array(lines.suffix(3)))

    let evaluate = try run("micrograd", ["makemore", "evaluate", "--model", model.path, "--names", names.path])
    #expect(evaluate.status == 0, "\(evaluate.error)")
    let losses = evaluate.output.split(separator: "\n")
    #expect(losses.count == 3 && losses[0].hasPrefix("train loss ") && losses[2].hasPrefix("test loss "))
    // The same model, the same split: evaluate's train loss is train's.
    #expect(losses[0].hasPrefix(try #require(lines.first { $0.hasPrefix("train loss ") })))
  }

  /// `--engine eager` and `--engine compiled` print the same losses (each
  /// tenth's minibatch loss, the train and dev losses) and samples; a bad
  /// engine is the argument parser's message, status 2.
  @Test func enginesPrintTheSameLosses() throws {
    func train(_ engine: String) throws -> (progress: [String], output: [String]) {
      let result = try run(
        "micrograd", ["makemore", "train"] + small + ["--steps", "20", "--samples", "2", "--engine", engine])
      #expect(result.status == 0, "\(result.error)")
      // "step 2/20  loss 7.6627  2,924 examples/s  0s left": the step and the loss.
      let progress = result.error.split(separator: "\n").map {
        $0.split(separator: " ").prefix(4).joined(separator: " ")
      }
      let output = result.output.split(separator: "\n").map(String.init).filter { !$0.hasPrefix("trained in ") }
      return (progress, output)
    }
    let eager = try train("eager")
    let compiled = try train("compiled")
    #expect(eager.progress.count == 10 && eager.progress.allSatisfy { $0.contains(" loss ") })
    #expect(
      eager.output.contains { $0.hasPrefix("train loss ") } && eager.output.contains { $0.hasPrefix("dev loss ") })
    #expect(eager.progress == compiled.progress)
    #expect(eager.output == compiled.output)

    let bad = try run("micrograd", ["makemore", "train"] + small + ["--engine", "fast"])
    #expect(bad.status == 2)
    #expect(
      bad.error.hasPrefix(
        "micrograd: error: The value 'fast' is invalid for '--engine <engine>'. Please provide one of 'compiled' and 'eager'."
      ),
      "\(bad.error)")
    #expect(bad.output.isEmpty)
  }

  @Test func progressIsALineEveryTenthWhenNotATerminal() throws {
    let result = try run("micrograd", ["makemore", "train"] + small + ["--steps", "25", "--samples", "0"])
    #expect(result.status == 0, "\(result.error)")
    let progress = result.error.split(separator: "\n")
    // 25 steps: the tenths fall at 3, 5, 8, 10, 13, 15, 18, 20, 23 and the end.
    #expect(
      progress.map { $0.split(separator: " ")[1] } == [
        "3/25", "5/25", "8/25", "10/25", "13/25", "15/25", "18/25", "20/25", "23/25", "25/25",
      ])
    #expect(progress.allSatisfy { $0.contains("examples/s") && $0.hasSuffix(" left") })
  }

  @Test func progressUpdatesOneLineOnATerminal() throws {
    // util-linux's `script` runs the command on a pseudo-terminal (bsdutils
    // is an essential package on Debian; macOS's script takes other flags).
    #if os(Linux)
      let products = Bundle.main.bundleURL
      let command =
        [products.appendingPathComponent("micrograd").path, "makemore", "train"] + small
        + ["--steps", "200", "--samples", "0"]
      let quoted = command.map { "'" + $0.replacingOccurrences(of: "'", with: "'\\''") + "'" }
      let result = try run("/usr/bin/script", ["-qec", quoted.joined(separator: " "), "/dev/null"])
      #expect(result.status == 0, "\(result.error)")
      // Each update returns to the line's start and clears it; the last ends the line.
      let updates = result.output.components(separatedBy: "\r\u{1B}[K").dropFirst()
      #expect(updates.count >= 1)
      #expect(updates.allSatisfy { $0.hasPrefix("step ") && $0.contains("examples/s") })
      #expect(updates.last?.hasPrefix("step 200/200  loss ") == true)
      #expect(!result.output.contains("step 20/200"))  // not a line per tenth
    #endif
  }

  @Test(arguments: [
    (["train", "--names", "/no/such/names.txt"], "cannot read \"/no/such/names.txt\""),
    (["train", "--hidden-size", "8"], "the hidden size must be 16 to 10000, got 8"),
    (["train", "--batch-size", "100000"], "a step would build about"),
    (["train", "--names", "/dev/zero"], "cannot read \"/dev/zero\": it is not a regular file"),
    (["train", "--batch-size", "0"], "the batch size must be at least 1, got 0"),
    (["train", "--block-size", "0"], "the block size must be 1 to 64, got 0"),
    (["train", "--steps=-5"], "the number of steps must not be negative, got -5"),
    (
      ["train", "--save", "/no/such/folder/model.json"],
      "--save \"/no/such/folder/model.json\": No such file or directory"
    ),
    (["train", "--loss-plot", "/tmp"], "--loss-plot \"/tmp\": Is a directory"),
    (["sample", "--model", "/no/such/model.json"], "cannot read \"/no/such/model.json\""),
    (["sample", "--model", "x", "--count=-1"], "--count must be 0 to 100000, got -1"),
    (["sample"], "Missing expected argument '--model <model>'"),
    (["train", "--steps", "0", "--loss-plot", "/tmp/loss.svg"], "--loss-plot needs at least one step; --steps is 0"),
  ])
  func badInput(arguments: [String], message: String) throws {
    let result = try run("micrograd", ["makemore"] + arguments)
    #expect(result.status == 2)
    #expect(result.error.hasPrefix("micrograd: error: "), "\(result.error)")
    #expect(result.error.contains(message), "\(result.error)")
    #expect(!result.error.contains("InputError("), "\(result.error)")
    #expect(result.output.isEmpty)
  }

  /// Limits checked before a run, and a word list too short to train on:
  /// the whole of stderr, one line.
  @Test(arguments: [
    (["--steps", "100000001"], "--steps must be at most 100000000, got 100000001"),
    (["--samples", "100001"], "--samples must be 0 to 100000, got 100001"),
    (["--samples=-1"], "--samples must be 0 to 100000, got -1"),
  ])
  func trainingLimits(arguments: [String], message: String) throws {
    let result = try run("micrograd", ["makemore", "train"] + arguments)
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: \(message)\n")
    #expect(result.output.isEmpty)
  }

  /// One word splits into an empty training set (80% of 1 is 0 words).
  @Test func oneWordIsTooFewToTrain() throws {
    let one = folder.url.appendingPathComponent("one.txt")
    try Data("emma\n".utf8).write(to: one)
    let result = try run("micrograd", ["makemore", "train", "--names", one.path, "--steps", "1"])
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: the training split has no words\n")
    #expect(result.output.isEmpty)
  }

  /// An error thrown while options are validated is its message alone.
  @Test func validationErrorIsItsMessage() throws {
    let result = try run("micrograd", ["makemore", "sample", "--model", "x", "--count", "1000000"])
    #expect(result.status == 2)
    #expect(result.error == "micrograd: error: --count must be 0 to 100000, got 1000000\n")
  }

  @Test func damagedModelFile() throws {
    let empty = folder.url.appendingPathComponent("empty.json")
    try Data().write(to: empty)
    let result = try run("micrograd", ["makemore", "sample", "--model", empty.path])
    #expect(result.status == 2 && result.output.isEmpty)
    #expect(
      result.error == "micrograd: error: cannot load the model \"\(empty.path)\": it is damaged: not valid JSON\n")
  }

  @Test func divergingTrainingIsAnError() throws {
    let result = try run("micrograd", ["makemore", "train"] + small + ["--steps", "50", "--learning-rate", "1e300"])
    #expect(result.status == 2)
    #expect(result.error.contains("micrograd: error: training diverged: the loss was "), "\(result.error)")
    #expect(result.error.contains("lower --learning-rate"))
  }

  @Test func unknownWordsCanBeSkipped() throws {
    let mixed = folder.url.appendingPathComponent("mixed.txt")
    try Data((["Olivia", "b4"] + (0..<10).map { _ in "emma" }).joined(separator: "\n").utf8).write(to: mixed)
    let args = [
      "makemore", "train", "--names", mixed.path, "--hidden-size", "16", "--steps", "2", "--samples", "0", "--quiet",
    ]
    let result = try run("micrograd", args + ["--skip-unknown"])
    #expect(result.status == 0, "\(result.error)")
    #expect(result.output.hasPrefix("skipped 2 words with characters other than a-z\n"))
    #expect(try run("micrograd", args).status == 2)
  }

  @Test func badWordsFileNamesTheLine() throws {
    let bad = folder.url.appendingPathComponent("bad.txt")
    try Data("emma\nOlivia\n".utf8).write(to: bad)
    let result = try run("micrograd", ["makemore", "train", "--names", bad.path])
    #expect(result.status == 2)
    #expect(result.error.contains("bad.txt:2: the word \"Olivia\" has \"O\""), "\(result.error)")
  }
}

/// `swift run names-mlp`: the notebook's MLP as a short program.
@Suite struct NamesMLPExampleTests {
  @Test func runsTheNotebookSteps() throws {
    let folder = try TemporaryFolder()
    let names = folder.url.appendingPathComponent("names.txt")
    let words = ["emma", "olivia", "ava", "isabella", "sophia", "charlotte", "mia", "amelia", "harper", "evelyn"]
    try Data((words + words.map { String($0.reversed()) }).joined(separator: "\n").utf8).write(to: names)
    let result = try run("names-mlp", ["--names", names.path, "--steps", "30"])
    #expect(result.status == 0, "\(result.error)")
    let lines = result.output.split(separator: "\n").map(String.init)
    #expect(lines[0] == "examples: 106 train, 14 dev")
    #expect(lines[1] == "parameters: 11897")
    #expect(lines[2].hasPrefix("step 0: loss "))
    #expect(lines[3].hasPrefix("train loss: ") && lines[4].hasPrefix("dev loss: "))
    #expect(lines.count == 25)
    let bad = try run("names-mlp", ["--steps", "x"])
    #expect(bad.status == 2 && bad.error == "names-mlp: --steps needs a whole number from 0 to 100000000\n")
    let missing = try run("names-mlp", ["--names", "/no/such/file"])
    #expect(missing.status == 2 && missing.error.contains("cannot read \"/no/such/file\""))
  }
}
