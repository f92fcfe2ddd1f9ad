import Micrograd

/// `backward()` one `backwardStep()` at a time, as the lecture first does
/// it by hand: which node each step processes, and what it adds to each
/// of its operands' gradients.
///
/// The steps are the engine's own: ``backwardSteps(_:)`` sets every
/// gradient to 0 and the root's to 1, calls `backwardStep()` on each node
/// in the order `backward()` does (the reverse of ``trace(_:)``'s), and
/// records each operand's gradient after each of its updates. Then it puts every
/// gradient back as it was.
///
/// ```swift
/// let steps = backwardSteps(L)      // L = (a*b + c) * f
/// steps.steps[0].node               // 6, L itself (trace order)
/// steps.grads(after: 1)             // L: 1, d: -2, f: 4, the rest nil
/// ```
///
/// Stored compactly: one ``Update`` per edge of the graph, not one
/// gradient per node per step.
public struct BackwardSteps: Hashable, Sendable {
  /// What one step added to one operand's gradient.
  public struct Update: Hashable, Sendable {
    /// The edge, as an index into ``Trace/edges``.
    public let edge: Int
    /// The operand, as an index into ``Trace/nodes``.
    public let operand: Int
    /// The local derivative of the node with respect to this operand.
    public let localDerivative: Double
    /// What the step added: the local derivative times the node's gradient.
    public let contribution: Double
    /// The operand's gradient after this update: after the step, unless
    /// the step updates the same operand again later (`a + a` updates `a`
    /// twice; the first update shows the gradient halfway).
    public let gradAfter: Double
  }

  /// One call of `backwardStep()`.
  public struct Step: Hashable, Sendable {
    /// The node processed, as an index into ``Trace/nodes``.
    public let node: Int
    /// Its gradient when the step ran (final by then: every value computed
    /// from it was processed before).
    public let grad: Double
    /// What the step added to each operand, in operand order; none for a leaf.
    public let updates: [Update]
  }

  /// The number of nodes in the graph (and of steps).
  public let nodeCount: Int
  /// The steps in the order `backward()` runs them: the root first.
  public let steps: [Step]

  /// Every node's gradient after the first `count` steps, by index into
  /// ``Trace/nodes``: `nil` for a node no step has reached yet. After 0
  /// steps (the forward pass) every gradient is `nil`; from step 1 on the
  /// root's is 1.
  ///
  /// - Complexity: O(edges of the first `count` steps).
  public func grads(after count: Int) -> [Double?] {
    var grads = [Double?](repeating: nil, count: nodeCount)
    guard count > 0, let root = steps.first?.node else { return grads }
    grads[root] = 1
    for step in steps.prefix(count) {
      for update in step.updates { grads[update.operand] = update.gradAfter }
    }
    return grads
  }

  /// Runs and records the steps on the traced graph, then puts every
  /// gradient back.
  init(_ graph: Trace) {
    let nodes = graph.nodes
    nodeCount = nodes.count
    // Where each node's operand edges start in `graph.edges` (node order).
    var firstEdge = [Int](repeating: 0, count: nodes.count + 1)
    for edge in graph.edges { firstEdge[edge.to + 1] += 1 }
    for i in nodes.indices { firstEdge[i + 1] += firstEdge[i] }

    let saved = nodes.map(\.grad)
    defer { for (node, grad) in zip(nodes, saved) { node.grad = grad } }
    for node in nodes { node.grad = 0 }
    nodes.last?.grad = 1

    var steps: [Step] = []
    steps.reserveCapacity(nodes.count)
    // Each operand's gradient after each single update: an operand used
    // twice (a + a) is updated twice in one step, and each update shows
    // the gradient it left. Computed as the engine computes it
    // (`grad += local * g`), and the last update of each operand takes
    // the engine's own result.
    var running = [Double](repeating: 0, count: nodes.count)
    var lastUpdate = [Int](repeating: -1, count: nodes.count)
    for i in nodes.indices.reversed() {
      let node = nodes[i]
      let grad = node.grad
      let edges = firstEdge[i]..<firstEdge[i + 1]
      for k in edges { running[graph.edges[k].from] = nodes[graph.edges[k].from].grad }
      var updates: [Update] = []
      updates.reserveCapacity(edges.count)
      for k in edges {
        let operand = graph.edges[k].from
        let local = node.localDerivative(at: k - firstEdge[i])
        running[operand] += local * grad
        lastUpdate[operand] = updates.count
        updates.append(
          Update(
            edge: k, operand: operand, localDerivative: local, contribution: local * grad,
            gradAfter: running[operand]))
      }
      node.backwardStep()
      for (n, update) in updates.enumerated() where lastUpdate[update.operand] == n {
        let after = nodes[update.operand].grad
        updates[n] = Update(
          edge: update.edge, operand: update.operand, localDerivative: update.localDerivative,
          contribution: update.contribution, gradAfter: after)
      }
      steps.append(Step(node: i, grad: grad, updates: updates))
    }
    self.steps = steps
  }
}

/// Records `backward()` on the graph of `root`, step by step; see
/// ``BackwardSteps``. Every gradient is as it was afterwards.
///
/// - Complexity: O(*n* + *e*) for a graph of *n* values and *e* edges; no
///   recursion.
public func backwardSteps(_ root: Value) -> BackwardSteps {
  BackwardSteps(trace(root))
}
