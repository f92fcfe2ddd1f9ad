/// Text made safe for the formats the package writes by hand: HTML pages
/// and SVG, and JSON (also inside a page's `<script>`).
public enum Escaping {
  /// Text for HTML or XML, in content or in an attribute quoted either
  /// way: `&`, `<`, `>`, `"` and `'` as character references.
  ///
  /// ```swift
  /// Escaping.html("a < b & 'c'")  // "a &lt; b &amp; &#39;c&#39;"
  /// ```
  public static func html(_ text: String) -> String {
    replacing(text) { c in
      switch c {
      case "&": "&amp;"
      case "<": "&lt;"
      case ">": "&gt;"
      case "\"": "&quot;"
      case "'": "&#39;"
      default: nil
      }
    }
  }

  /// A JSON string, quotes included, that is also safe inside a
  /// `<script>` element: `<`, `>` and `&` are written as `\u003c` and so
  /// on, so no text can write `</script>` or `<!--`, and neither can
  /// U+2028 or U+2029 end a line; control characters and DEL as `\u00XX`.
  ///
  /// ```swift
  /// Escaping.json("say \"hi\"\n")  // "\"say \\\"hi\\\"\\n\""
  /// ```
  public static func json(_ text: String) -> String {
    let escaped = replacing(text) { c in
      switch c {
      case "\"": "\\\""
      case "\\": "\\\\"
      case "\n": "\\n"
      case _ where c.value < 0x20 || c.value == 0x7F: unicodeEscape(c.value)
      default: scriptSafeReplacement(c)
      }
    }
    return "\"" + escaped + "\""
  }

  /// JSON text that is also safe inside a `<script>` element: `<`, `>`
  /// and `&` as `\u003c` and so on (they stand only inside strings in
  /// valid JSON, where the escape means the same), and U+2028 and U+2029
  /// escaped too, so that no string can end the element.
  ///
  /// ```swift
  /// Escaping.scriptSafe(#"{"a":"</script>"}"#)  // {"a":"\u003c/script\u003e"}
  /// ```
  public static func scriptSafe(_ json: String) -> String {
    replacing(json, scriptSafeReplacement)
  }

  /// What stands for `c` inside a `<script>` element: `<`, `>`, `&`,
  /// U+2028 and U+2029 as `\u003c` and so on; nil for the rest.
  private static func scriptSafeReplacement(_ c: Unicode.Scalar) -> String? {
    switch c {
    case "<", ">", "&", "\u{2028}", "\u{2029}": unicodeEscape(c.value)
    default: nil
    }
  }

  /// `text` with each scalar that `replacement` gives text for replaced
  /// by it, the rest as they are.
  @inline(__always)
  private static func replacing(_ text: String, _ replacement: (Unicode.Scalar) -> String?) -> String {
    var out = ""
    out.reserveCapacity(text.utf8.count)
    for c in text.unicodeScalars {
      if let replaced = replacement(c) { out += replaced } else { out.unicodeScalars.append(c) }
    }
    return out
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }
}
