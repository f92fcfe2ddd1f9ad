internal import FileOutput

/// Why a word list or a model could not be used.
public enum MakemoreError: Error, Equatable, CustomStringConvertible {
  /// The file could not be read.
  case unreadable(path: String, reason: String)
  /// The file is not UTF-8 text.
  case notUTF8(path: String)
  /// The file holds no words.
  case noWords(path: String)
  /// A line is longer than ``Words/maxLineLength`` bytes.
  case lineTooLong(path: String, line: Int, length: Int)
  /// A word uses a character outside the vocabulary.
  case unknownCharacter(path: String, line: Int, character: Character, word: String)
  /// A model file is damaged, of another kind or version, or its shapes
  /// do not fit its sizes.
  case badModel(path: String, reason: String)
  /// A model could not be saved.
  case cannotSave(path: String, reason: String)
  /// A model's numbers are NaN or infinite where they must not be.
  case notFinite(String)

  /// What is wrong, and where.
  public var description: String {
    switch self {
    case .unreadable(let path, let reason):
      "cannot read \"\(path)\": \(reason)"
    case .notUTF8(let path):
      "\"\(path)\" is not UTF-8 text"
    case .noWords(let path):
      "\"\(path)\" holds no words (one word per line is expected)"
    case .unknownCharacter(let path, let line, let character, let word):
      (path.isEmpty ? "word \(line)" : "\(path):\(line)")
        + ": the word \"\(Terminal.quoted(word))\" has \(character.debugDescription), which is not in the "
        + "vocabulary (a to z); fix the line, or skip such words"
    case .lineTooLong(let path, let line, let length):
      "\(path):\(line): the line is \(Terminal.grouped(length)) bytes long; a word may have at most "
        + "\(Terminal.grouped(Words.maxLineLength)) (one name per line is expected)"
    case .badModel(let path, let reason):
      "cannot load the model \"\(path)\": \(reason)"
    case .notFinite(let what):
      "\(what) (NaN or infinite: training with too high a learning rate does that)"
    case .cannotSave(let path, let reason):
      "cannot save the model to \"\(path)\": \(reason)"
    }
  }
}
