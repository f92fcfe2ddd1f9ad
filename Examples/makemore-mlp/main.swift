// makemore part 2's pictures: the MLP whose characters live in the plane.
//
// The lecture's first MLP: C is 27×2, so each character's embedding is a
// point; W1 is 6×100 and W2 100×27 (3,481 parameters). First the search
// for a learning rate: lre = linspace(-3, 0, 1000), lr = 10**lre, one
// minibatch step at each rate in turn, training on from one to the next,
// and the loss plotted against lre: it falls until lr is about 0.1 and
// climbs again after. Then the parameters drawn afresh and trained at
// 0.1, with the curve of log10(loss), and the 27 characters scattered at
// their rows of C, each labelled with its letter.
//
// The lecture's minibatches of 32, and 20,000 training steps at lr 0.1:
// long enough for the vowels to group in C, as they do in the lecture
// (after 15,000 steps u still sits among the consonants; the lecture's
// decay to 0.01 halfway does not group them by 20,000 either). The titles
// say how many steps. Both runs train on the compiled form of a step
// (CompiledTrainingStep: the same numbers as the engine's, bit for bit,
// without building each step's graph anew), which makes this a few
// seconds in a release build: make figures and make test build the
// lessons so (in a debug build it would take many minutes).
// `micrograd makemore train` and `names-mlp` make the 200,000-step runs.
//
// Last, names sampled from the bigram counts and from this MLP, seeded as
// the lecture seeds them, each character with the probabilities it was
// drawn from: the page makemore-sampling.html steps through them.
//
//   swift run makemore-mlp [--out DIR] [--names FILE]   writes
//       makemore-learning-rate.svg, makemore-loss.svg, makemore-embedding.svg,
//       makemore-sampling.html
import Figures
import Foundation
import Makemore
import Plots

/// torch.linspace(start, end, steps), in Double (torch's is float32): the
/// first half counted up from `start`, the second half down from `end`, so
/// that both ends are exact.
func linspace(_ start: Double, _ end: Double, _ steps: Int) -> [Double] {
  let step = (end - start) / Double(steps - 1)
  return (0..<steps).map { i in
    i < steps / 2 ? start + step * Double(i) : end - step * Double(steps - 1 - i)
  }
}

lessonMain(
  "makemore-mlp", summary: "makemore part 2: the learning-rate search, the loss curve, the 2-d embedding",
  names: Words.namesFile
) { figures, names in
  let words: Words
  do {
    words = try Words(contentsOf: names)
  } catch MakemoreError.unreadable(let path, let reason) {
    throw LessonError.cannotReadNames(path: path, reason: reason)  // which says to pass --names
  }
  // The words shuffled with random.seed(42); the training split's X and Y.
  let Xtr = Dataset(WordSplit(words.words, seed: 42).train, blockSize: 3)
  print("examples: \(Xtr.count) train")
  let configuration = MLPConfiguration(blockSize: 3, embeddingSize: 2, hiddenSize: 100)
  let batchSize = 32

  // g = torch.Generator().manual_seed(2147483647); C = randn((27, 2)), ...
  var g = TorchGenerator(seed: 2_147_483_647)
  let searched = try MLPLanguageModel(configuration, using: &g)
  print("parameters: \(searched.parameters().count)")

  // The search: lr from 0.001 up to 1, one step at each, the loss of each
  // step's minibatch kept beside its lre.
  let lre = linspace(-3, 0, 1_000)
  let lrs = lre.map { pow(10, $0) }
  // Each step replays the compiled form of one step's graph (the
  // engine's own numbers, bit for bit, without building the graph anew).
  let step = try CompiledTrainingStep(searched, batchSize: batchSize)
  var lossi: [Double] = []
  for lr in lrs {
    let ix = (0..<batchSize).map { _ in g.randint(Xtr.count) }  // torch.randint(0, X.shape[0], (32,))
    lossi.append(step.step(ix, in: Xtr, learningRate: lr))
  }
  print("lre: \(lre.count) exponents from \(lre.first!) to \(lre.last!), lr from \(lrs.first!) to \(lrs.last!)")
  for i in [0, 333, 666, 999] {
    print("search step \(i): lre \(lre[i]), lr \(lrs[i]), loss \(lossi[i])")
  }
  try figures.write(
    LinePlot(
      title: "loss at lr = 10**lre: 1000 steps of \(batchSize), one per rate", xLabel: "lre", yLabel: "loss",
      series: [Series("loss", points: Array(zip(lre, lossi)))]),
    "makemore-learning-rate")

  // The parameters drawn again, then trained at lr 0.1, where the
  // search's loss was lowest.
  var g2 = TorchGenerator(seed: 2_147_483_647)
  let model = try MLPLanguageModel(configuration, using: &g2)
  let steps = 20_000
  let schedule = TrainingSchedule(steps: steps, batchSize: batchSize, learningRate: 0.1, decayStep: steps)
  let losses = try model.train(on: Xtr, schedule: schedule, engine: .compiled, using: &g2)
  for i in [0, 99, 999, steps - 1] { print("step \(i): loss \(losses[i])") }
  try figures.write(
    LossCurve(losses: losses, title: "minibatch loss: \(steps) steps of \(batchSize) at lr 0.1"),
    "makemore-loss")

  // Each character at its row of C, labelled with its letter.
  let tokens = Vocabulary.lecture.tokens.map { String($0) }
  for (token, row) in zip(tokens, model.C) {
    print("C[\(token)] = [\(row[0].data), \(row[1].data)]")
  }
  try figures.write(
    LabelledScatter(
      title: "the characters at their rows of C, after \(steps) steps", xLabel: "C[:, 0]", yLabel: "C[:, 1]",
      points: model.C.map { ($0[0].data, $0[1].data) }, labels: tokens),
    "makemore-embedding")

  // Sampling, character by character: the bigram counts from
  // torch.Generator().manual_seed(2147483647), as the lecture samples
  // them, and this MLP from 2147483647 + 10, each draw with its probabilities.
  let bigram = BigramCounts(words).trace(names: 10)
  let mlp = try MLPWeights(model).trace(names: 10)
  print("bigram samples: \(bigram.names.joined(separator: " "))")
  print("MLP samples after \(steps) steps: \(mlp.names.joined(separator: " "))")
  try figures.write(
    SamplingPage(
      [bigram, mlp], labels: ["bigram counts", "MLP after \(steps) steps"],
      title: "sampling names, one character at a time"),
    "makemore-sampling")
}
