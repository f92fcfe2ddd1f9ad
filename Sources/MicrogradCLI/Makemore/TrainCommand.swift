import ArgumentParser
internal import FileOutput
import Foundation
import Makemore
import Plots

/// `micrograd makemore train`: the lecture's MLP, trained with the engine.
struct TrainCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "train",
    abstract: "Train the MLP language model on names; print train and dev loss and sampled names.",
    discussion: """
      Splits the names 80/10/10 as the notebook does (random.seed(42), shuffle), \
      draws the weights with torch.Generator().manual_seed(SEED), and trains with \
      minibatch SGD: the learning rate drops at --decay-step (half-way by default). \
      --engine compiled (the default) traces one step's graph once and replays it; \
      --engine eager builds a new graph of Values every step, as the lecture does: \
      both print the same losses. \
      Progress goes to standard error: live on a terminal (the loss averaged over \
      the last 100 steps, examples per second, time left), a line every tenth of \
      the run otherwise, nothing with --quiet; standard output holds only the \
      results. --loss-plot draws log10 of the minibatch loss (at most 1,000 points).

      --save - (or /dev/stdout) writes the model to standard output, and --loss-plot - \
      the curve: then standard output holds that file alone, and the results go to \
      standard error, as tar -f - does (micrograd makemore train --save - | micrograd \
      makemore sample --model -). Only one of the two can go there.

      The folders of --save and --loss-plot are checked before training starts; \
      should the model's file still fail to be written at the end, the model is saved \
      beside it (for a device or a pipe, in the temporary folder) and the error says where. A \
      run whose loss becomes NaN or infinite stops there with an error: lower \
      --learning-rate. Sizes are bounded (--hidden-size at least 16, at most 10 \
      million parameters and about 20 million graph nodes a step).

      Examples:
        micrograd makemore train --steps 60000 --save model.json --loss-plot loss.svg
        micrograd makemore train                      # the lecture's 200,000 steps
        micrograd makemore train --block-size 2 --steps 20000 --quiet
        micrograd makemore train --steps 20000 --save - | gzip > model.json.gz
      """
  )

  @OptionGroup var data: NamesOptions

  // The model's sizes and the schedule default to the lecture's, which
  // Makemore's MLPConfiguration and TrainingSchedule hold.
  @Option(name: .long, help: "Characters of context (the lecture: 3).")
  var blockSize = MLPConfiguration().blockSize
  @Option(name: .long, help: "Size of each character's embedding, C's columns.")
  var embeddingSize = MLPConfiguration().embeddingSize
  @Option(name: .long, help: "Tanh neurons in the hidden layer (at least 16).")
  var hiddenSize = MLPConfiguration().hiddenSize
  @Option(name: .long, help: "Training steps (minibatches).")
  var steps = TrainingSchedule().steps
  @Option(name: .long, help: "Examples per minibatch.")
  var batchSize = TrainingSchedule().batchSize
  @Option(name: .long, help: "Learning rate before --decay-step.")
  var learningRate = TrainingSchedule().learningRate
  @Option(name: .long, help: "Learning rate from --decay-step on.")
  var decayedRate = TrainingSchedule().decayedLearningRate
  @Option(name: .long, help: "The first step with --decayed-rate (default: half of --steps).")
  var decayStep: Int?
  @Option(name: .long, help: "Seed of the generator for weights and minibatches.")
  var seed: UInt64 = 2_147_483_647
  @Option(name: .long, help: "Write the trained model to this file (JSON; - for standard output).")
  var save: String?
  @Option(name: .long, help: "Write the loss curve to this SVG file (- for standard output).")
  var lossPlot: String?
  @Option(name: .long, help: "How many names to sample at the end.")
  var samples = 20
  @Flag(name: .long, help: "No progress; only the results.")
  var quiet = false
  @Option(
    name: .long, help: "compiled (the graph traced once, replayed) or eager (a new graph every step): the same losses.")
  var engine: TrainingEngine = .compiled

  var modelConfiguration: MLPConfiguration {
    MLPConfiguration(blockSize: blockSize, embeddingSize: embeddingSize, hiddenSize: hiddenSize)
  }

  var schedule: TrainingSchedule {
    TrainingSchedule(
      steps: steps, batchSize: batchSize, learningRate: learningRate,
      decayedLearningRate: decayedRate, decayStep: decayStep)
  }

  func validate() throws {
    do {
      try MLPLanguageModel.validate(modelConfiguration, schedule)
    } catch {
      throw InputError(message: error.description)
    }
    guard steps <= 100_000_000 else {
      throw InputError(message: "--steps must be at most 100000000, got \(steps)")
    }
    guard (0...100_000).contains(samples) else {
      throw InputError(message: "--samples must be 0 to 100000, got \(samples)")
    }
  }

  /// Where the results go: standard error when the model or the loss
  /// curve goes to standard output. Only one of them may, and they may not
  /// name the same file (the curve would replace the model).
  func report() throws -> Report {
    let streamed = [save, lossPlot].filter { path in
      path.map { (try? Destination($0)) == .standardOutput } ?? false
    }
    guard streamed.count < 2 else {
      throw InputError(message: "--save and --loss-plot both write to standard output; give one of them a file")
    }
    if let save, let lossPlot, case .file(let model)? = try? Destination(save),
      case .file(let curve)? = try? Destination(lossPlot),
      samePlace(URL(fileURLWithPath: model), URL(fileURLWithPath: curve))
    {
      throw InputError(
        message: "--save and --loss-plot name the same file, \"\(Terminal.quoted(save))\"; "
          + "the loss curve would replace the model")
    }
    return Report(toStandardError: !streamed.isEmpty)
  }

  func run() throws {
    let report = try self.report()
    // Fail now rather than after a long run.
    if let save { try checkWritable(save, option: "--save") }
    if let lossPlot {
      guard steps > 0 else { throw InputError(message: "--loss-plot needs at least one step; --steps is 0") }
      try checkWritable(lossPlot, option: "--loss-plot")
    }
    let split = try data.split(report: report)
    let train = Dataset(split.train, blockSize: blockSize)
    let dev = Dataset(split.dev, blockSize: blockSize)
    guard train.count > 0 else { throw InputError(message: "the training split has no words") }

    var generator = TorchGenerator(seed: seed)
    let model = try MLPLanguageModel(modelConfiguration, using: &generator)
    let n = modelConfiguration
    report.line(
      "MLP: block \(n.blockSize), C \(n.vocabularySize)x\(n.embeddingSize), hidden \(n.hiddenSize) (tanh), "
        + "\(grouped(n.parameterCount)) parameters")
    report.line(
      "data: \(grouped(train.count)) train / \(grouped(dev.count)) dev examples "
        + "(\(grouped(split.train.count)) / \(grouped(split.dev.count)) / \(grouped(split.test.count)) words)")
    let s = schedule
    report.line(
      "training: \(grouped(s.steps)) steps of \(s.batchSize), lr \(s.learningRate) "
        + "then \(s.decayedLearningRate) from step \(grouped(s.decayStep))")

    var progress = TrainingProgress(steps: s.steps, batchSize: s.batchSize, quiet: quiet)
    let start = ContinuousClock.now
    let losses = try model.train(on: train, schedule: s, engine: engine, using: &generator) { step in
      progress.report(step)
      return true
    }
    if let last = losses.last, !last.isFinite {
      throw InputError(
        message: "training diverged: the loss was \(last) at step \(grouped(losses.count - 1)); "
          + "lower --learning-rate (now \(s.learningRate))")
    }
    let time = seconds(ContinuousClock.now - start)
    report.line("trained in \(duration(time)) (\(String(format: "%.0f", Double(s.steps) / max(time, 1e-9))) steps/s)")

    let weights = MLPWeights(model)
    report.line("train loss \(loss(weights.loss(on: train)))")
    report.line(
      dev.count > 0 ? "dev loss \(loss(weights.loss(on: dev)))" : "dev loss: no examples (the dev split is empty)")

    if let save {
      do {
        // `-` is standard output, as for -o.
        try model.save(to: URL(fileURLWithPath: save == "-" ? "/dev/stdout" : save))
      } catch {
        throw InputError(message: "\(error); " + Self.keep(model, instead: save))
      }
      report.line("saved the model to \(save == "-" ? "standard output" : save)")
    }
    if let lossPlot {
      do {
        try AtomicFile.write(LossCurve(losses: losses, title: "minibatch loss").svg(), to: lossPlot)
      } catch {
        throw InputError(message: "\(error)")
      }
      report.line("wrote the loss curve to \(lossPlot == "-" ? "standard output" : lossPlot)")
    }
    var sampler = TorchGenerator(seed: 2_147_483_657)
    do {
      for _ in 0..<samples { report.line(try weights.sample(using: &sampler)) }
    } catch {
      throw InputError(message: "\(error)")
    }
  }
}

extension TrainCommand {
  /// Saves the trained model elsewhere when `--save`'s file cannot be
  /// written after all (the check before training passed, but the disk
  /// filled or the name became a folder, say): beside it, else in the
  /// temporary folder; a model that took long to train is never lost.
  /// Standard output, a device or a pipe that failed (`/dev/full`, a
  /// reader gone) gets no file beside it: its folder is `/dev` or the
  /// like, so the model goes straight to the temporary folder.
  ///
  /// - Returns: How the error goes on: where the model is, or that it
  ///   could be saved nowhere.
  static func keep(_ model: MLPLanguageModel, instead path: String) -> String {
    let name = "micrograd-model-\(getpid())-\(UInt32.random(in: 0...UInt32.max)).json"
    let temporary = FileManager.default.temporaryDirectory.appendingPathComponent(name)
    var places = [temporary]
    // A path that no longer leads anywhere writable (a folder now) is
    // still a file's name: beside it is the user's folder.
    if (try? Destination(path == "-" ? "/dev/stdout" : path))?.isStream != true {
      places.insert(URL(fileURLWithPath: path).deletingLastPathComponent().appendingPathComponent(name), at: 0)
    }
    for place in places where (try? model.save(to: place)) != nil {
      return "the model is saved in \"\(place.path)\" instead"
    }
    return places.count == 2
      ? "nor could it be saved beside it or in \"\(temporary.deletingLastPathComponent().path)\""
      : "nor could it be saved in \"\(temporary.deletingLastPathComponent().path)\""
  }
}

extension TrainingEngine: ExpressibleByArgument {}
