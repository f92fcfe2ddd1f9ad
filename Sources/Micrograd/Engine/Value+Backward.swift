import Foundation

// MARK: - Topological order

extension Value {
  /// Every value this one depends on, itself last, each before the values
  /// computed from it: micrograd's `build_topo`.
  ///
  /// The order is the one micrograd's recursive depth-first walk gives,
  /// visiting operands in operand order, but it is computed with an explicit
  /// stack, so a chain of a million operations does not overflow the stack.
  ///
  /// - Complexity: O(*n*) for a graph of *n* nodes.
  public func topologicalOrder() -> [Value] {
    unretainedTopologicalOrder().map { $0.takeUnretainedValue() }
  }

  /// ``topologicalOrder()`` without retaining each node: the nodes are kept
  /// alive by `self`, so the walk skips the reference counting that would
  /// otherwise dominate its cost. Valid only while `self` is alive and the
  /// graph is not changed.
  func unretainedTopologicalOrder() -> [Unmanaged<Value>] {
    let order = markedTopologicalOrder()
    for node in order {
      node._withUnsafeGuaranteedRef { $0.visited = false }
    }
    return order
  }

  /// The walk itself; it leaves every node of the order marked `visited`,
  /// and the caller must clear the marks (so that a caller that visits every
  /// node anyway, like ``backward()``, clears them in the same pass).
  private func markedTopologicalOrder() -> [Unmanaged<Value>] {
    var order: [Unmanaged<Value>] = []
    // Each frame holds a node and how many of its operands were visited.
    var stack: [(node: Unmanaged<Value>, next: Int)] = [(Unmanaged.passUnretained(self), 0)]
    visited = true
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
    return order
  }

  /// Visits this node's operands from `index` on, in operand order, up to
  /// the first one that was computed from others and not visited yet: it
  /// is marked and returned with the index after it, for the walk to visit
  /// its operands first. Leaves on the way are marked and go straight into
  /// `order`, where their own frames would have put them. Returns `nil`
  /// when no operand is left.
  private func nextUnvisited(from index: Int, order: inout [Unmanaged<Value>]) -> (Unmanaged<Value>?, Int) {
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

// MARK: - Backpropagation

extension Value {
  /// Computes the gradient of this value with respect to every value it
  /// depends on, by the chain rule.
  ///
  /// As in micrograd: the nodes are put in topological order, this value's
  /// gradient is set to 1, and then, from this value back to the leaves,
  /// each node's ``backwardStep()`` adds its local derivatives times its
  /// gradient into its operands' gradients.
  ///
  /// Gradients accumulate (`+=`), so a value used twice gets both
  /// contributions. A second call adds to every node's gradient,
  /// intermediate nodes included, as in micrograd. Reset them with
  /// ``zeroGradInGraph()`` (or `Module.zeroGrad()`) between passes.
  ///
  /// - Complexity: O(*n*) time and memory for a graph of *n* nodes; no
  ///   recursion.
  public func backward() {
    let topo = markedTopologicalOrder()
    grad = 1
    for node in topo.reversed() {
      node._withUnsafeGuaranteedRef { node in
        node.visited = false
        node.backwardStep()
      }
    }
  }

  /// The chain rule at this one node, micrograd's `_backward`: adds the local
  /// derivative with respect to each operand times this node's gradient to
  /// that operand's gradient. Leaves do nothing.
  ///
  /// ``backward()`` calls it on every node in reverse topological order;
  /// calling it by hand, node by node, is how the lecture first
  /// backpropagates.
  public func backwardStep() {
    if let list {
      backwardStep(list)
      return
    }
    guard let lhs else { return }
    let (dl, dr) = localDerivatives(lhs)
    lhs.grad += dl * grad
    if let rhs {
      rhs.grad += dr * grad
    }
  }

  /// The chain rule at a `sum` or `dot` node, operand by operand.
  private func backwardStep(_ list: OperandList) {
    let g = grad
    list.withUnretainedValues { a in
      guard op == .dot, let second = list.next else {
        for value in a { value._withUnsafeGuaranteedRef { $0.grad += g } }
        return
      }
      second.withUnretainedValues { b in
        for i in 0..<a.count {
          let (ai, bi) = (a[i], b[i])
          ai._withUnsafeGuaranteedRef { a in bi._withUnsafeGuaranteedRef { b in
            a.grad += b.data * g
            b.grad += a.data * g
          } }
        }
      }
    }
  }

  /// The derivatives of this node's data with respect to its first two
  /// operands' data (0 where there is no such operand).
  ///
  /// For example, for `a * b` they are `(b.data, a.data)`; for `tanh(a)`,
  /// `(1 - tanh(a)², 0)`. For `sum` and `dot`, which take more operands,
  /// ``localDerivative(at:)`` gives each.
  public var localDerivatives: (Double, Double) {
    if list != nil { return (localDerivative(at: 0), localDerivative(at: 1)) }
    guard let lhs else { return (0, 0) }
    return localDerivatives(lhs)
  }

  /// The derivative of this node's data with respect to the data of its
  /// operand at `index` (in ``operands``' order); 0 past the last operand.
  public func localDerivative(at index: Int) -> Double {
    guard index >= 0, index < operandCount else { return 0 }
    if let list {
      guard op == .dot, let second = list.next else { return 1 }
      let n = list.values.count
      // d(Σ aᵢbᵢ)/daᵢ = bᵢ and d/dbᵢ = aᵢ.
      return index < n ? second.values[index].data : list.values[index - n].data
    }
    let (dl, dr) = localDerivatives(lhs!)
    return index == 0 ? dl : dr
  }

  private func localDerivatives(_ lhs: Value) -> (Double, Double) {
    switch op {
    case nil, .sum, .dot: return (0, 0)
    case .add: return (1, 1)
    case .multiply: return (rhs!.data, lhs.data)
    case .power(let n):
      // x ** 0 is constant: its derivative is 0 even at x = 0, where the
      // general formula would give 0 * inf.
      return (n == 0 ? 0 : n * Foundation.pow(lhs.data, n - 1), 0)
    case .tanh: return (1 - data * data, 0)
    case .exp: return (data, 0)
    case .log: return (1 / lhs.data, 0)
    case .relu: return (data > 0 ? 1 : 0, 0)
    case .sigmoid: return (data * (1 - data), 0)
    }
  }

  /// Sets the gradient of this value and of every value it depends on to 0.
  ///
  /// - Complexity: O(*n*) for a graph of *n* nodes.
  public func zeroGradInGraph() {
    for node in unretainedTopologicalOrder() {
      node._withUnsafeGuaranteedRef { $0.grad = 0 }
    }
  }
}
