import Foundation
import Micrograd
import Testing

@testable import Plots

/// The architecture diagram keeps a network's order at any size: each
/// layer's units top to bottom as numbered (x1, x2, ...; L1.N1, L1.N2,
/// ...), each layer in a column of its own, read from where Graphviz put
/// the circles.
@Suite struct NetworkDiagramTests {
  /// The centre of each circle, by its node's name (`x1`, `L1_N2`).
  static func centres(_ svg: String) -> [String: (x: Double, y: Double)] {
    let nodes = svg.matches(
      of: /class="node">\s*<title>([^<]*)<\/title>\s*<ellipse[^>]*cx="([-0-9.]+)" cy="([-0-9.]+)"/)
    return Dictionary(nodes.map { (String($0.1), (Double($0.2)!, Double($0.3)!)) }) { first, _ in first }
  }

  @Test(arguments: [
    [3, 4, 4, 1], [2, 3, 1], [4, 6, 6, 1], [5, 4, 4, 1], [6, 3, 5, 2], [3, 8, 8, 1], [8, 3, 8, 2],
  ])
  func unitsStayInOrderTopToBottom(_ sizes: [Int]) throws {
    var rng = SplitMix64(seed: 1)
    let network = MLP(sizes[0], Array(sizes.dropFirst()), using: &rng)
    let diagram = NetworkDiagram(network)
    #expect(diagram.sizes == sizes)
    let centres = Self.centres(try diagram.drawing().svg())
    #expect(centres.count == sizes.reduce(0, +))
    var column = -Double.infinity
    for (layer, size) in sizes.enumerated() {
      let names = (1...size).map { layer == 0 ? "x\($0)" : "L\(layer)_N\($0)" }
      let places = try names.map { try #require(centres[$0], "\(sizes): no \($0)") }
      // One column per layer, left to right.
      #expect(Set(places.map(\.x)).count == 1, "\(sizes): \(names) are not in one column")
      #expect(places[0].x > column, "\(sizes): layer \(layer) is not right of the one before")
      column = places[0].x
      // Top to bottom as numbered (SVG's y grows downwards).
      let drawn = zip(places, names).sorted { $0.0.y < $1.0.y }.map(\.1)
      #expect(drawn == names, "\(sizes): from the top: \(drawn)")
      #expect(Set(places.map(\.y)).count == size, "\(sizes): \(names) share a height")
    }
  }
}
