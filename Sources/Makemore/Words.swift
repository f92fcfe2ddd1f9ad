import Foundation

/// A word list: one word per line, as `names.txt`.
public struct Words: Sendable {
  /// The words, in file order.
  public let words: [String]
  /// How many lines were skipped for characters outside the vocabulary
  /// (only when reading with `skippingUnknown: true`).
  public let skipped: Int

  /// Reads a UTF-8 file with one word per line. Blank lines (and spaces
  /// or a carriage return around a word) are ignored.
  ///
  /// A word may use `a` to `z`, the lecture's ``Vocabulary`` (`.`, which
  /// marks word ends, may not appear in a word).
  ///
  /// - Parameters:
  ///   - url: The file.
  ///   - skippingUnknown: Skip words with other characters, counting them,
  ///     instead of failing.
  /// - Throws: ``MakemoreError`` naming the file, and the line for a bad word.
  public init(contentsOf url: URL, skippingUnknown: Bool = false) throws {
    let data = try readRegularFile(url)
    guard let text = String(data: data, encoding: .utf8) else {
      throw MakemoreError.notUTF8(path: url.path)
    }
    var words: [String] = []
    var skipped = 0
    for (number, line) in text.split(omittingEmptySubsequences: false, whereSeparator: \.isNewline).enumerated() {
      let word = line.trimmingCharacters(in: .whitespacesAndNewlines)
      if word.isEmpty { continue }
      if let bad = word.first(where: Vocabulary.isNotInWords) {
        if skippingUnknown {
          skipped += 1
          continue
        }
        throw MakemoreError.unknownCharacter(path: url.path, line: number + 1, character: bad, word: word)
      }
      words.append(word)
    }
    guard !words.isEmpty else { throw MakemoreError.noWords(path: url.path) }
    self.words = words
    self.skipped = skipped
  }

  /// Words given directly, checked as a file's are (but an empty list is
  /// allowed).
  ///
  /// - Throws: ``MakemoreError/unknownCharacter(path:line:character:word:)``
  ///   with an empty path and the word's position (from 1) as its line.
  public init(_ words: [String]) throws {
    for (i, word) in words.enumerated() {
      if let bad = word.first(where: Vocabulary.isNotInWords) {
        throw MakemoreError.unknownCharacter(path: "", line: i + 1, character: bad, word: word)
      }
    }
    self.words = words
    self.skipped = 0
  }
}

extension Vocabulary {
  /// Whether `character` cannot be in a word: `.`, which marks word ends,
  /// or a character outside the vocabulary.
  static func isNotInWords(_ character: Character) -> Bool {
    character == "." || lecture.index(of: character) == nil
  }
}
