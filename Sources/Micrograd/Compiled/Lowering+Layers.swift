// Lowering, the layers: a layer's dot products (`Value.dot(rows, x)`)
// run together forward, and backward where that changes no gradient's
// order of terms (`_CompiledKernels.swift` runs them).

extension Lowering {
  /// Runs a layer's dot products together: the `dotRun`s that share one
  /// list `x` (the nodes `Value.dot(rows, x)` makes) and whose weights are
  /// parameters.
  ///
  /// Forward, they become one `dotGroup` where the first of them ran
  /// (their weights are ready at any time, and `x` was ready for the
  /// first). Backward, they run one after another, last first, where the
  /// first of them ran, when no node between them touches a slot they
  /// write (weights and `x`, or any candidate a gather in `x` may stand
  /// for) or none of `x` is among the weights: each slot then gets the
  /// same terms in the same order as in the eager engine.
  static func groupLayers(
    _ out: inout Lowered, parameterCount p: Int, slotCount: Int, placeholderCandidates: [Int32: [Int32]]
  ) {
    var members: [Int32: [Int]] = [:]  // x list -> its dots, in code order
    for k in 0..<out.nodeInstructionCount {
      let ins = out.code[k]
      if ins.op == .dotRun, Int(ins.a) + Int(ins.count) <= p { members[ins.b, default: []].append(k) }
    }
    guard members.values.contains(where: { $0.count > 1 }) else { return }
    let forward = out.schedule ?? (0..<out.code.count).map { Int32($0) }
    var schedule: [Int32] = []
    schedule.reserveCapacity(forward.count)
    var emitted = Set<Int32>()
    var written = [Bool](repeating: false, count: slotCount)
    for k in forward {
      let ins = out.code[Int(k)]
      guard ins.op == .dotRun, let group = members[ins.b], group.count > 1 else {
        schedule.append(k)
        continue
      }
      guard emitted.insert(ins.b).inserted else { continue }
      let table = Int32(out.lists.count)
      for m in group.reversed() { out.lists += [out.code[m].a, out.code[m].out] }
      schedule.append(Int32(out.code.count))
      let forwardGroup = Instruction(op: .dotGroup, out: Int32(group.count), a: table, b: ins.b, count: ins.count)
      out.code.append(forwardGroup)
      if canRunTogether(
        group, in: out, x: ins.b, written: &written, placeholderCandidates: placeholderCandidates)
      {
        out.code[group[0]] = forwardGroup
        out.code[group[0]].op = .dotGroupBackward
        for m in group.dropFirst() { out.code[m].op = .none }
        out.longestGroupList = max(out.longestGroupList, Int(ins.count))
      }
    }
    out.schedule = schedule
  }

  /// Whether the backward of `group`'s dots (code indices, ascending) can
  /// run at the first one's place: see `groupLayers`. `written` is all
  /// `false` before and after.
  static func canRunTogether(
    _ group: [Int], in out: Lowered, x: Int32, written: inout [Bool], placeholderCandidates: [Int32: [Int32]]
  ) -> Bool {
    let n = Int(out.code[group[0]].count)
    func cells(_ slot: Int32) -> [Int32] { placeholderCandidates[slot] ?? [slot] }
    var marked: [Int] = []
    defer { for slot in marked { written[slot] = false } }
    func mark(_ slot: Int32) {
      if !written[Int(slot)] {
        written[Int(slot)] = true
        marked.append(Int(slot))
      }
    }
    for m in group {
      let a = out.code[m].a
      for i in 0..<Int32(n) { mark(a + i) }
    }
    // `x` may not hold a weight.
    for i in 0..<n {
      for cell in cells(out.lists[Int(x) + i]) where written[Int(cell)] { return false }
    }
    for i in 0..<n { for cell in cells(out.lists[Int(x) + i]) { mark(cell) } }
    let isMember = Set(group)
    for k in group[0]...group[group.count - 1] where !isMember.contains(k) {
      let ins = out.code[k]
      var touched: [Int32] = [ins.out]
      switch ins.op {
      case .sum, .maximum, .negatedMaximum:
        touched += out.lists[Int(ins.a)..<Int(ins.a + ins.count)]
      case .dot:
        touched += out.lists[Int(ins.a)..<Int(ins.a + ins.count)] + out.lists[Int(ins.b)..<Int(ins.b + ins.count)]
      case .dotRun, .none:
        touched += (0..<ins.count).map { ins.a + $0 } + out.lists[Int(ins.b)..<Int(ins.b + ins.count)]
      case .dotGroup, .dotGroupBackward:
        return false  // another layer's, run together: too much to check
      case .add, .multiply:
        touched += [ins.a, ins.b]
      default:
        touched.append(ins.a)
      }
      for slot in touched {
        for cell in cells(slot) where written[Int(cell)] { return false }
      }
    }
    return true
  }
}
