/// Why a graph could not be compiled, or a ``CompiledGraph`` could not do
/// what it was asked: each case says what was wrong and where.
public enum CompiledGraphError: Error, Hashable, Sendable {
  /// A value was given a role (parameter, input, gather, detached leaf)
  /// that needs a leaf of the graph, and it is not one. `role` names the
  /// list, `index` the position in it.
  case notALeafOfTheGraph(role: String, index: Int)
  /// A value was given two roles, or the same role twice.
  case declaredTwice(role: String, index: Int)
  /// A gather's candidate, or a detached leaf's operand, is neither a
  /// parameter nor a node of the graph.
  case notInTheGraph(role: String, index: Int)
  /// A gather's candidate is computed by the graph but not before every
  /// use of the gather, so replacing the gather by it would change the
  /// order the eager engine runs the graph in (or make a cycle).
  case candidateTooLate(gather: Int, candidate: Int)
  /// A detached leaf depends on itself through its operands.
  case detachedCycle(index: Int)
  /// A gather has no candidates, or a detached leaf no operands: `role`
  /// names the list, `index` the position in it.
  case empty(role: String, index: Int)
  /// `setInputs` got `got` numbers for `expected` inputs.
  case wrongInputCount(expected: Int, got: Int)
  /// An index (of an input, gather, candidate, parameter or node) is out
  /// of its range `0..<count`.
  case indexOutOfRange(what: String, index: Int, count: Int)
  /// The parameter `index`'s `Value` was freed, so its numbers cannot be
  /// written back or read.
  case parameterFreed(index: Int)
  /// The program's arrays need more memory than the machine has, or more
  /// nodes, slots, list entries or instructions than its 32-bit indices
  /// address: `bytes` needed (`Int.max` when too many to count),
  /// `available` at most. Memory used while compiling is not counted.
  case tooLarge(nodes: Int, bytes: Int, available: Int)
}

extension CompiledGraphError: CustomStringConvertible {
  /// One line saying what was wrong and where.
  public var description: String {
    switch self {
    case let .notALeafOfTheGraph(role, index):
      "\(role)[\(index)] is not a leaf of the graph being compiled"
    case let .declaredTwice(role, index):
      "\(role)[\(index)] was already given a role (parameter, input, gather or detached leaf)"
    case let .notInTheGraph(role, index):
      "\(role)[\(index)] is neither a parameter nor a node of the graph being compiled"
    case let .candidateTooLate(gather, candidate):
      "candidate \(candidate) of gather \(gather) is computed after a use of the gather, "
        + "which would change the eager engine's order"
    case let .detachedCycle(index):
      "detached leaf \(index) depends on itself through its operands"
    case let .empty(role, index):
      "\(role)[\(index)] is empty: it needs at least one value"
    case let .wrongInputCount(expected, got):
      "the compiled graph has \(expected) inputs, but \(got) numbers were given"
    case let .indexOutOfRange(what, index, count):
      "\(what) \(index) is out of range: there are \(count)"
    case let .parameterFreed(index):
      "parameter \(index)'s Value was freed, so its numbers cannot be written back or read"
    case let .tooLarge(nodes, bytes, available):
      "a compiled graph of \(nodes) nodes needs \(bytes) bytes; at most \(available) can be used"
    }
  }
}
