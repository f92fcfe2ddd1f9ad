import Micrograd

/// The same number, bit for bit (any NaN matches any NaN).
public func sameBits(_ a: Double, _ b: Double) -> Bool {
  a.bitPattern == b.bitPattern || (a.isNaN && b.isNaN)
}

/// Where a compiled program's nodes differ from an eager graph's, after
/// both ran forward and backward: every computed node of `traced` (the
/// graph `program` was compiled from) against the computed node of `eager`
/// in the same place of the topological order, its operation, data and
/// gradient bit for bit.
///
/// `eager` is the same computation built with the numbers themselves
/// where `traced` has gathers and detached leaves: the two differ only in
/// their leaves, so their computed nodes pair up in order. A difference in
/// how many there are is reported first.
public func computedNodeMismatches(eager: Value, traced: Value, program: CompiledGraph) -> [String] {
  let tracedOrder = traced.topologicalOrder()
  let tracedComputed = tracedOrder.indices.filter { tracedOrder[$0].op != nil }
  let eagerComputed = eager.topologicalOrder().filter { $0.op != nil }
  guard tracedOrder.count == program.nodeCount, tracedComputed.count == eagerComputed.count else {
    return ["\(tracedComputed.count) computed nodes traced, \(eagerComputed.count) eager"]
  }
  var mismatches: [String] = []
  for (k, node) in zip(tracedComputed, eagerComputed) {
    let sameOp = tracedOrder[k].op == node.op
    if !sameOp || !sameBits(node.data, program.data(ofNode: k)) || !sameBits(node.grad, program.grad(ofNode: k)) {
      mismatches.append(
        "node \(k) (\(node.op.map(String.init(describing:)) ?? "leaf")): eager \(node.data), \(node.grad); "
          + "compiled \(program.data(ofNode: k)), \(program.grad(ofNode: k))")
    }
  }
  return mismatches
}

/// Where a program's parameters differ from `values`, taken in the same
/// order: data and gradient bit for bit.
public func parameterMismatches(_ values: [Value], program: CompiledGraph) -> [String] {
  guard values.count == program.parameterCount else {
    return ["\(values.count) values for \(program.parameterCount) parameters"]
  }
  return values.indices.compactMap { i in
    sameBits(values[i].data, program.parameterData(i)) && sameBits(values[i].grad, program.parameterGrad(i))
      ? nil
      : "parameter \(i): eager \(values[i].data), \(values[i].grad); "
        + "compiled \(program.parameterData(i)), \(program.parameterGrad(i))"
  }
}
