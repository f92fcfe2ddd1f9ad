// Lowering, the lanes: a minibatch's examples found in the program and
// laid out side by side, so that one instruction runs a node of every
// example (`_LaneKernels.swift` runs them). Compile time only.
//
// The examples are where a graph's examples meet: the operands of one
// `sum` node (makemore's loss), or of a chain of `+` (`Sequence.sum()`,
// the moons loss). Each operand's subgraph is an example when all of them
// are the same program: the same operations in the same order, on the
// same parameters, each on numbers of its own. The lowering then checks
// that running them as lanes changes no gradient's order of terms (see
// `lanes`), lays each example's node out next to the others', and writes
// the lane program. Anything it cannot prove leaves the program as it was.

extension Lowering {
  /// The lane program for `out`, whose slots it lays out again, or `nil`
  /// (and `out` unchanged) when the graph has no examples to run side by
  /// side, or running them so could change a number.
  ///
  /// The eager backward runs the last example's nodes first, then the one
  /// before, and so on; the lanes run each node of the examples at once.
  /// The two add the same terms to every gradient in the same order when:
  /// - each example's nodes write only their own slots and slots every
  ///   example shares (parameters, constants, nodes computed before the
  ///   examples);
  /// - each shared slot gets terms from one node of each example (one
  ///   lane instruction), which adds them the last example first;
  /// - the nodes between the examples (a chain of `+`) read only the
  ///   examples' and each other's results.
  static func lanes(
    _ out: inout Lowered, parameterCount p: Int, gathers: [(placeholder: Int32, candidates: [Int32])]
  ) -> LaneProgram? {
    let finder = LaneFinder(out: out, p: p, gathers: gathers)
    for examples in finder.meetings() {
      if let program = finder.program(examples, &out) { return program }
    }
    return nil
  }
}

/// The search for a graph's examples, and the lane program once found.
struct LaneFinder {
  let code: [Instruction]
  let lists: [Int32]
  let p: Int
  let nodeCount: Int
  let slotCount: Int
  /// The instruction that writes each slot, or -1.
  var def: [Int32]
  /// Each gather's placeholder slot -> its candidates.
  var candidatesOf: [Int32: [Int32]] = [:]
  /// Each placeholder slot -> its gather.
  var gatherOf: [Int32: Int] = [:]

  init(out: Lowered, p: Int, gathers: [(placeholder: Int32, candidates: [Int32])]) {
    code = out.code
    lists = out.lists
    self.p = p
    nodeCount = out.nodeInstructionCount
    slotCount = out.slotData.count
    def = [Int32](repeating: -1, count: slotCount)
    for (k, ins) in code.enumerated() { def[Int(ins.out)] = Int32(k) }
    for (g, gather) in gathers.enumerated() {
      candidatesOf[gather.placeholder] = gather.candidates
      gatherOf[gather.placeholder] = g
    }
  }

  /// The slots reading `slot` may read: itself, and a placeholder's
  /// candidates, any of which a bind may make it stand for.
  func reads(_ slot: Int32) -> [Int32] { [slot] + (candidatesOf[slot] ?? []) }

  /// The slots an instruction reads.
  func operands(_ ins: Instruction) -> [Int32] {
    func list(_ start: Int32) -> ArraySlice<Int32> { lists[Int(start)..<Int(start + ins.count)] }
    switch ins.op {
    case .sum, .maximum, .negatedMaximum: return Array(list(ins.a))
    case .dot: return Array(list(ins.a) + list(ins.b))
    case .dotRun: return (0..<ins.count).map { ins.a + $0 } + list(ins.b)
    case .add, .multiply: return [ins.a, ins.b]
    case .power, .tanh, .exp, .log, .relu, .sigmoid: return [ins.a]
    case .dotGroup, .dotGroupBackward, .none: return []
    }
  }

  /// Where examples may meet, largest first: each `sum` node's operands
  /// and each chain of `+`'s, when there are at least four, all computed.
  func meetings() -> [[Int32]] {
    var found: [[Int32]] = []
    for k in 0..<nodeCount where code[k].op == .sum && code[k].count >= 4 {
      found.append(Array(lists[Int(code[k].a)..<Int(code[k].a + code[k].count)]))
    }
    var lhsOfAdd = [Bool](repeating: false, count: slotCount)
    for k in 0..<nodeCount where code[k].op == .add { lhsOfAdd[Int(code[k].a)] = true }
    for k in 0..<nodeCount where code[k].op == .add && !lhsOfAdd[Int(code[k].out)] {
      // The chain's right operands, top first, and its adds.
      var rights: [Int32] = []
      var adds: [Int] = []
      var current = k
      var bottom: Int32
      while true {
        rights.append(code[current].b)
        adds.append(current)
        let lhs = code[current].a
        let d = Int(def[Int(lhs)])
        if d >= 0, d < nodeCount, code[d].op == .add {
          current = d
        } else {
          bottom = lhs
          break
        }
      }
      // The first example's result may be a `+` itself (makemore's term
      // is `log(...) - target`): the chain may also start one, two or
      // three adds higher.
      var terms = [bottom] + rights.reversed()
      for depth in 0..<min(4, adds.count) {
        if depth > 0 { terms = [code[adds[adds.count - depth]].out] + terms.dropFirst(2) }
        if terms.count >= 4 { found.append(terms) }
      }
    }
    return found.filter { terms in
      let defs = terms.map { def[Int($0)] }
      return defs.allSatisfy { $0 >= 0 && $0 < nodeCount } && zip(defs, defs.dropFirst()).allSatisfy { $0 < $1 }
    }.sorted { $0.count > $1.count }
  }

  /// The lane program for the examples whose results are `terms`, with
  /// `out`'s slots laid out for it; `nil` (and `out` unchanged) when they
  /// are not examples that can run as lanes.
  func program(_ terms: [Int32], _ out: inout Lowered) -> LaneProgram? {
    let lanes = terms.count
    // Each example's instructions: all that its result depends on.
    var example = [Int32](repeating: -1, count: code.count)
    var starts: [Int] = []
    var detachedOf: [[Int]] = []
    var length = -1
    for (e, term) in terms.enumerated() {
      var stack = [Int(def[Int(term)])]
      var lo = stack[0]
      var hi = stack[0]
      var nodes = 0
      var detached: [Int] = []
      while let k = stack.popLast() {
        if example[k] == Int32(e) { continue }
        if example[k] >= 0 { return nil }  // shared with an earlier example
        example[k] = Int32(e)
        if k < nodeCount {
          lo = min(lo, k)
          hi = max(hi, k)
          nodes += 1
        } else {
          detached.append(k)
        }
        for slot in operands(code[k]) {
          for s in reads(slot) where def[Int(s)] >= 0 && example[Int(def[Int(s)])] != Int32(e) {
            stack.append(Int(def[Int(s)]))
          }
        }
      }
      guard nodes == hi - lo + 1, length < 0 || nodes == length, starts.last.map({ lo >= $0 + length }) ?? true
      else { return nil }
      length = nodes
      starts.append(lo)
      detachedOf.append(detached.sorted())
    }
    let first = starts[0]
    let last = starts[lanes - 1] + length - 1
    // A run of slots other than parameters would not stay a run.
    for ins in code where ins.op == .dotRun && Int(ins.a + ins.count) > p { return nil }
    for k in nodeCount..<code.count where example[k] < 0 { return nil }  // a detached leaf outside

    // Owners: the example whose nodes write or alone read a slot; -2 when
    // several examples read it (shared).
    var owner = [Int32](repeating: -1, count: slotCount)
    for k in code.indices where example[k] >= 0 { owner[Int(code[k].out)] = example[k] }
    for k in code.indices where example[k] >= 0 {
      for s in operands(code[k]) where Int(s) >= p && def[Int(s)] < 0 {
        if owner[Int(s)] == -1 {
          owner[Int(s)] = example[k]
        } else if owner[Int(s)] != example[k] {
          owner[Int(s)] = -2
        }
      }
      // A node computed outside the examples: only before them.
      for s in operands(code[k]) where def[Int(s)] >= 0 && example[Int(def[Int(s)])] < 0 {
        if Int(def[Int(s)]) > first { return nil }
      }
    }
    for (placeholder, candidates) in candidatesOf {
      let e = owner[Int(placeholder)]
      guard e >= 0 else { return nil }
      for c in candidates where Int(c) >= p {
        guard def[Int(c)] >= 0, example[Int(def[Int(c)])] == e else { return nil }
      }
    }
    // Nodes outside the examples: none reads a placeholder; those
    // between the examples read only the examples' and each other's results.
    for k in 0..<nodeCount where example[k] < 0 {
      for s in operands(code[k]) {
        if candidatesOf[s] != nil { return nil }
        if k > first, k < last {
          let d = Int(def[Int(s)])
          guard d >= first else { return nil }
        }
      }
    }

    // The same program in every example: example 0's slots mapped to each
    // other example's.
    var localIndex = [Int32](repeating: -1, count: slotCount)
    var locals: [Int32] = []
    for s in p..<slotCount where owner[s] == 0 {
      localIndex[s] = Int32(locals.count)
      locals.append(Int32(s))
    }
    let localCount = locals.count
    var perExample = [Int](repeating: 0, count: lanes)
    for s in p..<slotCount where owner[s] >= 0 { perExample[Int(owner[s])] += 1 }
    guard perExample.allSatisfy({ $0 == localCount }) else { return nil }
    var image = [Int32](repeating: -1, count: lanes * localCount)
    for (i, s) in locals.enumerated() { image[i] = s }
    var preimage = [Int32](repeating: -1, count: slotCount)
    func same(_ s0: Int32, _ se: Int32, _ e: Int) -> Bool {
      if Int(s0) < p || owner[Int(s0)] < 0 { return se == s0 }
      guard owner[Int(s0)] == 0, owner[Int(se)] == Int32(e) else { return false }
      let i = e * localCount + Int(localIndex[Int(s0)])
      if image[i] < 0 {
        guard preimage[Int(se)] < 0 else { return false }
        image[i] = se
        preimage[Int(se)] = s0
        return true
      }
      return image[i] == se
    }
    func sameInstruction(_ k0: Int, _ ke: Int, _ e: Int) -> Bool {
      let i0 = code[k0]
      let ie = code[ke]
      guard i0.op == ie.op, i0.count == ie.count, i0.exponent.bitPattern == ie.exponent.bitPattern,
        same(i0.out, ie.out, e)
      else { return false }
      func sameList(_ a: Int32, _ b: Int32) -> Bool {
        (0..<Int(i0.count)).allSatisfy { same(lists[Int(a) + $0], lists[Int(b) + $0], e) }
      }
      switch i0.op {
      case .add, .multiply: return same(i0.a, ie.a, e) && same(i0.b, ie.b, e)
      case .power, .tanh, .exp, .log, .relu, .sigmoid: return same(i0.a, ie.a, e)
      case .sum, .maximum, .negatedMaximum: return sameList(i0.a, ie.a)
      case .dot: return sameList(i0.a, ie.a) && sameList(i0.b, ie.b)
      case .dotRun: return i0.a == ie.a && Int(i0.a + i0.count) <= p && sameList(i0.b, ie.b)
      case .dotGroup, .dotGroupBackward, .none: return false
      }
    }
    for e in 1..<lanes {
      for k in 0..<length where !sameInstruction(starts[0] + k, starts[e] + k, e) { return nil }
      guard detachedOf[e].count == detachedOf[0].count else { return nil }
      for (k0, ke) in zip(detachedOf[0], detachedOf[e]) where !sameInstruction(k0, ke, e) { return nil }
      for (placeholder, candidates) in candidatesOf where owner[Int(placeholder)] == 0 {
        let pe = image[e * localCount + Int(localIndex[Int(placeholder)])]
        guard pe >= 0, let ce = candidatesOf[pe], ce.count == candidates.count,
          zip(candidates, ce).allSatisfy({ same($0, $1, e) })
        else { return nil }
      }
    }
    guard !image.contains(-1) else { return nil }
    // A placeholder of another example stands where example 0 has one
    // (checked above): example 0's code, which the lanes run, reads no
    // binding there.
    for placeholder in candidatesOf.keys where owner[Int(placeholder)] > 0 {
      let first = preimage[Int(placeholder)]
      guard first >= 0, candidatesOf[first] != nil else { return nil }
    }

    // New slots: parameters, then every slot no example owns, then each
    // of example 0's slots with its counterparts, a lane group of `width`.
    let width = (lanes + 3) & ~3
    var newSlot = [Int32](repeating: -1, count: slotCount)
    for s in 0..<p { newSlot[s] = Int32(s) }
    var next = Int32(p)
    for s in p..<slotCount where owner[s] < 0 {
      newSlot[s] = next
      next += 1
    }
    var groupBases: [Int32] = []
    for i in 0..<localCount {
      groupBases.append(next)
      for e in 0..<lanes { newSlot[Int(image[e * localCount + i])] = next + Int32(e) }
      next += Int32(width)
    }
    func lane(_ s: Int32) -> LaneOperand { owner[Int(s)] == 0 ? newSlot[Int(s)] : -newSlot[Int(s)] - 1 }
    func isLocal(_ s: Int32) -> Bool { Int(s) >= p && owner[Int(s)] == 0 && candidatesOf[s] == nil }

    // Example 0's instructions as lane instructions.
    var program = LaneProgram(
      lanes: lanes, width: width, forward: [], backward: [], lists: [], table: [], before: [], after: [],
      beforeBackward: [], afterBackward: [], longestX: 0)
    var writer: [Int32: Int] = [:]  // shared slot -> the lane instruction adding to its gradient
    func writes(_ s: Int32, _ id: Int) -> Bool {
      var slots = [s]
      if let candidates = candidatesOf[s] { slots = candidates }
      for slot in slots where Int(slot) < p || owner[Int(slot)] < 0 {
        if let other = writer.updateValue(id, forKey: slot), other != id { return false }
      }
      return true
    }
    // Layers: a dot's weights are parameters; the dots that share `x`, one group.
    var groupOf: [Int: Int] = [:]
    var groups: [[Int]] = []
    var groupOfList: [Int32: Int] = [:]
    for k in first..<first + length where code[k].op == .dotRun {
      let g = groupOfList[code[k].b] ?? groups.count
      if g == groups.count {
        groups.append([])
        groupOfList[code[k].b] = g
      }
      groups[g].append(k)
      groupOf[k] = g
    }
    var groupInstructions: [LaneInstruction] = []
    var written = [Bool](repeating: false, count: slotCount)
    let placeholderCandidates = candidatesOf
    for (g, members) in groups.enumerated() {
      let ins0 = code[members[0]]
      let n = Int(ins0.count)
      let x = ins0.b
      guard
        Lowering.canRunTogether(
          members, in: out, x: x, written: &written, placeholderCandidates: placeholderCandidates)
      else { return nil }
      var weights = Set<Int32>()
      for m in members {
        for i in 0..<Int32(n) {
          guard weights.insert(code[m].a + i).inserted, writes(code[m].a + i, -1 - g) else { return nil }
        }
      }
      let xs = lists[Int(x)..<Int(x) + n]
      var ins = LaneInstruction(kind: .dotGroup, op: .dotRun, count: Int32(members.count))
      ins.n = Int32(n)
      ins.table = Int32(program.lists.count)
      for m in members.reversed() { program.lists += [code[m].a, newSlot[Int(code[m].out)]] }
      if xs.allSatisfy(isLocal), Set(xs).count == n {
        ins.x = Int32(program.lists.count)
        program.lists += xs.map { newSlot[Int($0)] }
      } else {
        for s in xs where !writes(s, -1 - g) { return nil }  // gathered or shared: one example at a time
        ins.x = -1
        ins.xTable = Int32(program.table.count)
        program.table += starts.map { code[$0 + members[0] - first].b }
      }
      program.longestX = max(program.longestX, n)
      groupInstructions.append(ins)
    }
    func scalar(_ k: Int) -> LaneInstruction {
      var ins = LaneInstruction(kind: .scalar, op: code[k].op)
      ins.table = Int32(program.table.count)
      if k < nodeCount {
        program.table += starts.map { Int32($0 + k - first) }
      } else {
        let j = detachedOf[0].firstIndex(of: k)!
        program.table += detachedOf.map { Int32($0[j]) }
      }
      return ins
    }
    func instruction(_ k: Int) -> LaneInstruction? {
      let c = code[k]
      if k < nodeCount { for s in operands(c) where !writes(s, k) { return nil } }
      var ins = LaneInstruction(kind: .vector, op: c.op, out: newSlot[Int(c.out)], exponent: c.exponent)
      switch c.op {
      case .add, .multiply:
        // Gathered, or both shared (each lane's two terms would not be
        // added lane by lane): one example at a time.
        guard candidatesOf[c.a] == nil, candidatesOf[c.b] == nil, isLocal(c.a) || isLocal(c.b) else {
          return scalar(k)
        }
        ins.a = lane(c.a)
        ins.b = lane(c.b)
      case .power, .tanh, .exp, .log, .relu, .sigmoid:
        guard isLocal(c.a) else { return scalar(k) }
        ins.a = lane(c.a)
      case .sum, .maximum, .negatedMaximum:
        let entries = lists[Int(c.a)..<Int(c.a + c.count)]
        guard !entries.contains(where: { candidatesOf[$0] != nil }) else { return scalar(k) }
        ins.a = Int32(program.lists.count)
        ins.count = c.count
        program.lists += entries.map(lane)
      default:
        return scalar(k)
      }
      return ins
    }
    var instructions: [Int: LaneInstruction] = [:]
    for k in Array(first..<first + length) + detachedOf[0] where groupOf[k] == nil {
      guard let ins = instruction(k) else { return nil }
      instructions[k] = ins
    }
    // Neuron chains, one instruction each, where their last `+` was
    // (`Lowering+Chains.swift`).
    var chainAt: [Int: LaneInstruction] = [:]
    var inChain = [Bool](repeating: false, count: code.count)
    for chain in neuronChains(in: first..<first + length, instructions: instructions, isLocal: isLocal) {
      let top = chain.adds.last!
      var ins = LaneInstruction(kind: .chain, op: .add, out: instructions[top]!.out)
      ins.a = instructions[chain.adds[0]]!.a
      ins.count = Int32(chain.adds.count)
      ins.table = Int32(program.lists.count)
      for (add, product) in zip(chain.adds, chain.products) {
        let p = instructions[product]!
        program.lists += [p.a, p.b, p.out, instructions[add]!.out]
        inChain[add] = true
        inChain[product] = true
      }
      chainAt[top] = ins
    }
    let forwardOrder = out.schedule.map { $0.map(Int.init) } ?? Array(0..<nodeCount)
    var emitted = Set<Int>()
    for k in forwardOrder {
      if example[k] < 0 {
        if k < first { program.before.append(Int32(k)) } else { program.after.append(Int32(k)) }
      } else if example[k] == 0 {
        if let g = groupOf[k] {
          if emitted.insert(g).inserted { program.forward.append(groupInstructions[g]) }
        } else if let chain = chainAt[k] {
          program.forward.append(chain)
        } else if !inChain[k] {
          program.forward.append(instructions[k]!)
        }
      }
    }
    for k in (first..<first + length).reversed() {
      if let g = groupOf[k] {
        if k == groups[g][0] { program.backward.append(groupInstructions[g]) }
      } else if let chain = chainAt[k] {
        program.backward.append(chain)
      } else if !inChain[k] {
        program.backward.append(instructions[k]!)
      }
    }
    program.beforeBackward = (0..<first).reversed().map { Int32($0) }
    program.afterBackward = (first..<nodeCount).reversed().filter { example[$0] < 0 }.map { Int32($0) }

    // Lay the slots out again.
    do {
      try CompiledGraph.checkSize(
        nodes: out.nodeSlots.count, slots: Int(next), instructions: code.count, listEntries: lists.count,
        available: CompiledGraph.availableMemory)
    } catch {
      return nil
    }
    var data = [Double](repeating: 0, count: Int(next))
    for s in 0..<slotCount { data[Int(newSlot[s])] = out.slotData[s] }
    for base in groupBases { for e in lanes..<width { data[Int(base) + e] = data[Int(base)] } }
    out.slotData = data
    for k in out.code.indices {
      var ins = out.code[k]
      ins.out = newSlot[Int(ins.out)]
      switch ins.op {
      case .add, .multiply:
        ins.a = newSlot[Int(ins.a)]
        ins.b = newSlot[Int(ins.b)]
      case .power, .tanh, .exp, .log, .relu, .sigmoid:
        ins.a = newSlot[Int(ins.a)]
      default:
        break  // lists, or a run of parameters
      }
      out.code[k] = ins
    }
    out.lists = out.lists.map { newSlot[Int($0)] }
    out.inputSlots = out.inputSlots.map { newSlot[Int($0)] }
    out.nodeSlots = out.nodeSlots.map { newSlot[Int($0)] }
    out.candidates = out.candidates.map { newSlot[Int($0)] }
    return program
  }
}
