import Foundation

extension RecordedTraining {
  /// The recording as JSON text, the same bytes for the same recording:
  /// keys in a fixed order, numbers in Swift's shortest form that reads
  /// back to the same `Double` (`null` for NaN and the infinities, which
  /// JSON cannot hold), one snapshot per line.
  ///
  /// ```json
  /// {"format":"swift-micrograd recorded training","version":1,
  /// "layers":[2,16,16,1],"activations":["relu","relu","linear"],
  /// "plane":{"x":[-1.5,2.5],"y":[-1.0,1.5],"cells":40},
  /// "points":[[x,y],...],"labels":[-1.0,...],
  /// "snapshots":[
  /// {"step":0,"loss":1.23,"accuracy":0.5,"parameters":[...],"regions":["base64",...]},
  /// ...]}
  /// ```
  ///
  /// Each region is its cells' bits, cell `i + j * cells` first to last,
  /// eight to a byte with the first cell in the byte's highest bit,
  /// padded with zeros, in base64.
  public func json() -> String {
    var out = "{\"format\":\"swift-micrograd recorded training\",\"version\":1,\n"
    out += "\"layers\":[" + layerSizes.map(String.init).joined(separator: ",") + "],"
    out += "\"activations\":[" + activations.map { "\"\(Self.name($0))\"" }.joined(separator: ",") + "],\n"
    out += "\"plane\":{\"x\":[\(plane.x.lowerBound.jsonNumber),\(plane.x.upperBound.jsonNumber)],"
    out += "\"y\":[\(plane.y.lowerBound.jsonNumber),\(plane.y.upperBound.jsonNumber)],\"cells\":\(plane.cells)},\n"
    out +=
      "\"points\":[" + points.map { "[" + $0.map(\.jsonNumber).joined(separator: ",") + "]" }.joined(separator: ",")
    out += "],\n\"labels\":[" + labels.map(\.jsonNumber).joined(separator: ",") + "],\n\"snapshots\":["
    for (k, s) in snapshots.enumerated() {
      out += k == 0 ? "\n" : ",\n"
      out += "{\"step\":\(s.step),\"loss\":\(s.loss.jsonNumber),\"accuracy\":\(s.accuracy.jsonNumber),"
      out += "\"parameters\":[" + s.parameters.map(\.jsonNumber).joined(separator: ",") + "],"
      out += "\"regions\":[" + s.regions.map { "\"" + Self.bits($0) + "\"" }.joined(separator: ",") + "]}"
    }
    return out + "]}\n"
  }

  /// The activation's name, as the lectures call it.
  static func name(_ activation: Activation) -> String {
    switch activation {
    case .tanh: "tanh"
    case .relu: "relu"
    case .sigmoid: "sigmoid"
    case .linear: "linear"
    }
  }

  /// `cells` as bits, highest bit first, in base64.
  static func bits(_ cells: [Bool]) -> String {
    var bytes = [UInt8](repeating: 0, count: (cells.count + 7) / 8)
    for (k, on) in cells.enumerated() where on {
      bytes[k / 8] |= 0x80 >> UInt8(k % 8)
    }
    return Data(bytes).base64EncodedString()
  }
}

extension Double {
  /// The number as JSON: Swift's shortest round-trip text, `null` if not
  /// finite (JSON has no NaN or infinity). The one way the package's JSON
  /// writes a number that may not be finite: the recorded runs here,
  /// Makemore's sampling traces.
  package var jsonNumber: String { isFinite ? description : "null" }
}
