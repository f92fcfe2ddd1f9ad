/// A scalar in a computation graph: its data, its gradient, and how it was made.
///
/// `Value` is micrograd's `Value`. Leaves are made by hand; every operation on
/// values makes a new value that remembers the operation (``op``) and its
/// operands, so that ``backward()`` can apply the chain rule from the output
/// back to every leaf.
///
/// ```swift
/// let a = Value(2.0, label: "a")
/// let b = Value(-3.0, label: "b")
/// let c = Value(10.0, label: "c")
/// let e = a * b; e.label = "e"
/// let d = e + c; d.label = "d"
/// let f = Value(-2.0, label: "f")
/// let L = d * f; L.label = "L"
/// L.backward()
/// print(L.data, a.grad, b.grad)  // -8.0 6.0 -4.0
/// ```
///
/// A value is a node: two values are equal only when they are the same
/// object, as in Python. A graph belongs to one task at a time, so `Value`
/// is not `Sendable`.
public final class Value {
  // The stored fields are `@exclusivity(unchecked)`: graph walks touch
  // millions of them, no walk makes overlapping accesses, and the dynamic
  // check would cost more than the arithmetic (Benchmarks/README.md).

  /// The number this node holds.
  @exclusivity(unchecked) public var data: Double

  /// The derivative of the output that ``backward()`` was last called on
  /// with respect to this node; accumulated, so reset it between passes.
  @exclusivity(unchecked) public var grad: Double

  /// A name to show in figures (`"a"`, `"L"`); empty when the value has none.
  public var label: String

  /// The operation that made this value, or `nil` for a leaf.
  public let op: Operation?

  // MARK: Operands
  //
  // micrograd's `_prev`, kept in operand order. One or two operands are
  // stored inline (no array to allocate per node); a `sum` or `dot` node
  // keeps its many in a list. They are `var` only so that `deinit` can take
  // them apart without recursion (`_IterativeDeinit.swift`).

  /// The first operand (`nil` for a leaf).
  @exclusivity(unchecked) var lhs: Value?

  /// The second operand (`nil` for a leaf and for unary operations).
  @exclusivity(unchecked) var rhs: Value?

  /// The operands of a `sum` or `dot` node, which takes any number of them
  /// (`nil` for every other node; `lhs` and `rhs` are then `nil`). See
  /// `_OperandList.swift`.
  @exclusivity(unchecked) var list: OperandList?

  /// Scratch mark for the graph walks of `_UnretainedWalk.swift`; always
  /// `false` between walks.
  @exclusivity(unchecked) var visited = false

  /// Makes a leaf: a value given by hand, such as an input or a weight.
  ///
  /// - Parameters:
  ///   - data: The number.
  ///   - label: A name to show in figures.
  public init(_ data: Double, label: String = "") {
    self.data = data
    self.grad = 0
    self.label = label
    self.op = nil
  }

  /// Makes the result of an operation on one or two operands.
  init(_ data: Double, op: Operation, _ lhs: Value, _ rhs: Value? = nil) {
    self.data = data
    self.grad = 0
    self.label = ""
    self.op = op
    self.lhs = lhs
    self.rhs = rhs
  }

  /// Makes the result of an operation on a list of operands (`sum`, `dot`).
  init(_ data: Double, op: Operation, list: OperandList) {
    self.data = data
    self.grad = 0
    self.label = ""
    self.op = op
    self.list = list
  }

  /// The values this one was computed from, in operand order.
  ///
  /// Empty for a leaf, one value for a unary operation, two for a binary one,
  /// the summands of a `sum`, and for a `dot` the `a`s then the `b`s.
  /// `a * a` has two operands, both `a`.
  public var operands: [Value] {
    if let list { return list.allValues }
    switch (lhs, rhs) {
    case let (l?, r?): return [l, r]
    case let (l?, nil): return [l]
    default: return []
    }
  }

  /// How many operands this value has (``operands``' count, without
  /// making the array).
  public var operandCount: Int {
    if let list { return list.totalCount }
    return lhs == nil ? 0 : rhs == nil ? 1 : 2
  }

  /// Whether this value was computed from others (has operands to free).
  var isComputed: Bool { lhs != nil || list != nil }

  /// Whether this value is a leaf (made by hand, not by an operation).
  public var isLeaf: Bool { op == nil }

  /// Frees the graph below this node without recursion: releasing a node
  /// releases its operands, whose `deinit` would release theirs, and a
  /// chain of a million operations would overflow the stack. How it is
  /// avoided is in `_IterativeDeinit.swift`.
  deinit {
    freeOperandsIteratively()
  }
}

// MARK: - Identity

extension Value: Hashable {
  /// Two values are equal only when they are the same node.
  public static func == (lhs: Value, rhs: Value) -> Bool { lhs === rhs }

  /// Hashes the node's identity, not its data.
  public func hash(into hasher: inout Hasher) {
    hasher.combine(ObjectIdentifier(self))
  }
}

// MARK: - Printing

extension Value: CustomStringConvertible {
  /// `Value(data=2.0, grad=0.0)` as micrograd prints it, with the label
  /// first when there is one: `a: Value(data=2.0, grad=0.0)`.
  public var description: String {
    let body = "Value(data=\(data), grad=\(grad))"
    return label.isEmpty ? body : "\(label): \(body)"
  }
}
