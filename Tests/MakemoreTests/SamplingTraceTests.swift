import Foundation
import Makemore
import Testing

@Suite struct SamplingTraceTests {
  /// The lecture's names from the lecture's seed, each draw from the row of
  /// P after the character before, and each token the first whose running
  /// sum reaches the drawn uniform.
  @Test func bigramTraceIsTheLecturesSampling() throws {
    let counts = BigramCounts(try Words(contentsOf: namesURL))
    let trace = counts.trace(names: 5)
    #expect(trace.seed == 2_147_483_647 && trace.blockSize == 1)
    #expect(trace.names == ["mor.", "axx.", "minaymoryles.", "kondlaisah.", "anchshizarie."])
    var g = TorchGenerator(seed: 2_147_483_647)
    #expect(trace.names == (0..<5).map { _ in counts.sample(using: &g) })
    let P = counts.floatProbabilities()
    for word in trace.words {
      var previous = 0
      for draw in word {
        #expect(draw.context == [previous])
        let row = P[previous].map(Double.init)
        let total = row.reduce(0, +)
        #expect(draw.probabilities == row.map { $0 / total })
        // The first token whose running sum reaches the uniform (to float32's precision).
        let below = draw.probabilities[..<draw.index].reduce(0, +)
        #expect(below < draw.uniform + 1e-6 && below + draw.probabilities[draw.index] >= draw.uniform - 1e-6)
        previous = draw.index
      }
    }
    // .m: (2538 + 1) / (32033 + 27), the lecture's P[0, 13] = 0.0792.
    let first = trace.words[0][0]
    #expect(abs(first.probabilities[13] - 2539.0 / 32060.0) < 1e-7)
    #expect(String(format: "%.4f", first.probabilities[13]) == "0.0792")
    // torch.Generator().manual_seed(2147483647): its first float64 uniform.
    var fresh = TorchGenerator(seed: 2_147_483_647)
    #expect(first.uniform == fresh.uniformDouble())
  }

  @Test func mlpTraceIsItsSampling() throws {
    var g = TorchGenerator(seed: 2_147_483_647)
    let model = try MLPLanguageModel(MLPConfiguration(blockSize: 3, embeddingSize: 2, hiddenSize: 16), using: &g)
    let weights = MLPWeights(model)
    let trace = try weights.trace(names: 6, seed: 42)
    var sampler = TorchGenerator(seed: 42)
    #expect(trace.names == (0..<6).map { _ in try! weights.sample(using: &sampler) })
    #expect(trace.blockSize == 3)
    for word in trace.words {
      var context = [0, 0, 0]
      for draw in word {
        #expect(draw.context == context)
        let logits = weights.logits(context)
        let m = logits.max()!
        let softmax = logits.map { Foundation.exp($0 - m) }
        let total = softmax.reduce(0, +)
        for (p, q) in zip(draw.probabilities, softmax) {
          #expect(abs(p - q / total) < 1e-6)
        }
        context = Array(context.dropFirst()) + [draw.index]
      }
      #expect(word.last?.index == 0 || word.count == 100)
    }
    #expect(try weights.trace(names: 6, seed: 43).names != trace.names)
  }

  @Test func jsonIsStableAndReadsBack() throws {
    let counts = BigramCounts(try Words(["emma", "ava", "olivia"]))
    let trace = counts.trace(names: 3, seed: 7)
    let text = trace.json()
    #expect(text == counts.trace(names: 3, seed: 7).json())
    // Read back with JSONDecoder (which reads Swift's shortest numbers back exactly).
    struct Draw: Decodable { let context: [Int], probabilities: [Double], uniform: Double, index: Int }
    struct Replay: Decodable {
      let P: [[Double]]?, embeddingSize: Int?, hiddenSize: Int?, C: [Double]?, W1: [Double]?
    }
    struct File: Decodable {
      let model: String, seed: UInt64, blockSize: Int, vocabulary: String, replay: Replay, words: [[Draw]]
    }
    let file = try JSONDecoder().decode(File.self, from: Data(text.utf8))
    #expect(file.model == "bigram" && file.seed == 7 && file.blockSize == 1)
    #expect(file.vocabulary == ".abcdefghijklmnopqrstuvwxyz")
    // Each float32 exactly.
    #expect(file.replay.P?.map { $0.map(Float.init) } == counts.floatProbabilities())
    #expect(file.words.count == 3)
    for (word, draws) in zip(file.words, trace.words) {
      #expect(word.map(\.index) == draws.map(\.index))
      #expect(word.map(\.context) == draws.map(\.context))
      #expect(word.map(\.uniform) == draws.map(\.uniform))
      #expect(word.map(\.probabilities) == draws.map(\.probabilities))
    }
    var g = TorchGenerator(seed: 1)
    let mlp = try MLPLanguageModel(MLPConfiguration(blockSize: 2, embeddingSize: 2, hiddenSize: 16), using: &g)
    let mlpText = try MLPWeights(mlp).trace(names: 1).json()
    let mlpFile = try JSONDecoder().decode(File.self, from: Data(mlpText.utf8))
    #expect(mlpFile.model == "mlp" && mlpFile.blockSize == 2 && mlpFile.replay.hiddenSize == 16)
    #expect(mlpFile.replay.W1?.count == 16 * 4)
    #expect(mlpFile.replay.C == mlp.C.joined().map(\.data))
  }
}
