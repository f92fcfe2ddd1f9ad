// Lowering: a graph of `Value`s to a program. The nodes in the eager
// engine's topological order, their slots, one instruction per computed
// node, the gathers' patch sites, and the forward order when detached
// leaves or gathered computed nodes add dependencies. Compile time only:
// replays never touch this (`_CompiledKernels.swift` runs the program).

/// What lowering hands to the program: its buffers' initial contents.
struct Lowered {
  var slotData: [Double] = []
  var code: [Instruction] = []
  var nodeInstructionCount = 0
  var lists: [Int32] = []
  var schedule: [Int32]?
  var inputSlots: [Int32] = []
  var nodeSlots: [Int32] = []
  var siteStart: [Int] = [0]
  var sites: [Int32] = []
  var candidateStart: [Int] = [0]
  var candidates: [Int32] = []
  /// The longest shared list of a layer whose backward runs as one.
  var longestGroupList = 0
  var outputSlots: [Int32] = []
}

/// The leaf roles, checked, and the lowering of one graph.
struct Lowering {
  enum Role { case parameter(Int), input(Int), gather(Int), detached(Int) }

  let parameters: [Value]
  let inputs: [Value]
  let gathers: [CompiledGraph.Gather]
  let detached: [CompiledGraph.Detached]
  var roles: [ObjectIdentifier: Role] = [:]
  /// Every node's position in the topological order, once lowered.
  var positions: [ObjectIdentifier: Int32] = [:]

  init(parameters: [Value], inputs: [Value], gathers: [CompiledGraph.Gather], detached: [CompiledGraph.Detached]) {
    self.parameters = parameters
    self.inputs = inputs
    self.gathers = gathers
    self.detached = detached
  }

  mutating func lower(_ root: Value) throws(CompiledGraphError) -> Lowered {
    try assignRoles()
    let (order, position, watermark) = try Self.order(root, roles: roles, gatherCount: gathers.count)
    try checkRoles(order: order, position: position, watermark: watermark)

    var out = Lowered()
    func isParameter(_ node: Value) -> Bool {
      if case .parameter? = roles[ObjectIdentifier(node)] { return true }
      return false
    }
    // The sizes first, so that every index below fits in 32 bits.
    let p = parameters.count
    let slots = p + order.count(where: { !isParameter($0) })
    let computed = order.count(where: \.isComputed)
    // Operand lists, detached leaves' lists, and at most two entries per
    // dot in layer groups.
    let listEntries = order.reduce(0) { $0 + ($1.list.map { $0.totalCount + 2 } ?? 0) }
      + detached.reduce(0) { $0 + $1.operands.count }
    try CompiledGraph.checkSize(
      nodes: order.count, slots: slots, instructions: computed + detached.count, listEntries: listEntries,
      available: CompiledGraph.availableMemory)

    // Slots: the parameters first, in the order given, then every other
    // node in topological order.
    var nodeSlots = [Int32](repeating: 0, count: order.count)
    var next = p
    for (k, node) in order.enumerated() {
      if case .parameter(let i)? = roles[ObjectIdentifier(node)] {
        nodeSlots[k] = Int32(i)
      } else {
        nodeSlots[k] = Int32(next)
        next += 1
      }
    }

    func slot(_ value: Value) -> Int32 {
      if let k = position[ObjectIdentifier(value)] { return nodeSlots[Int(k)] }
      if case .parameter(let i)? = roles[ObjectIdentifier(value)] { return Int32(i) }
      preconditionFailure("lowering: a value outside the graph passed the checks")
    }

    out.slotData = [Double](repeating: 0, count: slots)
    for (i, value) in parameters.enumerated() { out.slotData[i] = value.data }
    for (k, node) in order.enumerated() { out.slotData[Int(nodeSlots[k])] = node.data }
    out.nodeSlots = nodeSlots
    positions = position
    out.inputSlots = inputs.map(slot)

    // Instructions, one per computed node in topological order; gathers'
    // uses remembered as patch sites.
    var gatherSites = [[Int32]](repeating: [], count: gathers.count)
    var sharedLists: [ObjectIdentifier: Int32] = [:]
    func gatherIndex(_ value: Value) -> Int? {
      if case .gather(let g)? = roles[ObjectIdentifier(value)] { return g }
      return nil
    }
    func emitList(_ values: [Value]) -> (start: Int32, contiguous: Bool) {
      let start = Int32(out.lists.count)
      var contiguous = true
      for (i, value) in values.enumerated() {
        if let g = gatherIndex(value) {
          gatherSites[g].append(Int32(out.lists.count))
          contiguous = false
        }
        let s = slot(value)
        if i > 0, s != out.lists[Int(start)] + Int32(i) { contiguous = false }
        out.lists.append(s)
      }
      return (start, contiguous)
    }
    func emitShared(_ list: OperandList) -> Int32 {
      let id = ObjectIdentifier(list)
      if let start = sharedLists[id] { return start }
      let start = emitList(list.values).start
      sharedLists[id] = start
      return start
    }
    var instructionOfNode = [Int32](repeating: -1, count: order.count)
    for (k, node) in order.enumerated() where node.isComputed {
      let out32 = nodeSlots[k]
      instructionOfNode[k] = Int32(out.code.count)
      let op = node.op!
      var ins: Instruction
      switch op {
      case .sum:
        let values = node.list!.values
        ins = Instruction(op: .sum, out: out32, a: emitShared(node.list!), count: Int32(values.count))
      case .dot:
        let list = node.list!
        let b = emitShared(list.next!)
        // The first vector: a run of slots when it is one (no gathers in it).
        let rollback = out.lists.count
        let (a, contiguous) = emitList(list.values)
        if contiguous, let first = list.values.first {
          out.lists.removeSubrange(rollback...)
          ins = Instruction(op: .dotRun, out: out32, a: slot(first), b: b, count: Int32(list.values.count))
        } else {
          ins = Instruction(op: .dot, out: out32, a: a, b: b, count: Int32(list.values.count))
        }
      default:
        let lhs = node.lhs!, rhs = node.rhs
        ins = Instruction(op: Self.opcode(op), out: out32, a: slot(lhs))
        if case .power(let n) = op { ins.exponent = n }
        // checkSize capped the instructions so that these fit in 32 bits.
        if let g = gatherIndex(lhs) { gatherSites[g].append(-(2 * Int32(out.code.count)) - 1) }
        if let rhs {
          ins.b = slot(rhs)
          if let g = gatherIndex(rhs) { gatherSites[g].append(-(2 * Int32(out.code.count) + 1) - 1) }
        }
      }
      out.code.append(ins)
    }
    out.nodeInstructionCount = out.code.count

    // Detached leaves, after the graph's instructions: run forward only.
    for d in detached {
      let start = emitList(d.operands).start
      out.code.append(
        Instruction(
          op: d.rule == .maximum ? .maximum : .negatedMaximum, out: slot(d.leaf), a: start,
          count: Int32(d.operands.count)))
    }

    for (g, gather) in gathers.enumerated() {
      out.sites += gatherSites[g]
      out.siteStart.append(out.sites.count)
      out.candidates += gather.candidates.map(slot)
      out.candidateStart.append(out.candidates.count)
    }

    if !detached.isEmpty || gathers.contains(where: { $0.candidates.contains(where: \.isComputed) }) {
      out.schedule = try forwardSchedule(
        order: order, position: position, instructionOfNode: instructionOfNode,
        detachedBase: out.nodeInstructionCount)
    }
    var placeholderCandidates: [Int32: [Int32]] = [:]
    for gather in gathers {
      placeholderCandidates[slot(gather.placeholder)] = gather.candidates.map(slot)
    }
    Self.groupLayers(&out, parameterCount: p, slotCount: slots, placeholderCandidates: placeholderCandidates)
    return out
  }

  static func opcode(_ op: Operation) -> Opcode {
    switch op {
    case .add: .add
    case .multiply: .multiply
    case .power: .power
    case .tanh: .tanh
    case .exp: .exp
    case .log: .log
    case .relu: .relu
    case .sigmoid: .sigmoid
    case .sum: .sum
    case .dot: .dot
    }
  }

  // MARK: Roles

  mutating func assignRoles() throws(CompiledGraphError) {
    func assign(_ value: Value, _ role: Role, _ name: String, _ index: Int) throws(CompiledGraphError) {
      guard value.isLeaf else { throw .notALeafOfTheGraph(role: name, index: index) }
      guard roles.updateValue(role, forKey: ObjectIdentifier(value)) == nil else {
        throw .declaredTwice(role: name, index: index)
      }
    }
    for (i, value) in parameters.enumerated() { try assign(value, .parameter(i), "parameters", i) }
    for (i, value) in inputs.enumerated() { try assign(value, .input(i), "inputs", i) }
    for (g, gather) in gathers.enumerated() {
      try assign(gather.placeholder, .gather(g), "gathers", g)
      guard !gather.candidates.isEmpty else { throw .empty(role: "gathers", index: g) }
    }
    for (i, d) in detached.enumerated() {
      try assign(d.leaf, .detached(i), "detached", i)
      guard !d.operands.isEmpty else { throw .empty(role: "detached", index: i) }
    }
  }

  func checkRoles(order: [Value], position: [ObjectIdentifier: Int32], watermark: [Int]) throws(CompiledGraphError) {
    func inGraph(_ value: Value) -> Bool { position[ObjectIdentifier(value)] != nil }
    func available(_ value: Value) -> Bool {
      if inGraph(value) { return true }
      if case .parameter? = roles[ObjectIdentifier(value)] { return true }
      return false
    }
    for (i, value) in inputs.enumerated() where !inGraph(value) {
      throw .notALeafOfTheGraph(role: "inputs", index: i)
    }
    for (g, gather) in gathers.enumerated() {
      guard inGraph(gather.placeholder) else { throw .notALeafOfTheGraph(role: "gathers", index: g) }
      for (c, candidate) in gather.candidates.enumerated() {
        guard available(candidate) else { throw .notInTheGraph(role: "gathers[\(g)].candidates", index: c) }
        if case .gather? = roles[ObjectIdentifier(candidate)] {
          throw .notInTheGraph(role: "gathers[\(g)].candidates", index: c)
        }
        // A computed candidate must already be in the order wherever the
        // placeholder is used, or the eager walk would visit it there.
        if candidate.isComputed, Int(position[ObjectIdentifier(candidate)]!) >= watermark[g] {
          throw .candidateTooLate(gather: g, candidate: c)
        }
      }
    }
    for (i, d) in detached.enumerated() {
      guard inGraph(d.leaf) else { throw .notALeafOfTheGraph(role: "detached", index: i) }
      for (j, operand) in d.operands.enumerated() where !available(operand) {
        throw .notInTheGraph(role: "detached[\(i)].operands", index: j)
      }
    }
  }

  // MARK: Orders

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
