import Micrograd

/// The nodes and edges of a computation graph: micrograd's `trace`.
///
/// ```swift
/// let t = trace(L)
/// t.nodes.count      // every value L depends on, and L
/// t.edges            // operand -> result, by index into `nodes`
/// ```
public struct Trace {
  /// An edge from an operand to the value computed from it, as indices
  /// into ``Trace/nodes``.
  public struct Edge: Hashable, Sendable {
    /// The index of the operand.
    public let from: Int
    /// The index of the value computed from it.
    public let to: Int

    /// Makes an edge from the operand at `from` to the value at `to`.
    public init(from: Int, to: Int) {
      self.from = from
      self.to = to
    }
  }

  /// Every value the root depends on, and the root last, each after its
  /// operands: the order of `Value.topologicalOrder()`.
  public let nodes: [Value]

  /// One edge per operand of each computed value: node by node in the
  /// order of ``nodes``, and within a node in operand order. `a * a` has
  /// two edges from `a`.
  public let edges: [Edge]
}

/// Collects the nodes and edges of the graph that computed `root`.
///
/// Unlike micrograd's `trace`, which returns sets, both come in a fixed
/// order (see ``Trace``), so everything drawn from them is the same on
/// every run. Nodes are told apart by identity, never by value.
///
/// - Parameter root: The value whose graph to collect.
/// - Returns: The nodes in topological order and the edges in operand order.
/// - Complexity: O(*n*) for a graph of *n* nodes; no recursion.
public func trace(_ root: Value) -> Trace {
  let nodes = root.topologicalOrder()
  var index: [ObjectIdentifier: Int] = [:]
  index.reserveCapacity(nodes.count)
  for (i, node) in nodes.enumerated() {
    index[ObjectIdentifier(node)] = i
  }
  var edges: [Trace.Edge] = []
  for (i, node) in nodes.enumerated() {
    for operand in node.operands {
      edges.append(Trace.Edge(from: index[ObjectIdentifier(operand)]!, to: i))
    }
  }
  return Trace(nodes: nodes, edges: edges)
}
