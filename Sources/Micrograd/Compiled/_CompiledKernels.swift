// Fast-path internals: the compiled program's instructions and the loops
// that replay them.
//
// What: `Instruction`, one operation of a lowered graph (an operation code
// and slot indices), and `forward` / `backward` over a program's buffers.
//
// Why: a replay must cost a few nanoseconds an operation, so the loops
// read raw pointers (no bounds checks, no reference counting, no
// exclusivity checks) that the `CompiledGraph` owns for its whole life.
//
// Bit-identity: every case computes exactly what the eager engine computes
// for the same operation, because both call the operation's rules (its
// forward and its local derivatives, in `Engine/Operations/`). What is
// written here is only the order of the loops, which is the eager
// engine's: sums and dot products from 0.0 left to right, both local
// derivatives of a binary operation before either update, and a dot's
// gradients pair by pair (`Value+Backward.swift`, `_OperandList.swift`);
// a layer's dots (`dotGroup`, `dotGroupBackward`) apply `Dot`'s rules to
// four rows at a time, each row's numbers in that same order.
//
// Unsafe: `UnsafeMutablePointer` reads and writes at slot indices that the
// lowering (`Lowering.swift`, `CompiledGraph+Compiling.swift`) proved in
// range.

import Foundation

/// What an instruction computes: first the operations, each with its
/// `Operation.Kind`'s raw value (``init(_:)``), then the compiled form's own.
enum Opcode: UInt8 {
  case add, multiply, power, tanh, exp, log, relu, sigmoid
  /// `Σ data[list[a + i]]`, `count` terms.
  case sum
  /// `Σ data[list[a + i]] * data[list[b + i]]`.
  case dot
  /// `Σ data[a + i] * data[list[b + i]]`: a dot whose first vector is a
  /// contiguous run of slots (a neuron's weights). The compiled form's
  /// own opcodes start at 128, so that no operation's kind stands for one.
  case dotRun = 128
  /// Detached (no gradient): the largest of `data[list[a + i]]`, as
  /// `Sequence.max()` finds it.
  case maximum
  /// Detached (no gradient): minus the largest.
  case negatedMaximum
  /// Forward only: the `dotRun`s of a layer, `out` of them, that share
  /// one list `x` (at `b`, `count` long), computed four at a time; the
  /// list at `a` holds each one's weights' first slot and its output slot.
  /// Each sum is still its own, from 0.0 in order: interleaving them only
  /// lets the additions of different nodes overlap.
  case dotGroup
  /// Backward only, in place of the first (in topological order) of a
  /// layer's `dotRun`s: all of them, last first, as the eager engine runs
  /// them (the lowering checked that no node between them touches what
  /// they write). `out`, `a`, `b`, `count` as for `dotGroup`, the table
  /// last node first.
  case dotGroupBackward
  /// Backward only: a node that a `dotGroupBackward` runs.
  case none

  /// The opcode of an operation of `kind`: the one with its raw value
  /// (a test checks that each has the kind's name). A kind with no opcode
  /// stops here, at compile time, as it must have one.
  init(_ kind: Operation.Kind) {
    guard let opcode = Opcode(rawValue: kind.rawValue) else {
      preconditionFailure("compiled form: no opcode for the operation \(kind)")
    }
    self = opcode
  }
}

/// One operation of a compiled program: it writes slot `out` from the
/// slots `a` and `b`, or from `count` entries of the operand list
/// starting at `a` (and `b` for the second vector of a dot).
struct Instruction {
  var op: Opcode
  var out: Int32
  var a: Int32
  var b: Int32 = 0
  var count: Int32 = 0
  /// The exponent of `power`.
  var exponent: Double = 0
}

extension Instruction {
  /// A `dotGroup`'s or `dotGroupBackward`'s fields by what they hold: how
  /// many dot nodes (`out`), their table in the lists (`a`: each one's
  /// weights' first slot, then its output slot), the list `x` they share
  /// (`b`) and its length (`count`).
  @inline(__always) var group: (members: Int, table: Int, x: Int, n: Int) { (Int(out), Int(a), Int(b), Int(count)) }
}

/// The buffers a program runs on.
struct ProgramBuffers {
  let data: UnsafeMutablePointer<Double>
  let grad: UnsafeMutablePointer<Double>
  let lists: UnsafeMutablePointer<Int32>
  /// Room for two copies of the longest shared list of a layer.
  let scratch: UnsafeMutablePointer<Double>
  /// One mark per slot, and after them the current mark: finds a slot
  /// that a shared list holds twice.
  let marks: UnsafeMutablePointer<UInt32>
  let slotCount: Int
}

extension ProgramBuffers {
  /// Computes the instruction's output from its operands' data.
  @inline(__always)
  func forward(_ ins: Instruction) {
    let d = data
    let list = lists
    let a = Int(ins.a)
    let out = Int(ins.out)
    switch ins.op {
    case .add: d[out] = Add.forward(d[a], d[Int(ins.b)])
    case .multiply: d[out] = Multiply.forward(d[a], d[Int(ins.b)])
    case .power: d[out] = Power.forward(d[a], ins.exponent)
    case .tanh: d[out] = Tanh.forward(d[a])
    case .exp: d[out] = Exp.forward(d[a])
    case .log: d[out] = Log.forward(d[a])
    case .relu: d[out] = ReLU.forward(d[a])
    case .sigmoid: d[out] = Sigmoid.forward(d[a])
    case .sum:
      var total = 0.0
      for i in a..<a + Int(ins.count) { total = Sum.forward(total, adding: d[Int(list[i])]) }
      d[out] = total
    case .dot:
      let b = Int(ins.b)
      var total = 0.0
      for i in 0..<Int(ins.count) {
        total = Dot.forward(total, adding: d[Int(list[a + i])], times: d[Int(list[b + i])])
      }
      d[out] = total
    case .dotRun:
      let b = Int(ins.b)
      var total = 0.0
      for i in 0..<Int(ins.count) { total = Dot.forward(total, adding: d[a + i], times: d[Int(list[b + i])]) }
      d[out] = total
    case .dotGroup:
      forwardGroup(ins)
    case .dotGroupBackward, .none:
      return  // backward only
    case .maximum, .negatedMaximum:
      var m = d[Int(list[a])]
      for i in a + 1..<a + Int(ins.count) {
        let x = d[Int(list[i])]
        if m < x { m = x }
      }
      d[out] = ins.op == .maximum ? m : -m
    }
  }

  /// The chain rule at the instruction's node: adds each local derivative
  /// times the node's gradient to its operand's gradient.
  @inline(__always)
  func backward(_ ins: Instruction) {
    let d = data
    let gr = grad
    let list = lists
    let a = Int(ins.a)
    let out = Int(ins.out)
    let g = gr[out]
    switch ins.op {
    case .add:
      let b = Int(ins.b)
      gr[a] += Add.derivative * g
      gr[b] += Add.derivative * g
    case .multiply:
      let b = Int(ins.b)
      let dl = Multiply.derivative(other: d[b])
      let dr = Multiply.derivative(other: d[a])
      gr[a] += dl * g
      gr[b] += dr * g
    case .power: gr[a] += Power.derivative(d[a], exponent: ins.exponent) * g
    case .tanh: gr[a] += Tanh.derivative(output: d[out]) * g
    case .exp: gr[a] += Exp.derivative(output: d[out]) * g
    case .log: gr[a] += Log.derivative(d[a]) * g
    case .relu: gr[a] += ReLU.derivative(output: d[out]) * g
    case .sigmoid: gr[a] += Sigmoid.derivative(output: d[out]) * g
    case .sum:
      for i in a..<a + Int(ins.count) { gr[Int(list[i])] += Sum.derivative * g }
    case .dot:
      let b = Int(ins.b)
      for i in 0..<Int(ins.count) {
        let ai = Int(list[a + i])
        let bi = Int(list[b + i])
        gr[ai] += Dot.derivative(partner: d[bi]) * g
        gr[bi] += Dot.derivative(partner: d[ai]) * g
      }
    case .dotRun:
      let b = Int(ins.b)
      for i in 0..<Int(ins.count) {
        let bi = Int(list[b + i])
        gr[a + i] += Dot.derivative(partner: d[bi]) * g
        gr[bi] += Dot.derivative(partner: d[a + i]) * g
      }
    case .dotGroupBackward:
      backwardGroup(ins)
    case .maximum, .negatedMaximum, .dotGroup, .none:
      return  // detached: no gradient flows through; a group's nodes run with its first
    }
  }

  /// The backward of a layer's dot nodes, last first. Each weight gets
  /// one term (weights and `x` share no slot, the lowering checked), and
  /// each slot of `x` the rows' terms in the eager order.
  ///
  /// When `x` holds no slot twice, its gradients are summed in scratch,
  /// four rows at a time over four numbers at a time: each number still
  /// gets its terms row after row. With a slot twice, the eager order
  /// interleaves its two positions, so `x`'s gradients are added one by
  /// one, in that order (the weights' still four at a time).
  @inline(__always)
  func backwardGroup(_ ins: Instruction) {
    let d = data
    let gr = grad
    let list = lists
    let (members, table, x, n) = ins.group
    let xd = scratch
    let xg = scratch + n
    for i in 0..<n { xd[i] = d[Int(list[x + i])] }
    func weights(_ m: Int) -> Int { Int(list[table + 2 * m]) }
    func gradient(_ m: Int) -> Double { gr[Int(list[table + 2 * m + 1])] }
    // The weights' gradients: one term each.
    for m in 0..<members {
      let wg = gr + weights(m)
      let g = gradient(m)
      let g4 = SIMD4<Double>(repeating: g)
      var i = 0
      while i + 4 <= n {
        let p = UnsafeMutableRawPointer(wg + i)
        p.storeBytes(
          of: p.loadUnaligned(as: SIMD4<Double>.self) + UnsafeRawPointer(xd + i).loadUnaligned(as: SIMD4<Double>.self)
            * g4,
          as: SIMD4<Double>.self)
        i += 4
      }
      while i < n {
        wg[i] += xd[i] * g
        i += 1
      }
    }
    guard isDistinct(x, n) else {
      for m in 0..<members {
        let wd = d + weights(m)
        let g = gradient(m)
        for i in 0..<n { gr[Int(list[x + i])] += wd[i] * g }
      }
      return
    }
    for i in 0..<n { xg[i] = gr[Int(list[x + i])] }
    var m = 0
    while m + 4 <= members {
      let w0 = d + weights(m)
      let w1 = d + weights(m + 1)
      let w2 = d + weights(m + 2)
      let w3 = d + weights(m + 3)
      let g0 = gradient(m)
      let g1 = gradient(m + 1)
      let g2 = gradient(m + 2)
      let g3 = gradient(m + 3)
      let (v0, v1, v2, v3) = (
        SIMD4<Double>(repeating: g0), SIMD4<Double>(repeating: g1), SIMD4<Double>(repeating: g2),
        SIMD4<Double>(repeating: g3)
      )
      var i = 0
      while i + 4 <= n {
        let p = UnsafeMutableRawPointer(xg + i)
        var acc = p.loadUnaligned(as: SIMD4<Double>.self)
        acc += UnsafeRawPointer(w0 + i).loadUnaligned(as: SIMD4<Double>.self) * v0
        acc += UnsafeRawPointer(w1 + i).loadUnaligned(as: SIMD4<Double>.self) * v1
        acc += UnsafeRawPointer(w2 + i).loadUnaligned(as: SIMD4<Double>.self) * v2
        acc += UnsafeRawPointer(w3 + i).loadUnaligned(as: SIMD4<Double>.self) * v3
        p.storeBytes(of: acc, as: SIMD4<Double>.self)
        i += 4
      }
      while i < n {
        var acc = xg[i]
        acc += w0[i] * g0
        acc += w1[i] * g1
        acc += w2[i] * g2
        acc += w3[i] * g3
        xg[i] = acc
        i += 1
      }
      m += 4
    }
    while m < members {
      let wd = d + weights(m)
      let g = gradient(m)
      for i in 0..<n { xg[i] += wd[i] * g }
      m += 1
    }
    for i in 0..<n { gr[Int(list[x + i])] = xg[i] }
  }

  /// Whether the `n` slots of the list at `x` are all different.
  @inline(__always)
  func isDistinct(_ x: Int, _ n: Int) -> Bool {
    var mark = marks[slotCount] &+ 1
    if mark == 0 {  // wrapped: start the marks again
      marks.update(repeating: 0, count: slotCount)
      mark = 1
    }
    marks[slotCount] = mark
    for i in 0..<n {
      let slot = Int(lists[x + i])
      if marks[slot] == mark { return false }
      marks[slot] = mark
    }
    return true
  }

  /// The forward of a `dotGroup`: four dot products at a time over the
  /// shared `x`, each summed from 0.0 in order, exactly as alone.
  @inline(__always)
  func forwardGroup(_ ins: Instruction) {
    let d = data
    let list = lists
    let (members, table, x, n) = ins.group
    var m = 0
    while m + 4 <= members {
      let w0 = Int(list[table + 2 * m])
      let w1 = Int(list[table + 2 * m + 2])
      let w2 = Int(list[table + 2 * m + 4])
      let w3 = Int(list[table + 2 * m + 6])
      var t0 = 0.0
      var t1 = 0.0
      var t2 = 0.0
      var t3 = 0.0
      for i in 0..<n {
        let xi = d[Int(list[x + i])]
        t0 += d[w0 + i] * xi
        t1 += d[w1 + i] * xi
        t2 += d[w2 + i] * xi
        t3 += d[w3 + i] * xi
      }
      d[Int(list[table + 2 * m + 1])] = t0
      d[Int(list[table + 2 * m + 3])] = t1
      d[Int(list[table + 2 * m + 5])] = t2
      d[Int(list[table + 2 * m + 7])] = t3
      m += 4
    }
    while m < members {
      let w = Int(list[table + 2 * m])
      var total = 0.0
      for i in 0..<n { total += d[w + i] * d[Int(list[x + i])] }
      d[Int(list[table + 2 * m + 1])] = total
      m += 1
    }
  }
}
