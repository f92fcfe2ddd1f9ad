extension Trace {
  /// About how many nodes' worth of work Graphviz's `dot` does to lay out
  /// a drawing of this graph: the value and op nodes, plus a quarter for
  /// each virtual node, one of which `dot` adds for every rank an edge
  /// crosses beyond the first.
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
  /// - Complexity: O(*n*) for a graph of *n* values.
  func layoutSize() -> Int {
    let count = nodes.count
    guard count > 0 else { return 0 }
    // Edges come grouped by the value they feed, in trace order.
    var firstEdge = [Int](repeating: 0, count: count + 1)
    for edge in edges { firstEdge[edge.to + 1] += 1 }
    for i in 0..<count { firstEdge[i + 1] += firstEdge[i] }
    func isComputed(_ i: Int) -> Bool { firstEdge[i] < firstEdge[i + 1] }
    // The root's rank: one op and one value after its deepest operand.
    var depth = [Int](repeating: 0, count: count)
    for i in 0..<count where isComputed(i) {
      depth[i] = edges[firstEdge[i]..<firstEdge[i + 1]].map { depth[$0.from] }.max()! + 2
    }
    // From the root back, each value just before its earliest use.
    var rank = [Int](repeating: 0, count: count)
    var opRank = [Int](repeating: 0, count: count)
    var earliestUse = [Int](repeating: .max, count: count)
    for i in (0..<count).reversed() {
      rank[i] = i == count - 1 ? depth[i] : earliestUse[i] - 1
      guard isComputed(i) else { continue }
      opRank[i] = rank[i] - 1
      for edge in edges[firstEdge[i]..<firstEdge[i + 1]] {
        earliestUse[edge.from] = min(earliestUse[edge.from], opRank[i])
      }
    }
    var crossings = 0
    for edge in edges {
      crossings += max(0, opRank[edge.to] - rank[edge.from] - 1)
    }
    // A virtual node costs dot about a quarter of a real one: measured
    // with `bench --layout-scaling`, where 22,000 crossings (150 terms)
    // took about as long as a chain of 5,000 nodes.
    return count + (0..<count).filter(isComputed).count + crossings / 4
  }
}
