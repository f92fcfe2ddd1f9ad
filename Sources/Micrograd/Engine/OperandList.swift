/// The operands of a `sum` or `dot` node: a list of values, and for `dot`
/// a link to the second list.
///
/// Lists are objects so that nodes can share them: the nodes that
/// `Value.dot(rows, x)` makes (one per row of a matrix) all multiply the
/// same input vector, and hold that one list.
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

  /// Calls `body` with the values as unretained references: walks over
  /// hundreds of operands then cost no reference counting (the list keeps
  /// them alive meanwhile).
  func withUnretainedValues<R>(_ body: (UnretainedValues) -> R) -> R {
    values.withUnsafeBufferPointer { buffer in
      body(UnretainedValues(base: UnsafeRawPointer(buffer.baseAddress), count: buffer.count))
    }
  }

  /// Every operand: these values, then the next list's.
  var allValues: [Value] { values + (next?.values ?? []) }

  /// How many operands there are in all.
  var totalCount: Int { values.count + (next?.values.count ?? 0) }

  /// Whether freeing this list (and the next) might free a deep graph.
  var mayFreeDeep: Bool { hasComputedValues || next?.hasComputedValues == true }

  /// Moves what this list holds onto the pending stacks of `Value`'s
  /// `deinit`: the computed values (leaves free nothing deep, so they are
  /// left to the list) and the next list.
  func detachValues(into pending: inout [Value], _ pendingLists: inout [OperandList]) {
    if hasComputedValues {
      withUnretainedValues { values in
        for value in values where value._withUnsafeGuaranteedRef({ $0.isComputed }) {
          pending.append(value.takeUnretainedValue())
        }
      }
    }
    if next != nil { pendingLists.append(next.take().unsafelyUnwrapped) }
  }
}

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
