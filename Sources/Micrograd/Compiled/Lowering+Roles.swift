// Lowering, the roles: each leaf's role (parameter, input, gather,
// detached), and the checks that every role names a usable value.

extension Lowering {
  /// Gives each declared value its role: a leaf, declared once, and no
  /// gather or detached leaf empty.
  mutating func assignRoles() throws(CompiledGraphError) {
    func assign(_ value: Value, _ role: Role, _ name: String, _ index: Int) throws(CompiledGraphError) {
      guard value.isLeaf else { throw .notALeafOfTheGraph(role: name, index: index) }
      guard roles.updateValue(role, forKey: ObjectIdentifier(value)) == nil else {
        throw .declaredTwice(role: name, index: index)
      }
    }
    for (i, value) in parameters.enumerated() { try assign(value, .parameter(i), "parameters", i) }
    for (i, value) in inputs.enumerated() { try assign(value, .input(i), "inputs", i) }
    for (g, gather) in gathers.enumerated() {
      try assign(gather.placeholder, .gather(g), "gathers", g)
      guard !gather.candidates.isEmpty else { throw .empty(role: "gathers", index: g) }
    }
    for (i, d) in detached.enumerated() {
      try assign(d.leaf, .detached(i), "detached", i)
      guard !d.operands.isEmpty else { throw .empty(role: "detached", index: i) }
    }
  }

  /// Checks the roles against the graph's order: inputs, gathers and
  /// detached leaves in it, candidates and operands usable, computed
  /// candidates ordered before every use of their gather.
  func checkRoles(order: [Value], position: [ObjectIdentifier: Int32], watermark: [Int]) throws(CompiledGraphError) {
    func inGraph(_ value: Value) -> Bool { position[ObjectIdentifier(value)] != nil }
    func available(_ value: Value) -> Bool {
      if inGraph(value) { return true }
      if case .parameter? = roles[ObjectIdentifier(value)] { return true }
      return false
    }
    for (i, value) in inputs.enumerated() where !inGraph(value) {
      throw .notALeafOfTheGraph(role: "inputs", index: i)
    }
    for (g, gather) in gathers.enumerated() {
      guard inGraph(gather.placeholder) else { throw .notALeafOfTheGraph(role: "gathers", index: g) }
      for (c, candidate) in gather.candidates.enumerated() {
        guard available(candidate) else { throw .notInTheGraph(role: "gathers[\(g)].candidates", index: c) }
        if case .gather? = roles[ObjectIdentifier(candidate)] {
          throw .notInTheGraph(role: "gathers[\(g)].candidates", index: c)
        }
        // A computed candidate must already be in the order wherever the
        // placeholder is used, or the eager walk would visit it there.
        if candidate.isComputed, Int(position[ObjectIdentifier(candidate)]!) >= watermark[g] {
          throw .candidateTooLate(gather: g, candidate: c)
        }
      }
    }
    for (i, d) in detached.enumerated() {
      guard inGraph(d.leaf) else { throw .notALeafOfTheGraph(role: "detached", index: i) }
      for (j, operand) in d.operands.enumerated() where !available(operand) {
        throw .notInTheGraph(role: "detached[\(i)].operands", index: j)
      }
    }
  }
}
