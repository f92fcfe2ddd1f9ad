/// Text escaped for the places Graphviz reads it, so that any label is
/// drawn exactly as written.
///
/// A label passes through three readers: the DOT parser (quoted strings:
/// `\"`), the record-label parser (`{ } | < >` delimit fields and ports;
/// spaces at either end of a field and runs of spaces are dropped unless
/// written `\ `) and the label maker (`\n` breaks lines, `\N` `\G` `\E`
/// `\T` `\H` `\L` expand to names, `&amp;` and friends become characters).
/// The tests draw every case and read the text back out of the SVG.
enum RecordText {
  /// `text` as one field of a record label, inside a DOT quoted string.
  ///
  /// - `\` `{` `}` `|` `<` `>` are backslash-escaped, `"` becomes `\"`;
  /// - `&` becomes `&amp;`, so `&lt;` is drawn as typed;
  /// - a line break (`\n`, `\r\n` or `\r`) becomes `\n`, a centred break;
  /// - a space at either end of a line, or after another space, becomes a
  ///   no-break space (U+00A0), which looks the same: Graphviz drops such
  ///   spaces, and its `\ ` escape does not keep them either (2.43 still
  ///   drops it at the start of a field and then keeps the field's closing
  ///   space);
  /// - any other control character is drawn as
  ///   `String.withVisibleControlCharacters` shows it (tab as `␉`, DEL as
  ///   `␡`, U+009B as `\u{9B}`): SVG cannot carry C0 characters, and would
  ///   draw nothing for the others;
  /// - everything else, non-ASCII included, is written as it is (UTF-8).
  static func field(_ text: String) -> String {
    escaped(text, backslash: "\\\\", inRecord: true)
  }

  /// `text` inside a DOT quoted string for a plain label (an op node's).
  static func quoted(_ text: String) -> String {
    escaped(text, backslash: "\\\\", inRecord: false)
  }

  /// `text` inside a DOT quoted string for a tooltip. Graphviz expands
  /// `\N` and friends in tooltips after reading `\\` as one backslash, so
  /// a backslash is written as four.
  static func tooltip(_ text: String) -> String {
    escaped(text, backslash: "\\\\\\\\", inRecord: false)
  }

  /// The escapes every place shares (backslash as given, `"`, `&`, line
  /// breaks, control characters made visible), plus, in a record field,
  /// the record syntax `{ } | < >` and the spaces Graphviz would drop.
  private static func escaped(_ text: String, backslash: String, inRecord: Bool) -> String {
    var out = ""
    let scalars = Array(text.unicodeScalars)
    var i = 0
    while i < scalars.count {
      let c = scalars[i]
      switch c {
      case "\\": out += backslash
      case "{", "}", "|", "<", ">": out += (inRecord ? "\\" : "") + String(c)
      case "\"": out += "\\\""
      case "&": out += "&amp;"
      case "\r":
        out += "\\n"
        if i + 1 < scalars.count, scalars[i + 1] == "\n" { i += 1 }
      case "\n": out += "\\n"
      case " " where inRecord:
        let first = i == 0 || scalars[i - 1] == "\n" || scalars[i - 1] == "\r"
        let last = i == scalars.count - 1 || scalars[i + 1] == "\n" || scalars[i + 1] == "\r"
        let afterSpace = i > 0 && scalars[i - 1] == " "
        out += first || last || afterSpace ? "\u{A0}" : " "
      default:
        if let shown = VisibleText.standIn(for: c) {
          // Drawn as if typed: `\u{9B}`'s backslash and braces are escaped too.
          out += escaped(shown, backslash: backslash, inRecord: inRecord)
        } else {
          out.unicodeScalars.append(c)
        }
      }
      i += 1
    }
    return out
  }
}
