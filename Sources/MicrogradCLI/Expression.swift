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
indirect enum Expression {
  case number(Double, column: Int)
  case name(String, column: Int)
  case negate(Expression, column: Int)
  /// `first op1 e1 op2 e2 ...`, evaluated from the left.
  case chain(Expression, [(op: Character, operand: Expression)], column: Int)
  case power(Expression, Expression, column: Int)
  case call(String, Expression, column: Int)

  /// Where the expression starts, 1-based.
  var column: Int {
    switch self {
    case .number(_, let c), .name(_, let c), .negate(_, let c), .chain(_, _, let c),
      .power(_, _, let c), .call(_, _, let c):
      c
    }
  }
}

/// One statement: an expression, named when it is an assignment.
struct Statement {
  var name: String?
  var nameColumn: Int
  var expression: Expression
}

/// A mistake in the user's input, with the column it is at when there is one.
struct InputError: Error, CustomStringConvertible {
  var message: String
  var column: Int?

  /// The message alone: what argument parser prints for an error thrown
  /// from `validate()`.
  var description: String { message }
}

/// The functions the language knows, each a `Value` method.
let functionNames = ["tanh", "exp", "log", "relu", "sigmoid"]
