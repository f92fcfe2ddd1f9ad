internal import FileOutput
import Foundation
import Micrograd

/// Saving and loading an ``MLPLanguageModel`` as a JSON file.
///
/// The format (version 1), in this order, one matrix row per line:
///
/// ```json
/// {
///   "format": "swift-micrograd makemore MLP",
///   "version": 1,
///   "vocabulary": ".abcdefghijklmnopqrstuvwxyz",
///   "blockSize": 3,
///   "embeddingSize": 10,
///   "hiddenSize": 200,
///   "C": [[...], ...],     27 rows of embeddingSize numbers
///   "W1": [[...], ...],    blockSize*embeddingSize rows of hiddenSize
///   "b1": [...],           hiddenSize
///   "W2": [[...], ...],    hiddenSize rows of 27
///   "b2": [...]            27
/// }
/// ```
///
/// Matrices have the lecture's shapes (`W1` is 30 × 200, as `torch.tensor`
/// of the list gives it). Numbers are written in Swift's shortest form that
/// reads back to the same `Double`, so a saved model predicts exactly what
/// the trained one did.
extension MLPLanguageModel {
  /// The `format` field of a model file.
  public static let fileFormat = "swift-micrograd makemore MLP"
  /// The version of the format this library writes and reads.
  public static let fileVersion = 1

  /// The model as the JSON text of a model file.
  ///
  /// - Throws: ``MakemoreError/cannotSave(path:reason:)`` (with an empty
  ///   path) when a parameter is NaN or infinite, which JSON cannot hold.
  public func fileText() throws -> String {
    let n = configuration
    func number(_ x: Double) -> String { x.description }
    func vector(_ xs: [Double]) -> String { "[" + xs.map(number).joined(separator: ", ") + "]" }
    func matrix(_ rows: [[Double]]) -> String {
      "[\n    " + rows.map(vector).joined(separator: ",\n    ") + "\n  ]"
    }
    let weights: [(String, [[Value]])] = [("C", C), ("W1", W1), ("W2", W2)]
    for (name, rows) in weights + [("b1", [b1]), ("b2", [b2])] {
      if let bad = rows.joined().first(where: { !$0.data.isFinite }) {
        throw MakemoreError.cannotSave(path: "", reason: "\(name) holds \(bad.data), which a model file cannot hold")
      }
    }
    let data = { (rows: [[Value]]) in rows.map { $0.map(\.data) } }
    return """
      {
        "format": "\(Self.fileFormat)",
        "version": \(Self.fileVersion),
        "vocabulary": "\(String(Vocabulary.lecture.tokens))",
        "blockSize": \(n.blockSize),
        "embeddingSize": \(n.embeddingSize),
        "hiddenSize": \(n.hiddenSize),
        "C": \(matrix(data(C))),
        "W1": \(matrix(Self.transposed(data(W1)))),
        "b1": \(vector(b1.map(\.data))),
        "W2": \(matrix(Self.transposed(data(W2)))),
        "b2": \(vector(b2.map(\.data)))
      }

      """
  }

  /// Writes the model to `url`: the whole file or, on failure, nothing
  /// (written beside it, then renamed).
  ///
  /// - Throws: ``MakemoreError/cannotSave(path:reason:)``.
  public func save(to url: URL) throws {
    let text: String
    do {
      text = try fileText()
    } catch MakemoreError.cannotSave(_, let reason) {
      throw MakemoreError.cannotSave(path: url.path, reason: reason)
    }
    do {
      try AtomicFile.write(text, to: url.path)
    } catch {
      throw MakemoreError.cannotSave(path: url.path, reason: error.reason)
    }
  }

  /// Reads a model saved by ``save(to:)``.
  ///
  /// - Throws: ``MakemoreError/unreadable(path:reason:)`` when the file
  ///   cannot be read, ``MakemoreError/badModel(path:reason:)`` when it is
  ///   damaged, of another format or version, or its shapes do not match
  ///   its sizes; the reason says which field is wrong.
  public init(contentsOf url: URL) throws {
    try self.init(fileData: try readRegularFile(url), named: url.path)
  }

  /// Reads the bytes of a model file that did not come from a file of
  /// its own (standard input, for `micrograd makemore sample --model -`).
  ///
  /// - Parameters:
  ///   - fileData: The bytes ``save(to:)`` writes.
  ///   - name: What errors call them: `standard input`.
  /// - Throws: ``MakemoreError/badModel(path:reason:)``, as
  ///   ``init(contentsOf:)`` does.
  public init(fileData: Data, named name: String) throws {
    do {
      try self.init(fileData: fileData)
    } catch let ModelFileProblem.problem(reason) {
      throw MakemoreError.badModel(path: name, reason: reason)
    }
  }

  /// Reads the bytes of a model file.
  init(fileData: Data) throws(ModelFileProblem) {
    let file: ModelFile
    do {
      // The header alone first: a file of another kind says so, rather
      // than which of the fields it lacks.
      let header = try JSONDecoder().decode(ModelFile.Header.self, from: fileData)
      guard header.format == Self.fileFormat else {
        throw ModelFileProblem.problem("it is not a makemore MLP model (its format is \"\(header.format)\")")
      }
      guard header.version == Self.fileVersion else {
        throw ModelFileProblem.problem(
          "it is version \(header.version) of the format; this micrograd reads version \(Self.fileVersion)")
      }
      file = try JSONDecoder().decode(ModelFile.self, from: fileData)
    } catch let problem as ModelFileProblem {
      throw problem
    } catch let error as DecodingError {
      throw .problem(ModelFile.describe(error))
    } catch {
      throw .problem("it is damaged: \(error.localizedDescription)")
    }
    guard file.vocabulary == String(Vocabulary.lecture.tokens) else {
      throw .problem("its vocabulary \"\(file.vocabulary)\" is not the lecture's \".a...z\"")
    }
    let n = MLPConfiguration(blockSize: file.blockSize, embeddingSize: file.embeddingSize, hiddenSize: file.hiddenSize)
    do { try n.validate() } catch { throw .problem(error.description) }
    try ModelFile.check("C", file.C, rows: n.vocabularySize, columns: n.embeddingSize, "tokens", "embeddingSize")
    try ModelFile.check(
      "W1", file.W1, rows: n.inputSize, columns: n.hiddenSize, "blockSize × embeddingSize", "hiddenSize")
    try ModelFile.check("b1", [file.b1], rows: 1, columns: n.hiddenSize, "", "hiddenSize")
    try ModelFile.check("W2", file.W2, rows: n.hiddenSize, columns: n.vocabularySize, "hiddenSize", "tokens")
    try ModelFile.check("b2", [file.b2], rows: 1, columns: n.vocabularySize, "", "tokens")
    self.init(
      n, C: file.C, W1: Self.transposed(file.W1), b1: file.b1, W2: Self.transposed(file.W2), b2: file.b2)
  }
}

/// What is wrong with a model file's bytes (the path is added by the caller).
enum ModelFileProblem: Error {
  case problem(String)
}

/// A model file's fields, as JSON holds them.
struct ModelFile: Decodable {
  struct Header: Decodable {
    let format: String
    let version: Int
  }
  let vocabulary: String
  let blockSize: Int
  let embeddingSize: Int
  let hiddenSize: Int
  let C: [[Double]]
  let W1: [[Double]]
  let b1: [Double]
  let W2: [[Double]]
  let b2: [Double]

  /// Checks a matrix's shape, naming the field and the size it follows.
  static func check(
    _ name: String, _ rows: [[Double]], rows expectedRows: Int, columns: Int, _ rowsSize: String, _ columnsSize: String
  ) throws(ModelFileProblem) {
    if rows.count != expectedRows {
      throw .problem("\(name) has \(rows.count) rows, expected \(expectedRows) (\(rowsSize))")
    }
    if let (i, row) = rows.enumerated().first(where: { $0.element.count != columns }) {
      let which = expectedRows == 1 ? name : "\(name) row \(i)"
      throw .problem("\(which) has \(row.count) numbers, expected \(columns) (\(columnsSize))")
    }
  }

  /// A decoding error as one line: what is wrong, at which field.
  static func describe(_ error: DecodingError) -> String {
    func path(_ keys: [any CodingKey]) -> String {
      guard !keys.isEmpty else { return "the file" }
      var text = ""
      for key in keys {
        if let index = key.intValue {
          text += "[\(index)]"
        } else {
          text += (text.isEmpty ? "" : ".") + key.stringValue
        }
      }
      return text
    }
    switch error {
    case .dataCorrupted(let context) where context.codingPath.isEmpty:
      return "it is damaged: not valid JSON"
    case .dataCorrupted(let context):
      return "\(path(context.codingPath)) is damaged: \(context.debugDescription)"
    case .keyNotFound(let key, let context):
      let at = path(context.codingPath + [key])
      return "it has no \"\(at)\" field (not a complete makemore MLP model)"
    case .typeMismatch(_, let context), .valueNotFound(_, let context):
      return "\(path(context.codingPath)) is not what a model holds there: \(context.debugDescription)"
    @unknown default:
      return "it is damaged: \(error)"
    }
  }
}
