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
// for the same operation: the same Foundation functions, the same
// derivative formulas (`Value+Arithmetic.swift`, `Value+Activations.swift`,
// `Value+SumAndDot.swift`), sums and dot products from 0.0 left to right,
// both local derivatives of a binary operation before either update, and
// a dot's gradients pair by pair. Change one side, change the other.
//
// Unsafe: `UnsafeMutablePointer` reads and writes at slot indices that the
// lowering (`CompiledGraph+Lowering.swift`) proved in range.

import Foundation

/// What an instruction computes.
enum Opcode: UInt8 {
  case add, multiply, power, tanh, exp, log, relu, sigmoid
  /// `Σ data[list[a + i]]`, `count` terms.
  case sum
  /// `Σ data[list[a + i]] * data[list[b + i]]`.
  case dot
  /// `Σ data[a + i] * data[list[b + i]]`: a dot whose first vector is a
  /// contiguous run of slots (a neuron's weights).
  case dotRun
  /// Detached (no gradient): the largest of `data[list[a + i]]`, as
  /// `Sequence.max()` finds it.
  case maximum
  /// Detached (no gradient): minus the largest.
  case negatedMaximum
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

/// The buffers a program runs on.
struct ProgramBuffers {
  let data: UnsafeMutablePointer<Double>
  let grad: UnsafeMutablePointer<Double>
  let lists: UnsafeMutablePointer<Int32>
}

extension ProgramBuffers {
  /// Computes the instruction's output from its operands' data.
  @inline(__always)
  func forward(_ ins: Instruction) {
    let d = data, list = lists
    let a = Int(ins.a), out = Int(ins.out)
    switch ins.op {
    case .add: d[out] = d[a] + d[Int(ins.b)]
    case .multiply: d[out] = d[a] * d[Int(ins.b)]
    case .power: d[out] = Foundation.pow(d[a], ins.exponent)
    case .tanh: d[out] = Foundation.tanh(d[a])
    case .exp: d[out] = Foundation.exp(d[a])
    case .log: d[out] = Foundation.log(d[a])
    case .relu:
      let x = d[a]
      d[out] = x < 0 ? 0 : x
    case .sigmoid:
      let x = d[a]
      if x >= 0 {
        d[out] = 1 / (1 + Foundation.exp(-x))
      } else {
        let e = Foundation.exp(x)
        d[out] = e / (1 + e)
      }
    case .sum:
      var total = 0.0
      for i in a..<a + Int(ins.count) { total += d[Int(list[i])] }
      d[out] = total
    case .dot:
      let b = Int(ins.b)
      var total = 0.0
      for i in 0..<Int(ins.count) { total += d[Int(list[a + i])] * d[Int(list[b + i])] }
      d[out] = total
    case .dotRun:
      let b = Int(ins.b)
      var total = 0.0
      for i in 0..<Int(ins.count) { total += d[a + i] * d[Int(list[b + i])] }
      d[out] = total
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
    let d = data, gr = grad, list = lists
    let a = Int(ins.a), out = Int(ins.out)
    let g = gr[out]
    switch ins.op {
    case .add:
      let b = Int(ins.b)
      gr[a] += 1 * g
      gr[b] += 1 * g
    case .multiply:
      let b = Int(ins.b)
      let dl = d[b], dr = d[a]
      gr[a] += dl * g
      gr[b] += dr * g
    case .power:
      let n = ins.exponent
      let dl = n == 0 ? 0 : n * Foundation.pow(d[a], n - 1)
      gr[a] += dl * g
    case .tanh:
      let y = d[out]
      gr[a] += (1 - y * y) * g
    case .exp: gr[a] += d[out] * g
    case .log: gr[a] += (1 / d[a]) * g
    case .relu: gr[a] += (d[out] > 0 ? 1 : 0) * g
    case .sigmoid:
      let s = d[out]
      gr[a] += s * (1 - s) * g
    case .sum:
      for i in a..<a + Int(ins.count) { gr[Int(list[i])] += g }
    case .dot:
      let b = Int(ins.b)
      for i in 0..<Int(ins.count) {
        let ai = Int(list[a + i]), bi = Int(list[b + i])
        gr[ai] += d[bi] * g
        gr[bi] += d[ai] * g
      }
    case .dotRun:
      let b = Int(ins.b)
      for i in 0..<Int(ins.count) {
        let bi = Int(list[b + i])
        gr[a + i] += d[bi] * g
        gr[bi] += d[a + i] * g
      }
    case .maximum, .negatedMaximum:
      return  // detached: no gradient flows through
    }
  }
}
