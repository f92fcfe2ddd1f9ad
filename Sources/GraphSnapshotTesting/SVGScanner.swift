/// One piece of an SVG file, as ``SVGScanner`` reads it.
enum SVGToken: Equatable {
  /// `<name attributes...>`, or `<name .../>` with `closes` set.
  case start(name: String, attributes: [String: String], closes: Bool)
  /// `</name>`.
  case end(name: String)
  /// Character data between tags, entities decoded.
  case text(String)
}

/// Reads the SVG that Graphviz (or a plot) writes, tag by tag: enough XML
/// for well-formed, double- or single-quoted output. Comments, the XML
/// declaration and the DOCTYPE are skipped; nothing recurses.
struct SVGScanner {
  private let scalars: [Unicode.Scalar]
  private var i = 0

  init(_ svg: String) {
    scalars = Array(svg.unicodeScalars)
  }

  /// The next token, or `nil` at the end.
  mutating func next() -> SVGToken? {
    while i < scalars.count {
      if scalars[i] != "<" {
        let start = i
        while i < scalars.count, scalars[i] != "<" { i += 1 }
        return .text(Self.decode(String(String.UnicodeScalarView(scalars[start..<i]))))
      }
      if starts(with: "<!--") {
        skip(past: "-->")
      } else if starts(with: "<?") {
        skip(past: "?>")
      } else if starts(with: "<!") {
        skip(past: ">")
      } else if starts(with: "</") {
        i += 2
        let name = word()
        skip(past: ">")
        return .end(name: name)
      } else {
        i += 1
        return startTag()
      }
    }
    return nil
  }

  /// A start tag's name and attributes, after its `<`.
  private mutating func startTag() -> SVGToken {
    let name = word()
    var attributes: [String: String] = [:]
    while i < scalars.count {
      skipSpaces()
      guard i < scalars.count else { break }
      if scalars[i] == ">" {
        i += 1
        return .start(name: name, attributes: attributes, closes: false)
      }
      if starts(with: "/>") {
        i += 2
        return .start(name: name, attributes: attributes, closes: true)
      }
      let key = word()
      if key.isEmpty {
        i += 1
        continue
      }  // a stray character: step over it
      skipSpaces()
      guard i < scalars.count, scalars[i] == "=" else { continue }
      i += 1
      skipSpaces()
      guard i < scalars.count, scalars[i] == "\"" || scalars[i] == "'" else { continue }
      let quote = scalars[i]
      i += 1
      let start = i
      while i < scalars.count, scalars[i] != quote { i += 1 }
      attributes[key] = Self.decode(String(String.UnicodeScalarView(scalars[start..<min(i, scalars.count)])))
      i += 1
    }
    return .start(name: name, attributes: attributes, closes: true)
  }

  /// A name: everything up to a space, `=`, `>` or `/`.
  private mutating func word() -> String {
    let start = i
    while i < scalars.count, !" \t\r\n=>/".unicodeScalars.contains(scalars[i]) { i += 1 }
    return String(String.UnicodeScalarView(scalars[start..<i]))
  }

  private mutating func skipSpaces() {
    while i < scalars.count, " \t\r\n".unicodeScalars.contains(scalars[i]) { i += 1 }
  }

  private func starts(with prefix: String) -> Bool {
    var j = i
    for scalar in prefix.unicodeScalars {
      guard j < scalars.count, scalars[j] == scalar else { return false }
      j += 1
    }
    return true
  }

  /// Moves past the next `terminator`, or to the end.
  private mutating func skip(past terminator: String) {
    while i < scalars.count, !starts(with: terminator) { i += 1 }
    i = min(scalars.count, i + terminator.unicodeScalars.count)
  }

  /// Text with XML's five named entities and numeric references decoded
  /// (Graphviz writes `-` as `&#45;` and a no-break space as `&#160;`).
  static func decode(_ text: String) -> String {
    guard text.contains("&") else { return text }
    var out = ""
    var rest = Substring(text)
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semicolon = rest[amp...].prefix(12).firstIndex(of: ";") else {
        out += "&"
        rest = rest[rest.index(after: amp)...]
        continue
      }
      let entity = rest[rest.index(after: amp)..<semicolon]
      let named = ["amp": "&", "lt": "<", "gt": ">", "quot": "\"", "apos": "'"]
      var scalar: Unicode.Scalar?
      if entity.hasPrefix("#x") || entity.hasPrefix("#X") {
        scalar = UInt32(entity.dropFirst(2), radix: 16).flatMap(Unicode.Scalar.init)
      } else if entity.hasPrefix("#") {
        scalar = UInt32(entity.dropFirst()).flatMap(Unicode.Scalar.init)
      }
      if let scalar {
        out.unicodeScalars.append(scalar)
      } else if let character = named[String(entity)] {
        out += character
      } else {
        out += rest[amp...semicolon]
      }
      rest = rest[rest.index(after: semicolon)...]
    }
    return out + rest
  }
}
