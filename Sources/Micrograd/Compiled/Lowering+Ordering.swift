// Lowering, the orders: the eager engine's topological order, on an
// explicit stack, and the forward order when detached leaves and gathers'
// candidates add dependencies.

extension Lowering {
  /// The nodes in micrograd's depth-first order (the order of
  /// `Value.topologicalOrder()`, on an explicit stack), their positions in
  /// it, and for each gather how many nodes were ordered when the walk
  /// first met a use of it.
  ///
  /// - Throws: ``CompiledGraphError/tooLarge(nodes:bytes:available:)``
  ///   before a position would not fit in 32 bits.
  static func order(
    _ root: Value, roles: [ObjectIdentifier: Role], gatherCount: Int
  ) throws(CompiledGraphError) -> ([Value], [ObjectIdentifier: Int32], [Int]) {
    var order: [Value] = []
    var position: [ObjectIdentifier: Int32] = [:]
    var watermark = [Int](repeating: .max, count: gatherCount)
    var stack: [(node: Value, next: Int)] = [(root, 0)]
    position[ObjectIdentifier(root)] = -1  // visited, not yet ordered
    func nextPosition() throws(CompiledGraphError) -> Int32 {
      guard order.count < CompiledGraph.maxNodes else {
        throw .tooLarge(nodes: order.count + 1, bytes: .max, available: CompiledGraph.availableMemory)
      }
      return Int32(order.count)
    }
    while let (node, next) = stack.last {
      let count = node.operandCount
      var i = next
      var descended = false
      while i < count {
        let operand = node.operand(at: i)
        i += 1
        let id = ObjectIdentifier(operand)
        if case .gather(let g)? = roles[id] { watermark[g] = min(watermark[g], order.count) }
        if position[id] != nil { continue }
        if operand.isComputed {
          position[id] = -1
          stack[stack.count - 1].next = i
          stack.append((operand, 0))
          descended = true
          break
        }
        position[id] = try nextPosition()
        order.append(operand)
      }
      if !descended {
        stack.removeLast()
        position[ObjectIdentifier(node)] = try nextPosition()
        order.append(node)
      }
    }
    return (order, position, watermark)
  }

  /// The forward order when detached leaves or gathers' computed or
  /// detached candidates add dependencies the graph does not have: a
  /// depth-first order over the graph's operands plus those, as
  /// instruction indices. A cycle through them is a typed error.
  func forwardSchedule(
    order: [Value], position: [ObjectIdentifier: Int32], instructionOfNode: [Int32], detachedBase: Int
  ) throws(CompiledGraphError) -> [Int32] {
    var extra: [Int: [Int]] = [:]  // node position -> added dependencies
    var detachedOfNode: [Int: Int] = [:]
    for (i, d) in detached.enumerated() {
      let p = Int(position[ObjectIdentifier(d.leaf)]!)
      detachedOfNode[p] = i
      extra[p, default: []] += d.operands.compactMap { position[ObjectIdentifier($0)].map(Int.init) }
    }
    for gather in gathers {
      let p = Int(position[ObjectIdentifier(gather.placeholder)]!)
      // Computed and detached candidates: both are written during the
      // forward pass, so every use of the gather must run after them.
      extra[p, default: []] += gather.candidates.compactMap { position[ObjectIdentifier($0)].map(Int.init) }
        .filter { order[$0].isComputed || detachedOfNode[$0] != nil }
    }
    func dependencies(_ k: Int) -> [Int] {
      let node = order[k]
      var deps = (0..<node.operandCount).map { Int(position[ObjectIdentifier(node.operand(at: $0))]!) }
      deps += extra[k] ?? []
      return deps
    }
    var state = [UInt8](repeating: 0, count: order.count)  // 0 new, 1 on the stack, 2 done
    var schedule: [Int32] = []
    var stack: [(node: Int, deps: [Int], next: Int)] = [(order.count - 1, dependencies(order.count - 1), 0)]
    state[order.count - 1] = 1
    while let top = stack.last {
      if top.next < top.deps.count {
        let dep = top.deps[top.next]
        stack[stack.count - 1].next += 1
        switch state[dep] {
        case 0:
          state[dep] = 1
          stack.append((dep, dependencies(dep), 0))
        case 1:
          let culprit = stack.reversed().lazy.compactMap { detachedOfNode[$0.node] }.first ?? 0
          throw .detachedCycle(index: culprit)
        default:
          break
        }
        continue
      }
      stack.removeLast()
      state[top.node] = 2
      if instructionOfNode[top.node] >= 0 {
        schedule.append(instructionOfNode[top.node])
      } else if let d = detachedOfNode[top.node] {
        schedule.append(Int32(detachedBase + d))
      }
    }
    return schedule
  }
}

extension Value {
  /// The operand at `index`, in ``operands``' order, without making the
  /// array.
  func operand(at index: Int) -> Value {
    if let list {
      let n = list.values.count
      return index < n ? list.values[index] : list.next!.values[index - n]
    }
    return index == 0 ? lhs! : rhs!
  }
}
