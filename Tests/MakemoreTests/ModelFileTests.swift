import Foundation
import Micrograd
import TestSupport
import Testing

@testable import Makemore

/// Saving and loading models, and what a bad model file gives.
@Suite struct ModelFileTests {
  /// A folder of this test's own, removed after it.
  let temporary: TemporaryFolder
  var folder: URL { temporary.url }

  init() throws { temporary = try TemporaryFolder() }

  /// A trained-a-little model, so that no weight is a plain randn draw.
  func trainedModel() throws -> MLPLanguageModel {
    let model = try MLPTests.smallModel()
    var g = TorchGenerator(seed: 3)
    try model.train(
      on: Dataset(MLPTests.words, blockSize: 3), schedule: TrainingSchedule(steps: 20, batchSize: 8), using: &g)
    return model
  }

  @Test func roundTripGivesIdenticalPredictions() throws {
    let model = try trainedModel()
    let url = folder.appendingPathComponent("model.json")
    try model.save(to: url)
    let loaded = try MLPLanguageModel(contentsOf: url)
    #expect(loaded.configuration == model.configuration)
    #expect(loaded.parameters().map(\.data) == model.parameters().map(\.data))
    let data = Dataset(MLPTests.words, blockSize: 3)
    for i in 0..<data.count {
      #expect(MLPWeights(loaded).logits(data.context(i)) == MLPWeights(model).logits(data.context(i)))
    }
    var a = TorchGenerator(seed: 9)
    var b = TorchGenerator(seed: 9)
    let fromFile = try (0..<10).map { _ in try MLPWeights(loaded).sample(using: &a) }
    let trained = try (0..<10).map { _ in try MLPWeights(model).sample(using: &b) }
    #expect(fromFile == trained)
    // The same model writes the same bytes; the file is readable JSON with the lecture's shapes.
    #expect(try loaded.fileText() == model.fileText())
    let json = try #require(try JSONSerialization.jsonObject(with: Data(contentsOf: url)) as? [String: Any])
    #expect(json["format"] as? String == "swift-micrograd makemore MLP" && json["version"] as? Int == 1)
    #expect((json["W1"] as? [[Double]])?.count == 6 && (json["W1"] as? [[Double]])?.first?.count == 16)
  }

  /// Writes `text` to a file and returns the error loading it gives.
  func loadError(_ text: String) throws -> String {
    let url = folder.appendingPathComponent("bad.json")
    try Data(text.utf8).write(to: url)
    do {
      _ = try MLPLanguageModel(contentsOf: url)
      return "loaded"
    } catch let error as MakemoreError {
      guard case .badModel(let path, let reason) = error else { return "\(error)" }
      #expect(path == url.path)
      #expect("\(error)".hasPrefix("cannot load the model \"\(url.path)\": "))
      return reason
    }
  }

  @Test func damagedOrMismatchedFilesAreClearErrors() throws {
    let good = try trainedModel().fileText()
    #expect(try loadError(good) == "loaded")
    #expect(try loadError("") == "it is damaged: not valid JSON")
    #expect(try loadError(String(good.prefix(good.count / 2))) == "it is damaged: not valid JSON")
    #expect(
      try loadError("{\"format\": \"png\", \"version\": 1}") == "it is not a makemore MLP model (its format is \"png\")"
    )
    #expect(try loadError("[1, 2, 3]").hasPrefix("the file is not what a model holds there: "))
    // One edit of a good file each, and the reason loading it gives.
    func edited(_ old: String, _ new: String) -> String { good.replacingOccurrences(of: old, with: new) }
    #expect(
      try loadError(edited("\"version\": 1", "\"version\": 2"))
        == "it is version 2 of the format; this micrograd reads version 1")
    #expect(
      try loadError(edited("\"hiddenSize\": 16", "\"hiddenSize\": 17"))
        == "W1 row 0 has 16 numbers, expected 17 (hiddenSize)")
    #expect(
      try loadError(edited("\"blockSize\": 3", "\"blockSize\": 2"))
        == "W1 has 6 rows, expected 4 (blockSize × embeddingSize)")
    #expect(
      try loadError(edited("\"hiddenSize\": 16", "\"hiddenSize\": 8")) == "the hidden size must be 16 to 10000, got 8")
    #expect(try loadError(edited("\"b2\"", "\"b3\"")) == "it has no \"b2\" field (not a complete makemore MLP model)")
    #expect(
      try loadError(edited(".abcdefghijklmnopqrstuvwxyz", "abc"))
        == "its vocabulary \"abc\" is not the lecture's \".a...z\"")
    let text = good.replacingOccurrences(of: "\"C\": [\n    [", with: "\"C\": [\n    [\"x\", ")
    #expect(try loadError(text).hasPrefix("C[0][0] is not what a model holds there"))
  }

  @Test func missingFileAndUnsavableModels() throws {
    let missing = folder.appendingPathComponent("nothing.json")
    #expect(throws: MakemoreError.self) { try MLPLanguageModel(contentsOf: missing) }
    let model = try trainedModel()
    model.b1[3].data = .nan
    let url = folder.appendingPathComponent("nan.json")
    #expect(throws: MakemoreError.cannotSave(path: url.path, reason: "b1 holds nan, which a model file cannot hold")) {
      try model.save(to: url)
    }
    #expect(!FileManager.default.fileExists(atPath: url.path))
    let nowhere = folder.appendingPathComponent("no/such/folder/model.json")
    model.b1[3].data = 0
    // Written as every file is (FileOutput's AtomicFile): the system's reason.
    #expect(throws: MakemoreError.cannotSave(path: nowhere.path, reason: "No such file or directory")) {
      try model.save(to: nowhere)
    }
  }
}
