// Lowering: a graph of `Value`s to a program. The nodes in the eager
// engine's topological order, their slots, one instruction per computed
// node, the gathers' patch sites, and the forward order when detached
// leaves or gathers' candidates add dependencies. This file emits the
// program; `Lowering+Roles.swift` checks the roles, `Lowering+Ordering.swift`
// orders the nodes and schedules the forward pass, `Lowering+Layers.swift`
// groups layers. Compile time only: replays never touch this
// (`_CompiledKernels.swift` runs the program).

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
  /// The examples of a minibatch side by side, when the graph has them.
  var lanes: LaneProgram?
}

/// The leaf roles, checked, and the lowering of one graph.
struct Lowering {
  enum Role {
    case parameter(Int)
    case input(Int)
    case gather(Int)
    case detached(Int)
  }

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
    let listEntries =
      order.reduce(0) { $0 + ($1.list.map { $0.totalCount + 2 } ?? 0) }
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
        let lhs = node.lhs!
        let rhs = node.rhs
        ins = Instruction(op: Opcode(op.kind), out: out32, a: slot(lhs))
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
    let gatherSlots = gathers.map { (placeholder: slot($0.placeholder), candidates: $0.candidates.map(slot)) }
    if let lanes = Self.lanes(&out, parameterCount: p, gathers: gatherSlots) {
      out.lanes = lanes
      return out
    }
    var placeholderCandidates: [Int32: [Int32]] = [:]
    for gather in gathers {
      placeholderCandidates[slot(gather.placeholder)] = gather.candidates.map(slot)
    }
    Self.groupLayers(&out, parameterCount: p, slotCount: slots, placeholderCandidates: placeholderCandidates)
    return out
  }
}
