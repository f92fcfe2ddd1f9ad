// Fast-path internals: the operands of `sum` and `dot` nodes.
//
// What: `OperandList`, the list a `sum` or `dot` node keeps its operands
// in, and the loops over it: the forward sums (`dataSum`, `dataDot`) and
// the chain rule at such a node (`addGradients`).
//
// Why: one of these nodes can have hundreds of operands (a neuron's
// `w · x` in makemore's MLP), and a plain `for value in values` retains
// and releases every value it touches, which `perf` showed costing more
// than the arithmetic. So the loops read the array's elements as
// unretained references (`UnretainedValues`): valid because the list
// holds the values for as long as the loop runs.
//
// Lists are objects so that nodes can share them: the nodes that
// `Value.dot(rows, x)` makes, one per row, all hold the same list of `x`.
//
// Unsafe: `withUnsafeBufferPointer`, raw loads as `Unmanaged<Value>`,
// `_withUnsafeGuaranteedRef`, `unsafelyUnwrapped`. The rules these loops
// apply, one operand at a time, are `Sum`'s and `Dot`'s, in
// `Operations/Sum.swift` and `Operations/Dot.swift`.

/// The operands of a `sum` or `dot` node: a list of values, and for `dot`
/// a link to the second list.
final class OperandList {
  /// The operands, in order.
  let values: [Value]
  /// Whether any operand was computed from others; when none was, freeing
  /// the list cannot free anything deep.
  let hasComputedValues: Bool
  /// The second list of a `dot` (`nil` for a `sum`, and for the second
  /// list itself). `var` only so that `Value`'s `deinit` can take it.
  @exclusivity(unchecked) var next: OperandList?

  init(_ values: [Value], next: OperandList? = nil) {
    self.values = values
    self.hasComputedValues = values.withUnsafeBufferPointer { buffer in
      UnretainedValues(base: UnsafeRawPointer(buffer.baseAddress), count: buffer.count)
        .contains { $0._withUnsafeGuaranteedRef { $0.isComputed } }
    }
    self.next = next
  }

  /// Every operand: these values, then the next list's.
  var allValues: [Value] { values + (next?.values ?? []) }

  /// How many operands there are in all.
  var totalCount: Int { values.count + (next?.values.count ?? 0) }

  /// Whether freeing this list (and the next) might free a deep graph.
  var mayFreeDeep: Bool { hasComputedValues || next?.hasComputedValues == true }

  /// Calls `body` with the values as unretained references: walks over
  /// hundreds of operands then cost no reference counting (the list keeps
  /// them alive meanwhile).
  func withUnretainedValues<R>(_ body: (UnretainedValues) -> R) -> R {
    values.withUnsafeBufferPointer { buffer in
      body(UnretainedValues(base: UnsafeRawPointer(buffer.baseAddress), count: buffer.count))
    }
  }
}

// MARK: - The loops of sum and dot nodes

extension OperandList {
  /// `a₀ + a₁ + ... + aₙ₋₁` over the values' data: a `sum` node's forward.
  var dataSum: Double {
    withUnretainedValues { values in
      var total = 0.0
      for value in values { total = Sum.forward(total, adding: value._withUnsafeGuaranteedRef { $0.data }) }
      return total
    }
  }

  /// `a₀·b₀ + a₁·b₁ + ... + aₙ₋₁·bₙ₋₁` over the data of these values (the
  /// `a`s) and of `other`'s (the `b`s): a `dot` node's forward.
  func dataDot(_ other: OperandList) -> Double {
    withUnretainedValues { a in
      other.withUnretainedValues { b in
        var total = 0.0
        for i in 0..<a.count {
          total = Dot.forward(
            total, adding: a[i]._withUnsafeGuaranteedRef { $0.data }, times: b[i]._withUnsafeGuaranteedRef { $0.data })
        }
        return total
      }
    }
  }

  /// The chain rule at the node that holds this list, whose gradient is
  /// `g`: for a `sum` (no next list) every operand gets `g`; for a `dot`,
  /// `aᵢ` gets `bᵢ · g` and `bᵢ` gets `aᵢ · g`, pair by pair.
  func addGradients(_ g: Double) {
    withUnretainedValues { a in
      guard let second = next else {
        for value in a { value._withUnsafeGuaranteedRef { $0.grad += Sum.derivative * g } }
        return
      }
      second.withUnretainedValues { b in
        for i in 0..<a.count {
          let (ai, bi) = (a[i], b[i])
          ai._withUnsafeGuaranteedRef { a in
            bi._withUnsafeGuaranteedRef { b in
              a.grad += Dot.derivative(partner: b.data) * g
              b.grad += Dot.derivative(partner: a.data) * g
            }
          }
        }
      }
    }
  }
}

// MARK: - Unretained elements

/// An array of values read as unretained references, without rebinding its
/// memory: each element is loaded from the raw bytes as an `Unmanaged`
/// (a strong reference and an `Unmanaged` are both one pointer), which is
/// valid while the array is alive and unchanged.
struct UnretainedValues: RandomAccessCollection {
  let base: UnsafeRawPointer?
  let count: Int

  var startIndex: Int { 0 }
  var endIndex: Int { count }

  subscript(index: Int) -> Unmanaged<Value> {
    base.unsafelyUnwrapped.load(fromByteOffset: index * MemoryLayout<Value>.stride, as: Unmanaged<Value>.self)
  }
}
