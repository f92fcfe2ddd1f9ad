// Fast-path internals: freeing a graph without recursion.
//
// What: `Value`'s `deinit` calls `freeOperandsIteratively()`, which takes
// the dying graph apart on an explicit stack.
//
// Why: releasing a node releases its operands, whose `deinit` releases
// theirs, and so on; a chain of a million operations would overflow the
// stack (a task's stack first). So a dying node's operands are moved onto
// a heap array instead, and each one that nothing else holds has its own
// operands moved out before it is released, so that its release frees
// nothing deep. Nodes and operand lists that something else still holds
// are simply released and live on.
//
// Unsafe: `unsafelyUnwrapped` moves a field out after checking it is not
// nil, with no second check or retain; `OperandList.detachValues` reads
// the list unretained (`_OperandList.swift`). Nothing here is needed to
// follow what a `Value` is or how `backward()` works.

extension Value {
  /// Takes the graph below this node apart without recursion; called by
  /// `deinit` only.
  ///
  /// Inlined into `deinit`, so that the common case (operands that are
  /// leaves, which free nothing deep) costs no call.
  @inline(__always)
  func freeOperandsIteratively() {
    guard lhs?.isComputed == true || rhs?.isComputed == true || list?.mayFreeDeep == true else { return }
    takeApartOnStack()
  }

  /// The loop of `freeOperandsIteratively()`.
  private func takeApartOnStack() {
    var pending: [Value] = []
    var pendingLists: [OperandList] = []
    Value.detachOperands(of: self, into: &pending, &pendingLists)
    while true {
      if var node = pending.popLast() {
        if isKnownUniquelyReferenced(&node) {
          Value.detachOperands(of: node, into: &pending, &pendingLists)
        }
        // `node` is released here with its operands already detached, or
        // it lives on because something else holds it.
      } else if var list = pendingLists.popLast() {
        if isKnownUniquelyReferenced(&list) {
          list.detachValues(into: &pending, &pendingLists)
        }
        // The same for a list of operands: its values that were computed
        // are on `pending` now, so releasing the list frees nothing deep.
      } else {
        break
      }
    }
  }

  /// Moves a node's operands out of it onto `pending` (and its operand
  /// list onto `pendingLists`).
  private static func detachOperands(
    of node: Value, into pending: inout [Value], _ pendingLists: inout [OperandList]
  ) {
    // Checked first, so that the move out of the field needs no retain.
    if node.lhs != nil { pending.append(node.lhs.take().unsafelyUnwrapped) }
    if node.rhs != nil { pending.append(node.rhs.take().unsafelyUnwrapped) }
    if node.list != nil { pendingLists.append(node.list.take().unsafelyUnwrapped) }
  }
}

extension OperandList {
  /// Moves what this list holds onto the pending stacks of
  /// `freeOperandsIteratively()`: the computed values (leaves free nothing
  /// deep, so they are left to the list) and the next list.
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
