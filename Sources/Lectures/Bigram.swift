import Figures
import Foundation
import Makemore
import Micrograd

/// makemore's first model, the bigram, on `names.txt`: counted into the
/// matrix `N`, drawn, sampled and scored; then the same model as a network
/// of 27×27 weights, trained by gradient descent to about the same loss.
public enum BigramLecture: NamesLecture {
  public static let name = "bigram"
  public static let summary = "makemore's bigram: counts, their figure, samples, loss, and the neural bigram"

  /// The lecture's seed, `torch.Generator().manual_seed(2147483647)`.
  public static let seed: UInt64 = 2_147_483_647
  /// Steps of gradient descent on the neural bigram, the lecture's.
  public static let steps = 100

  public static func run(_ figures: inout FigureWriter, names: URL) throws {
    let words = try readNames(names)
    figures.say("words: \(words.words.count)")

    // N[a][b]: how often b follows a, with '.' around every word.
    let N = BigramCounts(words)
    figures.say("bigrams: \(N.counts.joined().reduce(0, +))")
    for (a, b) in [("n", "."), ("a", "."), ("a", "n"), (".", "a")] as [(Character, Character)] {
      figures.say("N[\(a)\(b)] = \(N.count(a, b))")
    }
    figures.say("zero counts: \(N.counts.joined().filter { $0 == 0 }.count) of \(N.counts.count * N.counts.count)")
    // The lecture's figure of N: each cell's bigram over its count, in Blues.
    let tokens = N.vocabulary.tokens.map { String($0) }
    let matrix = try CountMatrix(counts: N.counts, rowLabels: tokens, columnLabels: tokens)
    try figures.draw(matrix.drawing(), "bigram-counts")

    // Sampling: P = (N + 1) normalised, one character at a time from '.'.
    var g = TorchGenerator(seed: seed)
    for _ in 0..<5 {
      figures.say("sample: \(N.sample(using: &g))")
    }

    // The quality of the model: the average negative log likelihood.
    figures.say("nll without smoothing = \(try N.negativeLogLikelihood(of: words.words, smoothing: 0))")
    figures.say("nll with +1 smoothing = \(try N.negativeLogLikelihood(of: words.words, smoothing: 1))")
    figures.say("nll of andrejq = \(try N.negativeLogLikelihood(of: ["andrejq"], smoothing: 1))")

    // The neural bigram: W = randn(27, 27); full batch, lr 50, + 0.01 * mean(W**2).
    var gW = TorchGenerator(seed: seed)
    let W = NeuralBigram(using: &gW)
    figures.say("neural loss on emma = \(W.loss(try Words(["emma"])).data)")
    for k in 0..<steps {
      let loss = W.step(counts: N, learningRate: 50, regularization: 0.01)
      figures.say("step \(k) loss \(loss)")
    }
    var gSample = TorchGenerator(seed: seed)
    for _ in 0..<5 {
      figures.say("neural sample: \(W.sample(using: &gSample))")
    }
  }
}
