import Micrograd

/// The `draw` command's expression language, parsed into a syntax tree.
///
/// ```
/// program    := statement (";" statement)* ";"?
/// statement  := name "=" expression | expression
/// expression := term (("+" | "-") term)*
/// term       := unary (("*" | "/") unary)*
/// unary      := "-" unary | power
/// power      := primary ("**" unary)?          right-associative, as in Python
/// primary    := number | name | name "(" expression ")" | "(" expression ")"
/// ```
///
/// As in Python, `-b ** 2` is `-(b ** 2)`, and `**` groups to the right.
///
/// A run of `+ -` or of `* /` is one ``chain(_:_:column:)`` node rather
/// than a left-leaning tower of binary nodes, so a long sum is evaluated
/// (and freed) in a loop; only parentheses, unary minus, `**` and calls
/// nest, and the parser bounds how deep.
package indirect enum Expression {
  /// A number as written: `2`, `-` not included, `1e-3`.
  case number(Double, column: Int)
  /// A name: an input given with `--set`, or one assigned before.
  case name(String, column: Int)
  /// `-operand`.
  case negate(Expression, column: Int)
  /// `first op1 e1 op2 e2 ...`, evaluated from the left; the operators
  /// are all `+ -` or all `* /`.
  case chain(Expression, [(op: Character, operand: Expression)], column: Int)
  /// `base ** exponent`; the column is the `**`'s.
  case power(Expression, Expression, column: Int)
  /// `function(argument)`.
  case call(String, Expression, column: Int)

  /// Where the expression starts, 1-based.
  package var column: Int {
    switch self {
    case .number(_, let c), .name(_, let c), .negate(_, let c), .chain(_, _, let c),
      .power(_, _, let c), .call(_, _, let c):
      c
    }
  }
}

extension Expression: CustomStringConvertible {
  /// The tree written out with every operation in parentheses, so that
  /// how the parser grouped is plain: `-b ** 2 + c` is `((-(b ** 2.0)) + c)`.
  package var description: String {
    switch self {
    case .number(let x, _): "\(x)"
    case .name(let name, _): name
    case .negate(let operand, _): "(-\(operand))"
    case .chain(let first, let rest, _): "(\(first)" + rest.map { " \($0.op) \($0.operand)" }.joined() + ")"
    case .power(let base, let exponent, _): "(\(base) ** \(exponent))"
    case .call(let function, let argument, _): "\(function)(\(argument))"
    }
  }
}

/// One statement: an expression, named when it is an assignment.
package struct Statement {
  /// The name it assigns, or `nil` for a bare expression.
  package var name: String?
  /// Where the name is, 1-based (0 without a name).
  package var nameColumn: Int
  /// The expression.
  package var expression: Expression

  /// A statement; `name` and `nameColumn` for an assignment.
  package init(name: String?, nameColumn: Int, expression: Expression) {
    self.name = name
    self.nameColumn = nameColumn
    self.expression = expression
  }
}

/// The functions the language knows: the engine's functions of one value,
/// by their names (`Operation.Function`).
package let functionNames = Operation.Function.allCases.map(\.name)
