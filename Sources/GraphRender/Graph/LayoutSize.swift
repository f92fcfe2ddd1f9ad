extension Trace {
  /// About how many nodes' worth of work Graphviz's `dot` does to lay out
  /// a drawing of this graph; see ``layoutSize(operands:)``.
  ///
  /// - Complexity: O(*n*) for a graph of *n* values.
  func layoutSize() -> Int {
    var operands = [[Int]](repeating: [], count: nodes.count)
    for edge in edges { operands[edge.to].append(edge.from) }
    return Self.layoutSize(operands: operands)
  }

  /// About how many nodes' worth of work Graphviz's `dot` does to lay out
  /// a drawing of a graph whose value `i` is drawn from the values
  /// `operands[i]` (each before `i`; none for a leaf, which has no op
  /// node), the last value the root: the value and op nodes, plus a
  /// quarter for each virtual node, one of which `dot` adds for every
  /// rank an edge crosses beyond the first.
  ///
  /// Layout time follows this, not the node count: a value used by many
  /// operations far apart (`a + a + ... + a`) draws edges across many
  /// ranks: 150 such terms (299 nodes) have a layout size of 5,812, more
  /// than a chain of 5,000 nodes (`bench --layout-scaling` times both;
  /// Benchmarks/README.md). The
  /// ranks are estimated as `dot` tends to choose them, which is as late
  /// as possible: the root after its operands, and every other value just
  /// before its earliest use, its op node just before it.
  ///
  /// - Complexity: O(*n* + *e*) for *n* values and *e* operand edges.
  static func layoutSize(operands: [[Int]]) -> Int {
    let count = operands.count
    guard count > 0 else { return 0 }
    func isComputed(_ i: Int) -> Bool { !operands[i].isEmpty }
    // The root's rank: one op and one value after its deepest operand.
    var depth = [Int](repeating: 0, count: count)
    for i in 0..<count where isComputed(i) {
      depth[i] = operands[i].map { depth[$0] }.max()! + 2
    }
    // From the root back, each value just before its earliest use.
    var rank = [Int](repeating: 0, count: count)
    var opRank = [Int](repeating: 0, count: count)
    var earliestUse = [Int](repeating: .max, count: count)
    for i in (0..<count).reversed() {
      rank[i] = i == count - 1 ? depth[i] : earliestUse[i] - 1
      guard isComputed(i) else { continue }
      opRank[i] = rank[i] - 1
      for from in operands[i] {
        earliestUse[from] = min(earliestUse[from], opRank[i])
      }
    }
    var crossings = 0
    for i in 0..<count {
      for from in operands[i] {
        crossings += max(0, opRank[i] - rank[from] - 1)
      }
    }
    // A virtual node costs dot about a quarter of a real one: measured
    // with `bench --layout-scaling`, where 22,000 crossings (150 terms)
    // took about as long as a chain of 5,000 nodes.
    return count + (0..<count).filter(isComputed).count + crossings / 4
  }
}
