/// The lecture's 27 tokens: `.` (index 0) marks a word's start and end,
/// then `a` to `z` (1 to 26): `stoi` and `itos`.
///
/// It is the only vocabulary: the models, their files and the messages
/// about words are the lecture's, so ``lecture`` is the one value there is.
public struct Vocabulary: Hashable, Sendable {
  /// The tokens, in index order: `itos`.
  public let tokens: [Character]

  private init(tokens: [Character]) { self.tokens = tokens }

  /// The lecture's vocabulary: `.` then `a`...`z`.
  public static let lecture = Vocabulary(
    tokens: ["."] + (UInt8(ascii: "a")...UInt8(ascii: "z")).map { Character(Unicode.Scalar($0)) })

  /// The number of tokens, 27.
  public var count: Int { tokens.count }

  /// The index of `token` (`stoi`), or `nil` when it is not in the vocabulary.
  public func index(of token: Character) -> Int? {
    guard let ascii = token.asciiValue else { return nil }
    if ascii == UInt8(ascii: ".") { return 0 }
    guard ascii >= UInt8(ascii: "a"), ascii <= UInt8(ascii: "z") else { return nil }
    return Int(ascii - UInt8(ascii: "a")) + 1
  }

  /// The token at `index` (`itos`).
  public func token(at index: Int) -> Character { tokens[index] }
}
