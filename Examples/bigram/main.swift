// makemore's first model, the bigram, on names.txt.
//
// Count how often each character follows another (with '.' around every
// word) into the 27×27 matrix N and draw it; sample five names from the
// counts; score the model by its average negative log likelihood. Then the
// same model as a network: 27×27 weights W, trained by gradient descent to
// about the same loss, and sampled. Seeded as the lecture seeds torch.
//
//   swift run bigram [--out DIR] [--names FILE]   writes bigram-counts (.dot,
//       .svg, .png); reads the names.txt the package carries unless --names
import Figures
import Foundation
import Makemore
import Micrograd
import Plots

lessonMain(
  "bigram", summary: "makemore's bigram: counts, their figure, samples, loss, and the neural bigram",
  names: Words.namesFile
) { figures, names in
  // The lecture's seed, torch.Generator().manual_seed(2147483647).
  let seed: UInt64 = 2_147_483_647
  let words: Words
  do {
    words = try Words(contentsOf: names)
  } catch MakemoreError.unreadable(let path, let reason) {
    throw LessonError.cannotReadNames(path: path, reason: reason)  // which says to pass --names
  }
  print("words: \(words.words.count)")

  // N[a][b]: how often b follows a, with '.' around every word.
  let N = BigramCounts(words)
  print("bigrams: \(N.counts.joined().reduce(0, +))")
  for (a, b) in [("n", "."), ("a", "."), ("a", "n"), (".", "a")] as [(Character, Character)] {
    print("N[\(a)\(b)] = \(N.count(a, b))")
  }
  print("zero counts: \(N.counts.joined().filter { $0 == 0 }.count) of \(N.counts.count * N.counts.count)")
  // The lecture's figure of N: each cell's bigram over its count, in Blues.
  let tokens = N.vocabulary.tokens.map { String($0) }
  let matrix = try CountMatrix(counts: N.counts, rowLabels: tokens, columnLabels: tokens)
  try figures.draw(matrix.drawing(fontSize: 12), "bigram-counts")  // 12 points: readable on a slide

  // Sampling: P = (N + 1) normalised, one character at a time from '.'.
  var g = TorchGenerator(seed: seed)
  for _ in 0..<5 {
    print("sample: \(N.sample(using: &g))")
  }

  // The quality of the model: the average negative log likelihood.
  print("nll without smoothing = \(try N.negativeLogLikelihood(of: words.words, smoothing: 0))")
  print("nll with +1 smoothing = \(try N.negativeLogLikelihood(of: words.words, smoothing: 1))")
  print("nll of andrejq = \(try N.negativeLogLikelihood(of: ["andrejq"], smoothing: 1))")

  // The neural bigram: W = randn(27, 27); 100 steps over the full batch,
  // lr 50, loss + 0.01 * mean(W**2).
  var gW = TorchGenerator(seed: seed)
  let W = NeuralBigram(using: &gW)
  print("neural loss on emma = \(W.loss(try Words(["emma"])).data)")
  for k in 0..<100 {
    let loss = W.step(counts: N, learningRate: 50, regularization: 0.01)
    print("step \(k) loss \(loss)")
  }
  var gSample = TorchGenerator(seed: seed)
  for _ in 0..<5 {
    print("neural sample: \(W.sample(using: &gSample))")
  }
}
