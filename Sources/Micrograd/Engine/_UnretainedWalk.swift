// Fast-path internals: the topological sort, walked without retaining.
//
// What: `UnretainedTopologicalOrder`, micrograd's `build_topo` (a
// depth-first walk, operands in operand order, each node after its
// operands) computed with an explicit stack, and the loops over its result
// that `topologicalOrder()`, `backward()` and `zeroGradInGraph()` use.
//
// Why: nothing may recurse over a graph (a chain of a million operations
// would overflow the stack), and on graphs of a few hundred thousand nodes
// the reference counting of a plain walk costs more than the walk itself.
// So the walk holds nodes as `Unmanaged` references: the root keeps the
// whole graph alive while the order is used, and the graph is not changed
// meanwhile. Nodes are marked `visited` in the node itself (no `Set` to
// hash into), and the marks are cleared in the same pass as the order is
// used, rather than in a pass of their own.
//
// Unsafe: `Unmanaged`, `_withUnsafeGuaranteedRef`, and the unretained
// operand lists of `_OperandList.swift`.

/// The nodes of a graph in topological order, held without retaining them,
/// with every node still marked `visited`.
///
/// Use it at once and exactly once, with `forEach(_:)` or
/// `forEachReversed(_:)`: they clear the marks as they go, and the root
/// must stay alive and the graph unchanged until then.
struct UnretainedTopologicalOrder {
  private let nodes: [Unmanaged<Value>]

  /// How many nodes the graph has.
  var count: Int { nodes.count }

  /// Orders every value `root` depends on, `root` last.
  init(of root: Value) {
    var order: [Unmanaged<Value>] = []
    // Each frame holds a node and how many of its operands were visited.
    var stack: [(node: Unmanaged<Value>, next: Int)] = [(Unmanaged.passUnretained(root), 0)]
    root.visited = true
    while let (node, next) = stack.last {
      let (operand, after) = node._withUnsafeGuaranteedRef { $0.nextUnvisited(from: next, order: &order) }
      guard let operand else {
        stack.removeLast()
        order.append(node)
        continue
      }
      stack[stack.count - 1].next = after
      stack.append((operand, 0))
    }
    nodes = order
  }

  /// Calls `body` on each node, leaves first, and clears its mark.
  @inline(__always)
  func forEach(_ body: (Value) -> Void) {
    for node in nodes {
      node._withUnsafeGuaranteedRef { node in
        node.visited = false
        body(node)
      }
    }
  }

  /// Calls `body` on each node, root first, and clears its mark.
  @inline(__always)
  func forEachReversed(_ body: (Value) -> Void) {
    for node in nodes.reversed() {
      node._withUnsafeGuaranteedRef { node in
        node.visited = false
        body(node)
      }
    }
  }
}

extension Value {
  /// Visits this node's operands from `index` on, in operand order, up to
  /// the first one that was computed from others and not visited yet: it
  /// is marked and returned with the index after it, for the walk to visit
  /// its operands first. Leaves on the way are marked and go straight into
  /// `order`, where their own frames would have put them. Returns `nil`
  /// when no operand is left.
  fileprivate func nextUnvisited(from index: Int, order: inout [Unmanaged<Value>]) -> (Unmanaged<Value>?, Int) {
    func visit(_ operand: Unmanaged<Value>) -> Bool {
      operand._withUnsafeGuaranteedRef { value in
        guard !value.visited else { return false }
        value.visited = true
        if value.isComputed { return true }
        order.append(operand)
        return false
      }
    }
    guard let list else {
      if index == 0, let lhs = lhs.map(Unmanaged.passUnretained), visit(lhs) { return (lhs, 1) }
      if index <= 1, let rhs = rhs.map(Unmanaged.passUnretained), visit(rhs) { return (rhs, 2) }
      return (nil, 2)
    }
    // The `a`s, then the `b`s of a dot; indices past the first list count on.
    var offset = 0
    var current: OperandList? = list
    while let operands = current {
      let found: (Unmanaged<Value>?, Int)? = operands.withUnretainedValues { buffer in
        var i = max(index - offset, 0)
        while i < buffer.count {
          let operand = buffer[i]
          i += 1
          if visit(operand) { return (operand, offset + i) }
        }
        return nil
      }
      if let found { return found }
      offset += operands.values.count
      current = operands.next
    }
    return (nil, offset)
  }
}
