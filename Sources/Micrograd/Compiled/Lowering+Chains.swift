// Lowering, the lanes' neuron chains: `b + w1*x1 + w2*x2 + ... + wn*xn`
// as `Neuron` builds it (each `+` on the sum so far and one product of a
// shared weight and a lane's number) run as one lane instruction, so that
// each lane's running sum stays in a register. Compile time only;
// `_LaneKernels.swift` runs the chains.
//
// A chain runs forward where its last `+` ran, and backward where its
// last `+` ran (before any other of its nodes), which gives every slot
// the same terms in the same order when:
// - every product and every sum but the last has one reader in the whole
//   program, the chain's next `+`, and is no gather's candidate: their
//   gradients are `0 + 1 * g`, one term each, and nobody else reads them;
// - no node between a product and the chain's last `+` (in the example's
//   topological order) reads that product's `x`, nor between the first
//   `+` and the last one the first `+`'s left operand, directly or
//   through a gather's placeholder that may stand for it: so no other term
//   reaches their gradients in between. (The node that computes `x`, the
//   one that reads `x`'s gradient, comes before the product: backward, it
//   still runs after the chain.)
// A weight's gradient has one writer anyway (`lanes`).

/// One neuron chain of example 0: its `+`s and products, first to last.
struct NeuronChain {
  var adds: [Int]
  var products: [Int]
}

extension LaneFinder {
  /// The neuron chains of example 0 (instructions `range`) that can run
  /// as one lane instruction each: at least two products long, every
  /// product and `+` already a vector instruction of `instructions`.
  func neuronChains(
    in range: Range<Int>, instructions: [Int: LaneInstruction], isLocal: (Int32) -> Bool
  ) -> [NeuronChain] {
    var readers = [Int32](repeating: 0, count: slotCount)
    for ins in code { for s in operands(ins) { readers[Int(s)] += 1 } }
    var candidate = [Bool](repeating: false, count: slotCount)
    for (placeholder, candidates) in candidatesOf {
      candidate[Int(placeholder)] = true
      for c in candidates { candidate[Int(c)] = true }
    }
    func onlyTheChainReads(_ s: Int32) -> Bool { readers[Int(s)] == 1 && !candidate[Int(s)] }
    func isVector(_ k: Int, _ op: Opcode) -> Bool {
      guard range.contains(k), let ins = instructions[k] else { return false }
      return ins.kind == .vector && ins.op == op
    }
    // A product of a shared weight (left) and a lane's number (right).
    func product(_ k: Int) -> Bool {
      isVector(k, .multiply) && instructions[k]!.a < 0 && isLocal(code[k].b) && onlyTheChainReads(code[k].out)
    }
    // A `+` of the sum so far (left) and a product (right).
    func link(_ k: Int) -> Bool { isVector(k, .add) && product(Int(def[Int(code[k].b)])) }
    func below(_ k: Int) -> Int? {
      let d = Int(def[Int(code[k].a)])
      return d >= 0 && link(d) && onlyTheChainReads(code[k].a) ? d : nil
    }
    var hasAbove = Set<Int>()
    for k in range where link(k) { if let d = below(k) { hasAbove.insert(d) } }
    var chains: [NeuronChain] = []
    for top in range where link(top) && !hasAbove.contains(top) {
      var adds = [top]
      while let d = below(adds.last!) { adds.append(d) }
      adds.reverse()
      let chain = NeuronChain(adds: adds, products: adds.map { Int(def[Int(code[$0].b)]) })
      if adds.count >= 2, keepsTheOrder(chain) { chains.append(chain) }
    }
    return chains
  }

  /// Whether no node between a product and the chain's last `+` reads the
  /// product's `x`, nor one between the first and last `+` the first
  /// `+`'s left operand, directly or through a gather that may stand for
  /// it: no gradient term moves past another.
  private func keepsTheOrder(_ chain: NeuronChain) -> Bool {
    let top = chain.adds.last!
    let members = Set(chain.adds + chain.products)
    // Each watched slot, with the first chain node after which no other
    // node may read it.
    var watchedFrom: [Int32: Int] = [:]
    func watch(_ slot: Int32, from k: Int) { watchedFrom[slot] = min(watchedFrom[slot] ?? k, k) }
    for product in chain.products { watch(code[product].b, from: product) }
    watch(code[chain.adds[0]].a, from: chain.adds[0])
    let start = watchedFrom.values.min()!
    for k in start + 1..<top where !members.contains(k) {
      for s in operands(code[k]) {
        for read in reads(s) {
          if let from = watchedFrom[read], from < k { return false }
        }
      }
    }
    return true
  }
}

extension LaneProgram {
  /// The lane groups of the neuron chains' products and lower sums, whose
  /// gradients the chains do not store (each is the last sum's), each
  /// with its chain's last sum's group (first lanes).
  var unstoredGradients: [(group: Int, top: Int)] {
    var found: [(group: Int, top: Int)] = []
    for ins in forward where ins.kind == .chain {
      let n = Int(ins.count)
      for j in 0..<n {
        let entry = Int(ins.table) + 4 * j
        found.append((Int(lists[entry + 2]), Int(ins.out)))
        if j < n - 1 { found.append((Int(lists[entry + 3]), Int(ins.out))) }
      }
    }
    return found
  }

  /// The slots whose gradients `backward()` sets to 0 first, as runs:
  /// every slot from `first` on whose gradient is its own (`slots`, from
  /// `gradientSlots`), not an unstored one.
  func gradientsToZero(from first: Int, slots: [Int32]) -> [Range<Int>] {
    let slotCount = slots.count
    var runs: [Range<Int>] = []
    var start: Int?
    for s in first..<slotCount {
      if Int(slots[s]) != s {
        if let begin = start { runs.append(begin..<s) }
        start = nil
      } else if start == nil {
        start = s
      }
    }
    if let begin = start { runs.append(begin..<slotCount) }
    return runs
  }

  /// Where each slot's gradient is read: its own slot, or for an
  /// unstored one, the same lane of its chain's last sum.
  func gradientSlots(slotCount: Int) -> [Int32] {
    var slots = (0..<Int32(slotCount)).map { $0 }
    for (group, top) in unstoredGradients { for e in 0..<width { slots[group + e] = Int32(top + e) } }
    return slots
  }
}
