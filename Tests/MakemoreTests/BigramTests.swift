import Foundation
import Makemore
import TestSupport
import Testing

/// makemore's names.txt, as the package carries it.
let namesURL = Words.namesFile

@Suite struct BigramTests {
  let words: Words
  let model: BigramCounts

  init() throws {
    words = try Words(contentsOf: namesURL)
    model = BigramCounts(words)
  }

  @Test func dataSetAndVocabulary() {
    #expect(words.words.count == 32_033)
    #expect(Set(words.words).count == 29_494)
    #expect(words.words.map(\.count).min() == 2 && words.words.map(\.count).max() == 15)
    let v = Vocabulary.lecture
    #expect(v.count == 27)
    #expect(v.index(of: ".") == 0 && v.index(of: "a") == 1 && v.index(of: "z") == 26)
    #expect(v.token(at: 0) == "." && v.token(at: 26) == "z")
    #expect(v.index(of: "A") == nil && v.index(of: "1") == nil && v.index(of: "é") == nil)
  }

  /// The package carries makemore's file itself, byte for byte, wherever
  /// the tests run from (a resource, not a path beside the repository).
  @Test func packageCarriesMakemoresNames() throws {
    let bytes = try Data(contentsOf: Words.namesFile)
    #expect(bytes.count == 228_145)
    #expect(sha256(Array(bytes)) == "0a30b5557f192f32ab962680889aac5f6fda0f4cecf40a6d0b5694f58ea8cc4d")
    #expect(try Words.names().words == words.words)
    #expect(sha256(Array("abc".utf8)) == "ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad")
  }

  @Test func counts() {
    #expect(model.count("n", ".") == 6763)
    #expect(model.count("a", ".") == 6640)
    #expect(model.count("a", "n") == 5438)
    #expect(model.count(".", "a") == 4410)
    #expect(model.counts.joined().filter { $0 == 0 }.count == 102)
    #expect(model.counts.joined().reduce(0, +) == 228_146)
  }

  @Test func negativeLogLikelihood() throws {
    #expect(abs(try model.negativeLogLikelihood(of: words.words, smoothing: 0) - 2.454014) < 1e-5)
    #expect(abs(try model.negativeLogLikelihood(of: words.words, smoothing: 1) - 2.454577) < 1e-5)
    #expect(abs(try model.negativeLogLikelihood(of: ["andrejq"], smoothing: 1) - 3.4834) < 1e-4)
    // Without smoothing "jq" never occurs: the loss is infinite.
    #expect(try model.negativeLogLikelihood(of: ["andrejq"], smoothing: 0) == .infinity)
    #expect(throws: MakemoreError.self) { try model.negativeLogLikelihood(of: ["Emma"]) }
  }

  @Test func samplesTheLecturesNames() {
    var g = TorchGenerator(seed: 2_147_483_647)
    let names = (0..<5).map { _ in model.sample(using: &g) }
    #expect(names == ["mor.", "axx.", "minaymoryles.", "kondlaisah.", "anchshizarie."])
  }
}

@Suite struct TorchGeneratorTests {
  @Test func mt19937MatchesTheStandard() {
    // mt19937 seeded 5489 (the standard's default): its 10,000th output is
    // 4123659995 (C++ [rand.predef]).
    var g = TorchGenerator(seed: 5489)
    var last: UInt32 = 0
    for _ in 0..<10_000 { last = g.nextUInt32() }
    #expect(last == 4_123_659_995)
  }

  @Test func randNormalised() {
    var g = TorchGenerator(seed: 2_147_483_647)
    let p = g.rand(3)
    let total = p.reduce(0, +)
    let normalised = p.map { $0 / total }
    for (x, expected) in zip(normalised, [Float(0.6064), 0.3033, 0.0903]) {
      #expect(abs(x - expected) < 1e-4)
    }
  }

  @Test func multinomialFollowsTheWeights() {
    var g = TorchGenerator(seed: 1)
    let draws = g.multinomial([1, 0, 3], count: 10_000)
    #expect(!draws.contains(1))
    let threes = Double(draws.filter { $0 == 2 }.count) / 10_000
    #expect(abs(threes - 0.75) < 0.02)
  }
}

@Suite struct WordsTests {
  /// A folder of this test's own, removed after it.
  let folder: TemporaryFolder

  init() throws { folder = try TemporaryFolder() }

  /// A new file in the folder holding `text`.
  func file(_ text: String) throws -> URL {
    let url = folder.url.appendingPathComponent("words-\(UUID().uuidString).txt")
    try Data(text.utf8).write(to: url)
    return url
  }

  @Test func blankLinesAndSpacesAreIgnored() throws {
    let words = try Words(contentsOf: file("emma\n\n  olivia \r\nava\n"))
    #expect(words.words == ["emma", "olivia", "ava"])
  }

  @Test func badFilesSayWhatAndWhere() throws {
    let empty = try file("\n\n")
    #expect(throws: MakemoreError.noWords(path: empty.path)) { try Words(contentsOf: empty) }
    let upper = try file("emma\nOlivia\n")
    #expect(throws: MakemoreError.unknownCharacter(path: upper.path, line: 2, character: "O", word: "Olivia")) {
      try Words(contentsOf: upper)
    }
    #expect(
      "\(MakemoreError.unknownCharacter(path: "f", line: 2, character: "O", word: "Olivia"))".hasPrefix(
        "f:2: the word \"Olivia\""))
    let digits = try file("emma\nr2d2\nava\n")
    #expect(throws: MakemoreError.unknownCharacter(path: digits.path, line: 2, character: "2", word: "r2d2")) {
      try Words(contentsOf: digits)
    }
    let skipped = try Words(contentsOf: digits, skippingUnknown: true)
    #expect(skipped.words == ["emma", "ava"] && skipped.skipped == 1)
    let missing = URL(fileURLWithPath: "/no/such/names.txt")
    #expect { try Words(contentsOf: missing) } throws: { error in
      guard case MakemoreError.unreadable(let path, _) = error else { return false }
      return path == missing.path
    }
    let binary = folder.url.appendingPathComponent("binary")
    try Data([0xFF, 0xFE, 0x00]).write(to: binary)
    #expect(throws: MakemoreError.notUTF8(path: binary.path)) { try Words(contentsOf: binary) }
  }
}

@Suite struct NeuralBigramTests {
  @Test func lossOnEmmaBeforeTraining() throws {
    var g = TorchGenerator(seed: 2_147_483_647)
    let model = NeuralBigram(using: &g)
    let loss = model.loss(try Words(["emma"]))
    #expect(abs(loss.data - 3.7693) < 1e-4)
  }

  @Test func gradientDescentLowersTheLoss() throws {
    var g = TorchGenerator(seed: 2_147_483_647)
    let model = NeuralBigram(using: &g)
    let words = ["emma", "olivia", "ava", "isabella", "sophia"]
    var losses: [Double] = []
    for _ in 0..<20 {
      let loss = model.loss(try Words(words), regularization: 0.01)
      for w in model.weights.joined() { w.grad = 0 }
      loss.backward()
      for w in model.weights.joined() { w.data -= 10 * w.grad }
      losses.append(loss.data)
    }
    #expect(losses.last! < losses.first! - 1)
    #expect(zip(losses, losses.dropFirst()).allSatisfy { $1 < $0 })
  }
}

@Suite struct WordListTests {
  @Test func onlyRegularFilesAreRead() {
    #expect(throws: MakemoreError.unreadable(path: "/dev/zero", reason: "it is not a regular file")) {
      try Words(contentsOf: URL(fileURLWithPath: "/dev/zero"))
    }
    #expect(throws: MakemoreError.unreadable(path: "/tmp", reason: "it is a folder, not a file")) {
      try Words(contentsOf: URL(fileURLWithPath: "/tmp"))
    }
    #expect(throws: MakemoreError.unreadable(path: "/no/such/names.txt", reason: "no such file")) {
      try Words(contentsOf: URL(fileURLWithPath: "/no/such/names.txt"))
    }
  }

  @Test func wordsGivenDirectlyAreCheckedToo() {
    #expect(throws: MakemoreError.unknownCharacter(path: "", line: 2, character: "E", word: "Emma")) {
      try Words(["ava", "Emma"])
    }
    let message = "\(MakemoreError.unknownCharacter(path: "", line: 2, character: "E", word: "Emma"))"
    #expect(message.hasPrefix("word 2: the word \"Emma\" has \"E\""))
    #expect(throws: MakemoreError.self) { try Words(["a.b"]) }
  }
}
