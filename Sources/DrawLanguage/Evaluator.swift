internal import FileOutput
import Micrograd

/// Builds the graph of a program with the engine's operators.
///
/// Numbers combine as numbers (`2 ** 3` is 8, not a node); a value
/// assigned a name gets it as its label; the inputs are labelled leaves.
///
/// ```swift
/// var evaluator = Evaluator(inputs: [("a", 2), ("b", -3)])
/// let root = try evaluator.run(try Parser("q = a + b").program())
/// ```
package struct Evaluator {
  /// A number, or a node of the graph.
  private enum Quantity {
    case number(Double)
    case value(Value)

    var asValue: Value {
      switch self {
      case .number(let x): Value(x)
      case .value(let v): v
      }
    }
  }

  /// Every named value, in order: the inputs as given, then assignments.
  package private(set) var named: [(name: String, value: Value)] = []
  private var scope: [String: Value] = [:]
  /// The inputs in order, and those used so far: the first unused one is
  /// found once, at the end, so that a use costs O(1) however many
  /// inputs there are.
  private let inputOrder: [String]
  private var used: Set<String> = []
  private let inputs: Set<String>

  /// Makes a labelled leaf for each input.
  package init(inputs: [(name: String, value: Double)]) {
    for (name, value) in inputs {
      let leaf = Value(value, label: name)
      named.append((name, leaf))
      scope[name] = leaf
    }
    inputOrder = inputs.map(\.name)
    self.inputs = Set(inputs.map(\.name))
  }

  /// Runs the statements; returns the last one's value, the root.
  ///
  /// - Throws: ``DrawLanguageError``: an unknown name or function, a name
  ///   assigned twice (or given with `--set` and assigned), a second name
  ///   for a node, an exponent that is not a number, or an input the
  ///   program does not use.
  package mutating func run(_ statements: [Statement]) throws -> Value {
    var last: Value?
    for statement in statements {
      let result = try evaluate(statement.expression)
      guard let name = statement.name else {
        last = result.asValue
        continue
      }
      if scope[name] != nil {
        throw DrawLanguageError(
          message: inputs.contains(name)
            ? "'\(Terminal.quoted(name))' is given twice: with --set and assigned here"
            : "'\(Terminal.quoted(name))' is assigned twice",
          column: statement.nameColumn)
      }
      let value: Value
      switch result {
      case .number(let x):
        value = Value(x, label: name)
      case .value(let v) where v.label.isEmpty:
        v.label = name
        value = v
      case .value(let v):
        throw DrawLanguageError(
          message: "'\(Terminal.quoted(name))' would be a second name for '\(Terminal.quoted(v.label))'; "
            + "write \(Terminal.quoted(name)) = \(Terminal.quoted(v.label)) + 0 for a new node",
          column: statement.nameColumn)
      }
      named.append((name, value))
      scope[name] = value
      last = value
    }
    if let unused = inputOrder.first(where: { !used.contains($0) }) {
      throw DrawLanguageError(
        message: "--set \(Terminal.quoted(unused)): the expression does not use '\(Terminal.quoted(unused))'",
        column: nil)
    }
    return last!
  }

  private mutating func evaluate(_ expression: Expression) throws -> Quantity {
    switch expression {
    case .number(let x, _):
      return .number(x)
    case .name(let name, let column):
      guard let value = scope[name] else {
        let shown = Terminal.quoted(name)
        let hint =
          functionNames.contains(name)
          ? " ('\(shown)' is a function: write \(shown)(x))" : "; give it a value with --set \(shown)=NUMBER"
        throw DrawLanguageError(message: "unknown name '\(shown)'\(hint)", column: column)
      }
      if inputs.contains(name) { used.insert(name) }
      return .value(value)
    case .negate(let inner, _):
      switch try evaluate(inner) {
      case .number(let x): return .number(-x)
      case .value(let v): return .value(-v)
      }
    case .chain(let first, let rest, _):
      var result = try evaluate(first)
      for (op, operand) in rest {
        result = apply(op, result, try evaluate(operand))
      }
      return result
    case .power(let base, let exponent, _):
      guard case .number(let k) = try evaluate(exponent) else {
        throw DrawLanguageError(
          message: "the exponent of ** must be a number (micrograd's ** takes a constant)",
          column: exponent.column)
      }
      switch try evaluate(base) {
      case .number(let x): return .number(x ** k)
      case .value(let v): return .value(v ** k)
      }
    case .call(let function, let argument, let column):
      guard let apply = Operation.Function(named: function) else {
        throw DrawLanguageError(
          message:
            "unknown function '\(Terminal.quoted(function))'; the functions are \(functionNames.joined(separator: " "))",
          column: column)
      }
      return .value(apply(try evaluate(argument).asValue))
    }
  }

  /// `+ - * /` on numbers (folded, as Python would) or values, with the
  /// engine's operator for the operands' types (`a - 1.0` is `a + (-1.0)`,
  /// not `a + (1.0 * -1)`).
  private func apply(_ op: Character, _ l: Quantity, _ r: Quantity) -> Quantity {
    switch (l, r) {
    case (.number(let a), .number(let b)): .number(Self.arithmetic(op, a, b, +, -, *, /))
    case (.number(let a), .value(let b)): .value(Self.arithmetic(op, a, b, +, -, *, /))
    case (.value(let a), .number(let b)): .value(Self.arithmetic(op, a, b, +, -, *, /))
    case (.value(let a), .value(let b)): .value(Self.arithmetic(op, a, b, +, -, *, /))
    }
  }

  /// `l op r`, given the four operators for `L` and `R`.
  private static func arithmetic<L, R, Result>(
    _ op: Character, _ l: L, _ r: R, _ add: (L, R) -> Result, _ subtract: (L, R) -> Result,
    _ multiply: (L, R) -> Result, _ divide: (L, R) -> Result
  ) -> Result {
    switch op {
    case "+": add(l, r)
    case "-": subtract(l, r)
    case "*": multiply(l, r)
    default: divide(l, r)
    }
  }
}
