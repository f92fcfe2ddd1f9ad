import Foundation

/// Reads text back out of Graphviz's SVG, for tests.
enum SVGText {
  /// The `<g>` element with `<title>name</title>`: a node's drawing.
  static func group(named name: String, in svg: String) -> String? {
    guard let title = svg.range(of: "<title>\(name)</title>") else { return nil }
    let rest = svg[title.upperBound...]
    guard let end = rest.range(of: "</g>") else { return nil }
    return String(rest[..<end.lowerBound])
  }

  /// The decoded contents of every `<text>` element, in document order.
  static func texts(in fragment: String) -> [String] {
    var result: [String] = []
    var rest = fragment[...]
    while let open = rest.range(of: "<text"),
      let close = rest.range(of: "</text>", range: open.upperBound..<rest.endIndex)
    {
      let element = rest[open.upperBound..<close.lowerBound]
      if let start = element.firstIndex(of: ">") {
        result.append(decode(String(element[element.index(after: start)...])))
      }
      rest = rest[close.upperBound...]
    }
    return result
  }

  /// XML character references and the five predefined entities decoded.
  static func decode(_ text: String) -> String {
    var out = ""
    var rest = text[...]
    while let amp = rest.firstIndex(of: "&") {
      out += rest[..<amp]
      guard let semi = rest[amp...].firstIndex(of: ";") else { break }
      let entity = rest[rest.index(after: amp)..<semi]
      switch entity {
      case "amp": out += "&"
      case "lt": out += "<"
      case "gt": out += ">"
      case "quot": out += "\""
      case "apos": out += "'"
      default:
        if entity.hasPrefix("#x"), let v = UInt32(entity.dropFirst(2), radix: 16), let s = Unicode.Scalar(v) {
          out.unicodeScalars.append(s)
        } else if entity.hasPrefix("#"), let v = UInt32(entity.dropFirst()), let s = Unicode.Scalar(v) {
          out.unicodeScalars.append(s)
        } else {
          out += rest[amp...semi]
        }
      }
      rest = rest[rest.index(after: semi)...]
    }
    return out + rest
  }
}
