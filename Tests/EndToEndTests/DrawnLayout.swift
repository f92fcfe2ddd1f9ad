import Foundation

/// Where Graphviz put things in an SVG it drew: each cluster's box and
/// label, each node's box and first text, each edge's path, in the SVG's
/// coordinates (y grows downwards).
struct DrawnLayout {
  struct Box: Equatable {
    var minX: Double
    var maxX: Double
    var minY: Double
    var maxY: Double
    var midX: Double { (minX + maxX) / 2 }
    var midY: Double { (minY + maxY) / 2 }

    init(_ points: [(x: Double, y: Double)]) {
      minX = points.map(\.x).min() ?? 0
      maxX = points.map(\.x).max() ?? 0
      minY = points.map(\.y).min() ?? 0
      maxY = points.map(\.y).max() ?? 0
    }

    func contains(_ point: (x: Double, y: Double)) -> Bool {
      point.x >= minX && point.x <= maxX && point.y >= minY && point.y <= maxY
    }
  }

  struct Cluster {
    let name: String
    let box: Box
    /// The label's text and the box it takes, when the cluster has one.
    let label: (text: String, box: Box)?
  }

  struct Node {
    let name: String
    /// The first text of the node: a record's label field.
    let text: String
    let box: Box
  }

  struct Edge {
    let name: String
    /// Points along the edge's path (each Bézier piece sampled 20 times).
    let points: [(x: Double, y: Double)]
  }

  private(set) var clusters: [String: Cluster] = [:]
  private(set) var nodes: [Node] = []
  private(set) var edges: [Edge] = []

  /// Reads `svg`, which Graphviz wrote: every cluster, node and edge is a
  /// group of its class (`cluster`, `node`, `edge`, or a class that starts
  /// so) whose title names it, followed by what draws it.
  init(svg: String) {
    let headers = svg.matches(of: /<g id="[^"]*" class="(cluster|node|edge)[^"]*">\s*<title>([^<]*)<\/title>/)
    for (n, header) in headers.enumerated() {
      let end = n + 1 < headers.count ? headers[n + 1].range.lowerBound : svg.endIndex
      let body = String(svg[header.range.upperBound..<end])
      let name = Self.decoded(String(header.2))
      switch header.1 {
      case "cluster":
        guard let polygon = body.firstMatch(of: /<polygon[^>]*points="([^"]*)"/) else { continue }
        let box = Box(Self.points(String(polygon.1)))
        var label: (String, Box)?
        if let text = body.firstMatch(
          of: /<text[^>]*x="([-0-9.]+)" y="([-0-9.]+)"[^>]*font-size="([0-9.]+)"[^>]*>([^<]*)<\/text>/),
          let x = Double(text.1), let y = Double(text.2), let size = Double(text.3)
        {
          let words = Self.decoded(String(text.4))
          label = (words, Self.textBox(words, x: x, baseline: y, size: size))
        }
        clusters[name] = Cluster(name: name, box: box, label: label)
      case "edge":
        guard let path = body.firstMatch(of: /<path[^>]*\sd="([^"]*)"/) else { continue }
        edges.append(Edge(name: name, points: Self.sampled(Self.points(String(path.1)))))
      default:
        let text = body.firstMatch(of: /<text[^>]*>([^<]*)<\/text>/).map { Self.decoded(String($0.1)) } ?? ""
        if let polygon = body.firstMatch(of: /<polygon[^>]*points="([^"]*)"/) {
          nodes.append(Node(name: name, text: text, box: Box(Self.points(String(polygon.1)))))
        } else if let ellipse = body.firstMatch(
          of: /<ellipse[^>]*cx="([-0-9.]+)" cy="([-0-9.]+)" rx="([0-9.]+)" ry="([0-9.]+)"/),
          let cx = Double(ellipse.1), let cy = Double(ellipse.2), let rx = Double(ellipse.3),
          let ry = Double(ellipse.4)
        {
          nodes.append(Node(name: name, text: text, box: Box([(cx - rx, cy - ry), (cx + rx, cy + ry)])))
        }
      }
    }
  }

  /// The node whose first text is `text`.
  func node(_ text: String) -> Node? {
    nodes.first { $0.text == text }
  }

  /// The edges that pass through a cluster's label: `edge through label`.
  var edgesThroughLabels: [String] {
    var found: [String] = []
    for edge in edges {
      for cluster in clusters.values.sorted(by: { $0.name < $1.name }) {
        guard let label = cluster.label, edge.points.contains(where: label.box.contains) else { continue }
        found.append("\(edge.name) through \"\(label.text)\"")
      }
    }
    return found
  }

  /// The box a label of `text` takes, centred on `x` with its baseline at
  /// `baseline`: as wide as Graphviz's own estimate for its fonts (about
  /// 0.6 em a character: a record field `L3.N1.b` at 14 pt is 58 px
  /// wide), from 0.75 em above the baseline to 0.25 em below it.
  static func textBox(_ text: String, x: Double, baseline: Double, size: Double) -> Box {
    let half = Double(text.count) * size * 0.6 / 2
    return Box([(x - half, baseline - 0.75 * size), (x + half, baseline + 0.25 * size)])
  }

  /// `&#45;` and the like as the characters they stand for.
  static func decoded(_ text: String) -> String {
    var out = text
    for match in text.matches(of: /&#([0-9]+);/).reversed() {
      if let code = UInt32(match.1), let scalar = Unicode.Scalar(code) {
        out.replaceSubrange(match.range, with: String(Character(scalar)))
      }
    }
    return out.replacingOccurrences(of: "&lt;", with: "<").replacingOccurrences(of: "&gt;", with: ">")
      .replacingOccurrences(of: "&quot;", with: "\"").replacingOccurrences(of: "&amp;", with: "&")
  }

  /// The `x,y` pairs of a `points` list or a path's `d`.
  static func points(_ text: String) -> [(x: Double, y: Double)] {
    text.matches(of: /(-?[0-9.]+),(-?[0-9.]+)/).compactMap { match in
      guard let x = Double(match.1), let y = Double(match.2) else { return nil }
      return (x, y)
    }
  }

  /// Points along a path of cubic Bézier pieces (`M p0 C p1 p2 p3 p4 p5
  /// p6 ...`, as Graphviz writes every edge).
  static func sampled(_ controls: [(x: Double, y: Double)]) -> [(x: Double, y: Double)] {
    guard controls.count >= 4 else { return controls }
    var out: [(x: Double, y: Double)] = []
    var i = 0
    while i + 3 < controls.count {
      let (a, b, c, d) = (controls[i], controls[i + 1], controls[i + 2], controls[i + 3])
      for step in 0...20 {
        let t = Double(step) / 20
        let u = 1 - t
        let (wa, wb, wc, wd) = (u * u * u, 3 * u * u * t, 3 * u * t * t, t * t * t)
        out.append((wa * a.x + wb * b.x + wc * c.x + wd * d.x, wa * a.y + wb * b.y + wc * c.y + wd * d.y))
      }
      i += 3
    }
    return out
  }
}
