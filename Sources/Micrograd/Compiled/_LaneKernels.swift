// Fast-path internals: a minibatch's examples run side by side.
//
// What: `LaneProgram`, the instructions of one example of a minibatch,
// each run once for all examples ("lanes"), and the loops that run them
// over `SIMD4<Double>` vectors of lanes. `Lowering+Lanes.swift` finds the
// examples and lays each of their nodes out as `width` adjacent slots, one
// per example (a "lane group"): lane `e` of the group at `base` is slot
// `base + e`.
//
// Bit-identity: each lane computes exactly what `_CompiledKernels.swift`
// computes for its example's node, because both call the operation's
// rules (`Engine/Operations/`): on `SIMD4<Double>` where the rule is
// arithmetic (generic over `RuleNumber`, each lane the same IEEE
// operation), one lane at a time where it calls Foundation (`tanh`, `exp`,
// `log`, `pow`, the sigmoid). ReLU's rules branch on each number; the
// lanes select instead (`replacing(with:where:)`), the same numbers
// (-0.0 and NaN included). Sums run from 0.0 in order. A vector
// instruction only runs the lanes' separate computations at once. Where
// examples meet, a gradient of a slot all examples share (a parameter),
// the terms are added one lane at a time, the last example first, as the
// eager engine's backward (which runs the last example's nodes first)
// adds them; the lowering proved that only one lane instruction adds to
// each shared slot, and that no lane instruction reads its gradient, so
// the terms wait and eight such sums run side by side (`sumWaiting`). A
// neuron chain (`Lowering+Chains.swift`) runs its nodes' rules in one
// loop. A layer's dot products (dot groups) run in C, in
// `CLaneKernels/_dot_groups.c`, so that AVX2 machines run four doubles per
// instruction: the same operations in the same order. Change one side,
// change the other.
//
// Unsafe: raw pointers at slots and scratch offsets that the lowering
// proved in range.

internal import CLaneKernels
import Foundation

/// An operand of a vector lane instruction: `>= 0` is the base of a lane
/// group (lane `e` at `base + e`); `< 0` is a shared slot `-operand - 1`,
/// the same number for every lane.
typealias LaneOperand = Int32

/// How a lane instruction runs.
enum LaneKind: UInt8 {
  /// The operation on vectors of lanes (operands local or shared).
  case vector
  /// A layer's dot products, `members` of them sharing one `x`: the
  /// weights are parameters, the products run as lanes times members.
  case dotGroup
  /// Each example's own scalar instruction, one lane after another (last
  /// first backward): operands gathered per example, or a rare operation.
  case scalar
  /// A neuron's `s0 + w1*x1 + ... + wn*xn`, `count` products of a shared
  /// weight and a lane's number, each added to the sum so far: `a` is
  /// `s0`, and `lists` at `table` holds, product after product, the
  /// weight (shared), `x`, the product's group and the sum's (the last is
  /// `out`). Each lane's sum stays in a register.
  case chain
}

/// One instruction of the lane program.
struct LaneInstruction {
  var kind: LaneKind
  var op: Opcode
  /// The output's lane group.
  var out: Int32 = 0
  /// Vector: the operands; `sum`, `maximum`, `negatedMaximum`: the
  /// operand list's start in `LaneProgram.lists`.
  var a: LaneOperand = 0
  var b: LaneOperand = 0
  /// Vector lists: entries; dot groups: members; scalar: 0.
  var count: Int32 = 0
  /// `power`'s exponent.
  var exponent: Double = 0
  /// Dot groups: the members' table in `lists` (weights' first slot, output
  /// group, last member first); scalar: each lane's instruction index in
  /// `table`.
  var table: Int32 = 0
  /// Dot groups: `x`'s length.
  var n: Int32 = 0
  /// Dot groups: `x` as lane groups in `lists` at `x` (all local and
  /// distinct), or, when `-1`, each lane's own list, whose start is in
  /// `table` at `xTable`.
  var x: Int32 = 0
  var xTable: Int32 = 0
}

/// The examples of a minibatch, side by side: where they are in the
/// program and the instructions that run them.
struct LaneProgram {
  /// How many examples.
  var lanes: Int
  /// Slots per lane group: `lanes` rounded up to a multiple of 4.
  var width: Int
  /// Forward, in order.
  var forward: [LaneInstruction]
  /// Backward, in the order run (the examples' last node first).
  var backward: [LaneInstruction]
  /// Vector lists' entries and dot groups' tables.
  var lists: [Int32]
  /// Per-lane indices: scalar instructions, dot groups' `x` lists.
  var table: [Int32]
  /// The instructions outside the examples, as indices into the scalar
  /// code: forward, those before the lanes and those after them (in the
  /// forward order); backward, those after the lanes and those before
  /// them (in reverse topological order).
  var before: [Int32]
  var after: [Int32]
  var beforeBackward: [Int32]
  var afterBackward: [Int32]
  /// The longest `x` of a dot group.
  var longestX: Int
}

/// The buffers lane kernels run on, besides the program's.
struct LaneBuffers {
  /// The scalar code (each example's own instructions).
  let code: UnsafeMutablePointer<Instruction>
  let lists: UnsafeMutablePointer<Int32>
  let table: UnsafeMutablePointer<Int32>
  /// Room for `x` lane-major (`longestX * width`), `x` example-major
  /// (`width * (longestX + 3)`), two copies of one example's `x`, and 32
  /// weights' gradients.
  let scratch: UnsafeMutablePointer<Double>
  /// Room for one example's `x` positions and pieces (`8 * longestX + 8`).
  let positions: UnsafeMutablePointer<Int32>
  /// A shared operand's terms, waiting to be summed with seven other
  /// slots' (`waitingTerms`): lane `e`'s term for the `j`th waiting slot
  /// at `8 * e + j` (room for `8 * width`).
  let waitingTerms: UnsafeMutablePointer<Double>
  /// How many slots wait, then those slots (room for 9).
  let waiting: UnsafeMutablePointer<Int>
  let lanes: Int
  let width: Int
  let longestX: Int
  /// 1: the dot groups' C kernels run their AVX2 code; 0: their portable
  /// code (the same numbers).
  var wide: Int32
}

@inline(__always) private func load(_ p: UnsafePointer<Double>) -> SIMD4<Double> {
  UnsafeRawPointer(p).loadUnaligned(as: SIMD4<Double>.self)
}

@inline(__always) private func store(_ v: SIMD4<Double>, _ p: UnsafeMutablePointer<Double>) {
  UnsafeMutableRawPointer(p).storeBytes(of: v, as: SIMD4<Double>.self)
}

extension ProgramBuffers {
  /// An operand's slot in lane `e`.
  @inline(__always) func laneSlot(_ x: LaneOperand, _ e: Int) -> Int { x >= 0 ? Int(x) + e : Int(-x - 1) }

  /// Lanes `c..<c + 4` of an operand.
  @inline(__always) func lanes4(_ x: LaneOperand, _ c: Int) -> SIMD4<Double> {
    x >= 0 ? load(data + Int(x) + c) : SIMD4(repeating: data[Int(-x - 1)])
  }

  /// Runs a lane instruction forward or backward: each kind's two
  /// kernels side by side.
  @inline(__always)
  func laneRun(_ ins: LaneInstruction, _ lb: LaneBuffers, backward: Bool) {
    switch (ins.kind, backward) {
    case (.scalar, false):
      let t = lb.table + Int(ins.table)
      for e in 0..<lb.lanes { forward(lb.code[Int(t[e])]) }
    case (.scalar, true):  // the last example first
      let t = lb.table + Int(ins.table)
      var e = lb.lanes
      while e > 0 {
        e -= 1
        self.backward(lb.code[Int(t[e])])
      }
    case (.dotGroup, false): laneGroupForward(ins, lb)
    case (.dotGroup, true): laneGroupBackward(ins, lb)
    case (.vector, false): laneVectorForward(ins, lb)
    case (.vector, true): laneVectorBackward(ins, lb)
    case (.chain, false): laneChainForward(ins, lb)
    case (.chain, true): laneChainBackward(ins, lb)
    }
  }

  // MARK: Forward

  /// A neuron chain forward: the products and sums of `Multiply.forward`
  /// and `Add.forward`, in the chain's order, each stored in its group.
  private func laneChainForward(_ ins: LaneInstruction, _ lb: LaneBuffers) {
    let d = data
    let entries = lb.lists + Int(ins.table)
    let n = Int(ins.count)
    for c in stride(from: 0, to: lb.width, by: 4) {
      var sum = lanes4(ins.a, c)
      for j in 0..<n {
        let entry = entries + 4 * j
        let product = Multiply.forward(lanes4(entry[0], c), load(d + Int(entry[1]) + c))
        store(product, d + Int(entry[2]) + c)
        sum = Add.forward(sum, product)
        store(sum, d + Int(entry[3]) + c)
      }
    }
  }

  private func laneVectorForward(_ ins: LaneInstruction, _ lb: LaneBuffers) {
    let d = data
    let out = d + Int(ins.out)
    let w = lb.width
    let a = ins.a
    let b = ins.b
    switch ins.op {
    case .add:
      for c in stride(from: 0, to: w, by: 4) { store(Add.forward(lanes4(a, c), lanes4(b, c)), out + c) }
    case .multiply:
      for c in stride(from: 0, to: w, by: 4) { store(Multiply.forward(lanes4(a, c), lanes4(b, c)), out + c) }
    case .relu:
      for c in stride(from: 0, to: w, by: 4) {
        let x = lanes4(a, c)
        store(x.replacing(with: 0, where: x .< 0), out + c)  // ReLU.forward, lane by lane
      }
    case .power:
      for e in 0..<w { out[e] = Power.forward(d[laneSlot(a, e)], ins.exponent) }
    case .tanh:
      for e in 0..<w { out[e] = Tanh.forward(d[laneSlot(a, e)]) }
    case .exp:
      for e in 0..<w { out[e] = Exp.forward(d[laneSlot(a, e)]) }
    case .log:
      for e in 0..<w { out[e] = Log.forward(d[laneSlot(a, e)]) }
    case .sigmoid:
      for e in 0..<w { out[e] = Sigmoid.forward(d[laneSlot(a, e)]) }
    case .sum:
      let list = lb.lists + Int(a)
      let n = Int(ins.count)
      for c in stride(from: 0, to: w, by: 4) {
        var total = SIMD4<Double>(repeating: 0)
        for i in 0..<n { total = Sum.forward(total, adding: lanes4(list[i], c)) }
        store(total, out + c)
      }
    case .maximum, .negatedMaximum:
      let list = lb.lists + Int(a)
      let n = Int(ins.count)
      for c in stride(from: 0, to: w, by: 4) {
        var m = lanes4(list[0], c)
        for i in 1..<n {
          let x = lanes4(list[i], c)
          m.replace(with: x, where: m .< x)
        }
        store(ins.op == .maximum ? m : -m, out + c)
      }
    case .dot, .dotRun, .dotGroup, .dotGroupBackward, .none:
      preconditionFailure("lane program: \(ins.op) is not a vector instruction")
    }
  }

  /// `x` of a dot group, lane-major: `x[i]`'s lanes at `scratch + i * width`.
  private func gatherLaneMajor(_ ins: LaneInstruction, _ lb: LaneBuffers) -> UnsafeMutablePointer<Double> {
    let xs = lb.scratch
    let w = lb.width
    let n = Int(ins.n)
    let d = data
    if ins.x >= 0 {
      let bases = lb.lists + Int(ins.x)
      for i in 0..<n { (xs + i * w).update(from: d + Int(bases[i]), count: w) }
    } else {
      let starts = lb.table + Int(ins.xTable)
      for e in 0..<lb.lanes {
        let list = lists + Int(starts[e])
        for i in 0..<n { xs[i * w + e] = d[Int(list[i])] }
      }
      for e in lb.lanes..<w { for i in 0..<n { xs[i * w + e] = xs[i * w] } }
    }
    return xs
  }

  /// A dot group forward: each member's product with `x`, each lane's
  /// sum from 0.0 over `x` in order (`clk_group_forward`, in C: four
  /// members and eight lanes at a time).
  private func laneGroupForward(_ ins: LaneInstruction, _ lb: LaneBuffers) {
    let xs = gatherLaneMajor(ins, lb)
    clk_group_forward(lb.wide, data, lb.lists + Int(ins.table), Int(ins.count), xs, Int(ins.n), lb.width)
  }

  // MARK: Backward

  /// A neuron chain backward, as the eager engine runs its nodes: the last
  /// `+`, its product, the `+` before, and so on.
  ///
  /// Each `+` but the last and each product has one reader, the next `+`
  /// (`Lowering+Chains.swift`), so its gradient is `0 + Add.derivative *
  /// g`, where `g` is the gradient of the `+` above. For the last `+`'s
  /// gradient `top` that is `G = 0 + 1 * top`; below, `0 + 1 * G` is `G`
  /// again, bit for bit (`1 * G` is `G`, and `G` is never -0.0, so `0 + G`
  /// is `G`). Nor is `top` -0.0, a sum of terms from 0, so `G` is `top`
  /// itself: the lower gradients are not stored, and `grad(ofNode:)`
  /// reads `top`'s for them (`CompiledGraph.gradientSlots`). Each
  /// product's terms are its operands' rules times `G`: the weight's wait
  /// in a column (`sumWaiting`), `x`'s is added, the last product first.
  /// `s0` gets `Add.derivative * G` last, before the first product's `x`,
  /// as in the eager order.
  private func laneChainBackward(_ ins: LaneInstruction, _ lb: LaneBuffers) {
    let d = data
    let gr = grad
    let entries = lb.lists + Int(ins.table)
    let n = Int(ins.count)
    let w = lb.width
    let top = gr + Int(ins.out)
    let zero = SIMD4<Double>(repeating: 0)
    let one = SIMD4<Double>(repeating: Add.derivative)
    @inline(__always) func g(_ c: Int) -> SIMD4<Double> { zero + one * load(top + c) }
    var j = n
    while j > 0 {
      j -= 1
      let entry = entries + 4 * j
      let x = d + Int(entry[1])
      let gx = gr + Int(entry[1])
      let weight = lanes4(entry[0], 0)
      let column = waitingColumn(for: entry[0], lb)
      for c in stride(from: 0, to: w, by: 4) {
        let gc = g(c)
        if j == 0, ins.a >= 0 {
          let p = gr + Int(ins.a) + c
          store(load(p) + one * gc, p)
        }
        wait(Multiply.derivative(other: load(x + c)) * gc, column + 8 &* c)
        store(load(gx + c) + Multiply.derivative(other: weight) * gc, gx + c)
      }
      if lb.waiting[0] == 8 { sumWaiting(lb) }
    }
    if ins.a < 0 { shared(ins.a, lb) { c in one * g(c) } }
  }

  /// A shared operand's terms, four lanes at a time (`term(c)` for lanes
  /// `c..<c + 4`), wait in a column of `waitingTerms`; `sumWaiting` adds
  /// them to the slot's gradient, the last example first, eight slots at
  /// once. No lane instruction reads a shared slot's gradient, and only
  /// one adds to it (`lanes`).
  @inline(__always) private func shared(
    _ x: LaneOperand, _ lb: LaneBuffers, _ term: (Int) -> SIMD4<Double>
  ) {
    let column = waitingColumn(for: x, lb)
    for c in stride(from: 0, to: lb.width, by: 4) { wait(term(c), column + 8 &* c) }
    if lb.waiting[0] == 8 { sumWaiting(lb) }
  }

  /// The next free column of `waitingTerms`, for the shared slot `x`. The
  /// caller fills it, then calls `sumWaiting` once eight wait.
  @inline(__always) private func waitingColumn(for x: LaneOperand, _ lb: LaneBuffers) -> UnsafeMutablePointer<Double> {
    let j = lb.waiting[0]
    lb.waiting[1 + j] = Int(-x - 1)
    lb.waiting[0] = j + 1
    return lb.waitingTerms + j
  }

  /// Four lanes' terms into a column of `waitingTerms`, from lane `c`'s
  /// place there (`column + 8 * c`).
  @inline(__always) private func wait(_ t: SIMD4<Double>, _ place: UnsafeMutablePointer<Double>) {
    place[0] = t[0]
    place[8] = t[1]
    place[16] = t[2]
    place[24] = t[3]
  }

  private func laneVectorBackward(_ ins: LaneInstruction, _ lb: LaneBuffers) {
    let d = data
    let gr = grad
    let w = lb.width
    let a = ins.a
    let b = ins.b
    let out = Int(ins.out)
    @inline(__always) func g4(_ c: Int) -> SIMD4<Double> { load(gr + out + c) }
    @inline(__always) func add(_ x: LaneOperand, _ c: Int, _ term: SIMD4<Double>) {
      let p = gr + Int(x) + c
      store(load(p) + term, p)
    }
    switch ins.op {
    case .add:
      let one = SIMD4<Double>(repeating: Add.derivative)
      if a >= 0 { for c in stride(from: 0, to: w, by: 4) { add(a, c, one * g4(c)) } }
      if b >= 0 { for c in stride(from: 0, to: w, by: 4) { add(b, c, one * g4(c)) } }
      if a < 0 { shared(a, lb) { c in one * g4(c) } }
      if b < 0 { shared(b, lb) { c in one * g4(c) } }
    case .multiply:
      if a >= 0 {
        for c in stride(from: 0, to: w, by: 4) { add(a, c, Multiply.derivative(other: lanes4(b, c)) * g4(c)) }
      }
      if b >= 0 {
        for c in stride(from: 0, to: w, by: 4) { add(b, c, Multiply.derivative(other: lanes4(a, c)) * g4(c)) }
      }
      if a < 0 { shared(a, lb) { c in Multiply.derivative(other: lanes4(b, c)) * g4(c) } }
      if b < 0 { shared(b, lb) { c in Multiply.derivative(other: lanes4(a, c)) * g4(c) } }
    case .power:
      for e in 0..<w { gr[Int(a) + e] += Power.derivative(d[Int(a) + e], exponent: ins.exponent) * gr[out + e] }
    case .tanh:
      for c in stride(from: 0, to: w, by: 4) { add(a, c, Tanh.derivative(output: load(d + out + c)) * g4(c)) }
    case .exp:
      for c in stride(from: 0, to: w, by: 4) { add(a, c, Exp.derivative(output: load(d + out + c)) * g4(c)) }
    case .log:
      for c in stride(from: 0, to: w, by: 4) { add(a, c, Log.derivative(lanes4(a, c)) * g4(c)) }
    case .relu:
      for c in stride(from: 0, to: w, by: 4) {
        let y = load(d + out + c)
        let local = SIMD4<Double>(repeating: 0).replacing(with: 1, where: y .> 0)  // ReLU.derivative, lane by lane
        add(a, c, local * g4(c))
      }
    case .sigmoid:
      for c in stride(from: 0, to: w, by: 4) { add(a, c, Sigmoid.derivative(output: load(d + out + c)) * g4(c)) }
    case .sum:
      let list = lb.lists + Int(a)
      let n = Int(ins.count)
      let one = SIMD4<Double>(repeating: Sum.derivative)
      for i in 0..<n where list[i] >= 0 {
        for c in stride(from: 0, to: w, by: 4) { add(list[i], c, one * g4(c)) }
      }
      var e = lb.lanes
      while e > 0 {
        e -= 1
        for i in 0..<n where list[i] < 0 { gr[Int(-list[i] - 1)] += Sum.derivative * gr[out + e] }
      }
    case .maximum, .negatedMaximum:
      return  // detached: no gradient
    case .dot, .dotRun, .dotGroup, .dotGroupBackward, .none:
      preconditionFailure("lane program: \(ins.op) is not a vector instruction")
    }
  }

  /// Adds the waiting slots' terms to their gradients, each slot's one
  /// lane after another, the last example first, as the eager engine adds
  /// them; eight slots side by side, each in its own lane of a vector.
  /// The lane program's backward ends with it.
  func sumWaiting(_ lb: LaneBuffers) {
    let count = lb.waiting[0]
    guard count > 0 else { return }
    let gr = grad
    var total = SIMD8<Double>(repeating: 0)
    for j in 0..<count { total[j] = gr[lb.waiting[1 + j]] }
    let terms = lb.waitingTerms
    var e = lb.lanes
    while e > 0 {
      e -= 1
      total += UnsafeRawPointer(terms + 8 * e).loadUnaligned(as: SIMD8<Double>.self)
    }
    for j in 0..<count { gr[lb.waiting[1 + j]] = total[j] }
    lb.waiting[0] = 0
  }

  /// A dot group backward, as the eager engine runs the group's nodes in
  /// each example (last member first), the last example first.
  ///
  /// Each weight (shared) gets one term per example, added the last
  /// example first: up to 32 weights at a time over `x` example-major
  /// (`clk_group_weight_grads`). Each number of `x` gets its terms member
  /// after member, last first: for `x` in lane groups, eight or four lanes
  /// at a time (each lane its own sum; `clk_group_x_grads_lanes`); for
  /// gathered `x`, one example after another, as `backwardGroup` adds them
  /// (`clk_group_x_grads_example`, or `repeatedXBackward` where `x` holds
  /// a slot twice).
  private func laneGroupBackward(_ ins: LaneInstruction, _ lb: LaneBuffers) {
    let d = data
    let gr = grad
    let w = lb.width
    let n = Int(ins.n)
    let members = Int(ins.count)
    let lanes = lb.lanes
    let table = lb.lists + Int(ins.table)
    // x example-major: example e's x at xt + e * stride, zeros after n.
    let stride4 = (n + 3) & ~3
    let xt = lb.scratch + lb.longestX * w
    let xg = xt + w * (lb.longestX + 3)
    let tail = xg + 2 * lb.longestX + 1
    if ins.x >= 0 {
      let bases = lb.lists + Int(ins.x)
      for i in 0..<n {
        let row = d + Int(bases[i])
        for e in 0..<lanes { xt[e * stride4 + i] = row[e] }
      }
    } else {
      let starts = lb.table + Int(ins.xTable)
      for e in 0..<lanes {
        let list = lists + Int(starts[e])
        let row = xt + e * stride4
        for i in 0..<n { row[i] = d[Int(list[i])] }
      }
    }
    for e in 0..<lanes { (xt + e * stride4 + n).update(repeating: 0, count: stride4 - n) }
    // The weights, up to 32 at a time over x padded to whole fours.
    clk_group_weight_grads(lb.wide, gr, table, members, xt, n, stride4, lanes, tail)
    // x's gradients.
    if ins.x >= 0 {
      clk_group_x_grads_lanes(lb.wide, d, gr, table, members, lb.lists + Int(ins.x), n, w)
      return
    }
    let starts = lb.table + Int(ins.xTable)
    var e = lanes
    while e > 0 {
      e -= 1
      let x = Int(starts[e])
      guard isDistinct(x, n) else {
        repeatedXBackward(x, e, n, members, table, lb, xg)
        continue
      }
      for i in 0..<n { xg[i] = gr[Int(lists[x + i])] }
      clk_group_x_grads_example(lb.wide, d, gr, table, members, e, xg, n)
      for i in 0..<n { gr[Int(lists[x + i])] = xg[i] }
    }
  }

  /// x's gradients in example `e`, whose gathered `x` holds a slot more
  /// than once (a context that repeats a token).
  ///
  /// The eager dot adds, member after member, its terms in `x`'s order: a
  /// slot at positions p₁ < p₂ < … gets each member's term at p₁, then at
  /// p₂, and so on. Here each slot sums at its first position p₁ in `xg`,
  /// and takes, member after member, the terms at p₁ and at its later
  /// positions (`p₁ + offset`) in that order. Four or two first positions
  /// whose offsets are the same (a repeated embedding row) sum side by
  /// side.
  private func repeatedXBackward(
    _ x: Int, _ e: Int, _ n: Int, _ members: Int, _ table: UnsafeMutablePointer<Int32>, _ lb: LaneBuffers,
    _ xg: UnsafeMutablePointer<Double>
  ) {
    let d = data
    let gr = grad
    // first[i]: the first position of x[i]'s slot; next[i]: the slot's next
    // position after i, or 0; last[c]: the last position seen of first
    // position c's slot.
    let first = lb.positions
    let next = first + n
    let last = next + n
    for i in 0..<n {
      let slot = lists[x + i]
      var j = 0
      while lists[x + j] != slot { j += 1 }
      first[i] = Int32(j)
      next[i] = 0
      if j == i {
        last[i] = Int32(i)
        xg[i] = gr[Int(slot)]
      } else {
        next[Int(last[j])] = Int32(i)
        last[j] = Int32(i)
      }
    }
    // Pieces (first position, width 4, 2 or 1, offsets' start, offsets' count)
    // and their offsets.
    let pieces = last + n
    let offsets = pieces + 4 * n
    var pieceCount = 0
    var offsetCount = 0
    func sameOffsets(_ c: Int, _ k: Int) -> Bool {
      var p = Int(next[c])
      var q = Int(next[c + k])
      while p != 0, q != 0, q - (c + k) == p - c {
        p = Int(next[p])
        q = Int(next[q])
      }
      return p == 0 && q == 0
    }
    var c = 0
    while c < n {
      guard first[c] == Int32(c) else {
        c += 1
        continue
      }
      func sameAsFirst(_ k: Int) -> Bool { first[c + k] == Int32(c + k) && sameOffsets(c, k) }
      let width = c + 4 <= n && (1..<4).allSatisfy(sameAsFirst) ? 4 : c + 2 <= n && sameAsFirst(1) ? 2 : 1
      let piece = pieces + 4 * pieceCount
      piece[0] = Int32(c)
      piece[1] = Int32(width)
      piece[2] = Int32(offsetCount)
      var p = Int(next[c])
      while p != 0 {
        offsets[offsetCount] = Int32(p - c)
        offsetCount += 1
        p = Int(next[p])
      }
      piece[3] = Int32(offsetCount) - piece[2]
      pieceCount += 1
      c += width
    }
    // Member after member, each piece's terms (`clk_group_x_grads_pieces`).
    clk_group_x_grads_pieces(lb.wide, d, gr, table, members, e, xg, pieces, pieceCount, offsets)
    for i in 0..<n where first[i] == Int32(i) { gr[Int(lists[x + i])] = xg[i] }
  }
}
