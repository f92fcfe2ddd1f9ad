extension String {
  /// The text with every control character replaced by a visible stand-in,
  /// so that it can be written to a terminal (in an error message that
  /// echoes a user's argument, say) without moving the cursor, changing
  /// colours, clearing the screen or starting a line of its own.
  ///
  /// - A C0 control character (U+0000 to U+001F, tab and line breaks
  ///   included) becomes its Unicode control picture, U+2400 to U+241F:
  ///   escape is `␛`, tab `␉`, line feed `␊`, carriage return `␍`, NUL `␀`.
  /// - DEL (U+007F) becomes `␡` (U+2421).
  /// - A C1 control character (U+0080 to U+009F; some terminals read
  ///   U+009B as a control sequence introducer, as `ESC [`) has no control
  ///   picture and becomes its Swift escape, `\u{9B}`, with two uppercase
  ///   hexadecimal digits, as `debugDescription` writes C0 characters.
  /// - Everything else, non-ASCII letters, emoji, no-break spaces and
  ///   backslashes included, is unchanged.
  ///
  /// So the result holds no control character at all, and a C0 character
  /// or DEL is still one character wide. A figure's labels show control
  /// characters the same way (except that there a line break breaks the
  /// line).
  ///
  /// ```swift
  /// "\u{1B}[2Ja".withVisibleControlCharacters  // "␛[2Ja"
  /// "a\tb\u{7F}".withVisibleControlCharacters  // "a␉b␡"
  /// ```
  public var withVisibleControlCharacters: String {
    var out = ""
    for c in unicodeScalars {
      if let shown = VisibleText.standIn(for: c) {
        out += shown
      } else {
        out.unicodeScalars.append(c)
      }
    }
    return out
  }
}

/// The one mapping from control characters to visible text, shared by
/// `String.withVisibleControlCharacters` and figure labels (`RecordText`).
enum VisibleText {
  /// What is shown for `c` when it is a control character (C0, DEL or
  /// C1), or `nil` for any other character.
  static func standIn(for c: Unicode.Scalar) -> String? {
    switch c.value {
    case 0x00..<0x20: String(Character(Unicode.Scalar(0x2400 + c.value)!))
    case 0x7F: "\u{2421}"
    case 0x80..<0xA0: "\\u{" + String(c.value, radix: 16, uppercase: true) + "}"
    default: nil
    }
  }
}
