import TestSupport
import Testing

@testable import Micrograd

/// Micrograd's, not Foundation's (`Operation` of OperationQueue on Linux).
typealias Operation = Micrograd.Operation

/// Every operation has all its rules (`Engine/Operations/`): a forward,
/// local derivatives that agree with central differences of that forward,
/// the text the explorer writes, the rule in words, and a compiled form
/// that computes the same bits as the eager engine.
///
/// `Operation.Kind.allCases` lists every operation, and `examples(_:)`
/// switches over it without a default: a new operation does not compile
/// until it has examples here, and then fails until it has every rule.
@Suite("Operation rules")
struct OperationRulesTests {
  /// A way to make a node of one operation from leaves, and points where
  /// the operation is differentiable.
  struct Example: Sendable {
    let points: [[Double]]
    let make: @Sendable ([Value]) -> Value
  }

  /// Examples of each operation: the points avoid kinks (relu at 0) and
  /// the edges of the domain (log at 0).
  static func examples(_ kind: Operation.Kind) -> [Example] {
    switch kind {
    case .add: [Example(points: [[2, -3], [0, 0], [1e6, -4e5]]) { $0[0] + $0[1] }]
    case .multiply:
      [
        Example(points: [[2, -3], [0, 0], [1e3, -4e2]]) { $0[0] * $0[1] },
        Example(points: [[-3], [0.5]]) { $0[0] * $0[0] },
      ]
    case .power:
      [
        Example(points: [[-3], [0], [1e3]]) { $0[0] ** 2 },
        Example(points: [[-3], [50]]) { $0[0] ** 3 },
        Example(points: [[-3], [0.25]]) { $0[0] ** -1 },
        Example(points: [[0.25], [3], [1e6]]) { $0[0] ** 0.5 },
        Example(points: [[0], [-2], [7]]) { $0[0] ** 0 },
      ]
    case .tanh: [Example(points: [[0], [-0.7], [2.5], [30]]) { $0[0].tanh() }]
    case .exp: [Example(points: [[0], [-3], [50]]) { $0[0].exp() }]
    case .log: [Example(points: [[0.01], [1], [1e6]]) { $0[0].log() }]
    case .relu: [Example(points: [[-3], [0.5], [1e6]]) { $0[0].relu() }]
    case .sigmoid: [Example(points: [[0], [-4], [3], [-40]]) { $0[0].sigmoid() }]
    case .sum:
      [
        Example(points: [[1, -2, 3.5], [0, 0, 0]]) { Value.sumNode($0) },
        Example(points: [[2]]) { Value.sumNode($0) },
      ]
    case .dot:
      [
        Example(points: [[1, -2, 3, 0.5], [0, 0, 0, 0]]) { Value.dot([$0[0], $0[1]], [$0[2], $0[3]]) },
        Example(points: [[-1.5, 2]]) { Value.dot([$0[0], $0[1]], [$0[1], $0[0]]) },
      ]
    }
  }

  @Test("every operation has examples, and its node is that operation", arguments: Operation.Kind.allCases)
  func nodes(_ kind: Operation.Kind) {
    let examples = Self.examples(kind)
    #expect(!examples.isEmpty)
    for example in examples {
      for point in example.points {
        let node = example.make(point.map { Value($0) })
        #expect(node.op?.kind == kind, "\(kind) at \(point) made \(node.op.map(String.init(describing:)) ?? "a leaf")")
      }
    }
  }

  @Test("each local derivative agrees with central differences of the forward", arguments: Operation.Kind.allCases)
  func derivatives(_ kind: Operation.Kind) {
    for example in Self.examples(kind) {
      for point in example.points {
        let leaves = point.map { Value($0) }
        let node = example.make(leaves)
        // The node's own local derivatives (operand by operand), not
        // backward's sums: `a * a` has two, and both must be right.
        for (k, operand) in node.operands.enumerated() {
          let i = leaves.firstIndex { $0 === operand }!
          let h = 1e-6 * max(1, abs(point[i]))
          // Nudging a leaf used twice nudges both uses: the central
          // difference is then the sum of its operands' derivatives.
          let uses = node.operands.indices.filter { node.operands[$0] === operand }
          var up = point
          var down = point
          up[i] += h
          down[i] -= h
          let (fUp, fDown) = (example.make(up.map { Value($0) }).data, example.make(down.map { Value($0) }).data)
          let numeric = (fUp - fDown) / (up[i] - down[i])
          let analytic = uses.map { node.localDerivative(at: $0) }.reduce(0, +)
          let error = abs(analytic - numeric) / max(1, abs(analytic), abs(numeric))
          #expect(error <= 1e-6, "\(kind) at \(point), operand \(k): analytic \(analytic), numeric \(numeric)")
        }
      }
    }
  }

  @Test("each rule is said: its name, forward, derivative and the explorer's text", arguments: Operation.Kind.allCases)
  func text(_ kind: Operation.Kind) {
    let rule = kind.rule
    #expect(rule.name.hasPrefix("the ") && (rule.name.hasSuffix(" rule") || rule.name.hasSuffix(" rules")), "\(rule)")
    #expect(rule.forward.hasPrefix("o = ") && rule.forward.count > 4, "\(rule)")
    #expect(rule.derivative.hasPrefix("do/d") && rule.derivative.contains(" = "), "\(rule)")
    for example in Self.examples(kind) {
      let node = example.make(example.points[0].map { Value($0) })
      let op = node.op!
      #expect(op.rule == rule)
      #expect(!op.description.isEmpty)
      let names = node.operands.indices.map { "x\($0)" }
      for k in node.operands.indices {
        let text = op.localDerivativeText(at: k, output: "out", operands: names)
        // The text reads the numbers the derivative reads: the output's,
        // an operand's, or none for a constant.
        let reads = text.contains("out.data") || names.contains { text.contains("\($0).data") }
        #expect(reads || Double(text) != nil, "\(kind), operand \(k): '\(text)'")
      }
    }
  }

  @Test(
    "the compiled form computes every operation's data and gradients bit for bit",
    arguments: Operation.Kind.allCases)
  func compiled(_ kind: Operation.Kind) throws {
    // Its opcode is its kind's raw value: the same case, by name.
    #expect("\(Opcode(kind))" == "\(kind)")
    for example in Self.examples(kind) {
      for point in example.points {
        let leaves = point.map { Value($0) }
        let root = example.make(leaves)
        let program = try CompiledGraph(root, parameters: leaves)
        program.forward()
        program.backward()
        root.backward()
        #expect(sameBits(root.data, program.data(ofNode: program.nodeCount - 1)), "\(kind) at \(point)")
        #expect(parameterMismatches(leaves, program: program).isEmpty, "\(kind) at \(point)")
      }
    }
  }

  @Test("the functions of one value: each names its operation, and back")
  func functions() {
    let names = Operation.Function.allCases.map(\.name)
    #expect(names == ["tanh", "exp", "log", "relu", "sigmoid"])
    for function in Operation.Function.allCases {
      let node = function(Value(0.5))
      #expect(node.op?.function == function && node.op?.arity == 1)
      #expect(Operation.Function(named: function.name) == function)
    }
    #expect(Operation.Function(named: "ReLU") == nil && Operation.Function(named: "foo") == nil)
    // Every other operation is an operator or a list node.
    let others: [Operation.Kind] = [.add, .multiply, .power, .sum, .dot]
    for kind in Operation.Kind.allCases {
      let example = Self.examples(kind)[0]
      let op = example.make(example.points[0].map { Value($0) }).op!
      #expect((op.function == nil) == others.contains(kind), "\(kind)")
    }
  }
}
