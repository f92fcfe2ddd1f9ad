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
    let topo = UnretainedTopologicalOrder(of: self)  // the walk: _UnretainedWalk.swift
    var order: [Value] = []
    order.reserveCapacity(topo.count)
    topo.forEach { order.append($0) }
    return order
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
    let topo = UnretainedTopologicalOrder(of: self)  // build_topo: _UnretainedWalk.swift
    grad = 1
    topo.forEachReversed { node in
      node.backwardStep()
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
      // A sum or dot node: the same rule over its many operands, in one
      // loop (`_OperandList.swift`).
      list.addGradients(grad)
      return
    }
    guard let op, let lhs else { return }  // a leaf
    // Both derivatives first, then both updates: in this order the
    // compiler retains no operand twice, which the chain benchmark feels.
    let dl = localDerivative(of: op, at: 0)
    let dr = rhs == nil ? 0 : localDerivative(of: op, at: 1)
    lhs.grad += dl * grad
    rhs?.grad += dr * grad
  }

  /// The derivative of this node's data with respect to the data of its
  /// operand at `index` (in ``operands``' order); 0 for a leaf and past the
  /// last operand.
  ///
  /// For `a * b` it is `b.data` at index 0 and `a.data` at index 1; for
  /// `tanh(a)`, `1 - tanh(a)²`. Each operation's rules are in its own file
  /// of `Engine/Operations/`; this switch only routes to them.
  ///
  /// ```swift
  /// let a = Value(2), b = Value(-3)
  /// (a * b).localDerivative(at: 0)  // -3, b's data
  /// (a * b).localDerivative(at: 1)  //  2, a's data
  /// ```
  public func localDerivative(at index: Int) -> Double {
    guard let op, index >= 0, index < operandCount else { return 0 }
    return localDerivative(of: op, at: index)
  }

  /// ``localDerivative(at:)`` for an `index` known to be an operand's.
  @inline(__always)
  private func localDerivative(of op: Operation, at index: Int) -> Double {
    switch op {
    case .add: return Add.derivative
    case .multiply: return Multiply.derivative(other: index == 0 ? rhs!.data : lhs!.data)
    case .power(let exponent): return Power.derivative(lhs!.data, exponent: exponent)
    case .tanh: return Tanh.derivative(output: data)
    case .exp: return Exp.derivative(output: data)
    case .log: return Log.derivative(lhs!.data)
    case .relu: return ReLU.derivative(output: data)
    case .sigmoid: return Sigmoid.derivative(output: data)
    case .sum: return Sum.derivative
    case .dot: return Dot.derivative(partner: dotPartner(at: index).data)
    }
  }
}

// MARK: - Zeroing

extension Value {
  /// Sets the gradient of this value and of every value it depends on to 0.
  ///
  /// - Complexity: O(*n*) for a graph of *n* nodes.
  public func zeroGradInGraph() {
    UnretainedTopologicalOrder(of: self).forEach { $0.grad = 0 }
  }
}
