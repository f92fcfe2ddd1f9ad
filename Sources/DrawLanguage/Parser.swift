internal import FileOutput

/// Reads a program of the expression language (see ``Expression``).
///
/// ```swift
/// var parser = try Parser("e = a*b; L = e + c")
/// let statements = try parser.program()
/// ```
package struct Parser {
  private enum Token: Equatable {
    case number(Double)
    case name(String)
    case symbol(String)  // + - * / ** ( ) = ;
    case end
  }

  private var tokens: [(token: Token, column: Int)] = []
  private var position = 0
  /// How deep the recursive descent is: parentheses, unary minus and `**`
  /// nest; kept far from the stack's limit.
  private var depth = 0

  /// The most tokens and the deepest nesting a program may have: the
  /// parser and the evaluator recurse into parentheses, unary minus, `**`
  /// and calls (not along sums and products), so that depth is bounded.
  package static let maximumTokens = 10_000
  package static let maximumDepth = 500

  /// Splits `source` into tokens.
  ///
  /// - Throws: ``DrawLanguageError`` with the column of a character the
  ///   language does not have or of a malformed number; without a column
  ///   when there are more than ``maximumTokens`` tokens.
  package init(_ source: String) throws {
    let characters = Array(source)
    var i = 0
    while i < characters.count {
      let c = characters[i]
      let column = i + 1
      if c == " " || c == "\t" || c == "\n" {
        i += 1
      } else if c.isASCII && (c.isNumber || c == ".") {
        var j = i
        while j < characters.count, characters[j].isASCII,
          characters[j].isNumber || characters[j] == "."
            || ((characters[j] == "e" || characters[j] == "E") && j + 1 < characters.count)
            || ((characters[j] == "+" || characters[j] == "-") && j > i
              && (characters[j - 1] == "e" || characters[j - 1] == "E"))
        {
          j += 1
        }
        let text = String(characters[i..<j])
        guard let value = Double(text) else {
          throw DrawLanguageError(message: "'\(text)' is not a number", column: column)
        }
        tokens.append((.number(value), column))
        i = j
      } else if c.isLetter || c == "_" {
        var j = i
        while j < characters.count, characters[j].isLetter || characters[j].isNumber || characters[j] == "_" {
          j += 1
        }
        tokens.append((.name(String(characters[i..<j])), column))
        i = j
      } else if c == "*" && i + 1 < characters.count && characters[i + 1] == "*" {
        tokens.append((.symbol("**"), column))
        i += 2
      } else if "+-*/()=;".contains(c) {
        tokens.append((.symbol(String(c)), column))
        i += 1
      } else {
        throw DrawLanguageError(message: "unexpected character '\(c)'", column: column)
      }
    }
    guard tokens.count <= Self.maximumTokens else {
      throw DrawLanguageError(
        message: "the expression is too long (more than \(Self.maximumTokens) tokens)", column: nil)
    }
    tokens.append((.end, characters.count + 1))
  }

  /// The program's statements.
  ///
  /// - Throws: ``DrawLanguageError``: a syntax error at its column, an
  ///   expression nested more than ``maximumDepth`` deep, or an empty
  ///   program.
  package mutating func program() throws -> [Statement] {
    var statements: [Statement] = []
    repeat {
      if peek == .end { break }
      statements.append(try statement())
    } while accept(";")
    guard peek == .end else { throw unexpected("';' or the end") }
    guard !statements.isEmpty else { throw DrawLanguageError(message: "the expression is empty", column: nil) }
    return statements
  }

  // MARK: - Grammar

  private mutating func statement() throws -> Statement {
    if case .name(let name) = peek, tokens[position + 1].token == .symbol("=") {
      let column = tokens[position].column
      position += 2
      return Statement(name: name, nameColumn: column, expression: try expression())
    }
    return Statement(name: nil, nameColumn: 0, expression: try expression())
  }

  private mutating func expression() throws -> Expression {
    try chain(of: ["+", "-"]) { try $0.term() }
  }

  private mutating func term() throws -> Expression {
    try chain(of: ["*", "/"]) { try $0.unary() }
  }

  /// `operand (op operand)*` with `op` one of `operators`: one
  /// ``Expression/chain(_:_:column:)``, or the operand alone.
  private mutating func chain(
    of operators: Set<String>, _ operand: (inout Parser) throws -> Expression
  ) throws -> Expression {
    let column = tokens[position].column
    let first = try operand(&self)
    var rest: [(op: Character, operand: Expression)] = []
    while case .symbol(let op) = peek, operators.contains(op) {
      position += 1
      rest.append((Character(op), try operand(&self)))
    }
    return rest.isEmpty ? first : .chain(first, rest, column: column)
  }

  private mutating func unary() throws -> Expression {
    let column = tokens[position].column
    depth += 1
    defer { depth -= 1 }
    guard depth <= Self.maximumDepth else {
      throw DrawLanguageError(
        message: "the expression is nested too deeply (more than \(Self.maximumDepth) levels)", column: column)
    }
    if accept("-") { return .negate(try unary(), column: column) }
    return try power()
  }

  private mutating func power() throws -> Expression {
    let base = try primary()
    let column = tokens[position].column
    if accept("**") { return .power(base, try unary(), column: column) }
    return base
  }

  private mutating func primary() throws -> Expression {
    let (token, column) = tokens[position]
    switch token {
    case .number(let value):
      position += 1
      return .number(value, column: column)
    case .name(let name):
      position += 1
      if accept("(") {
        let argument = try expression()
        guard accept(")") else { throw unexpected("')'") }
        return .call(name, argument, column: column)
      }
      return .name(name, column: column)
    case .symbol("("):
      position += 1
      let inner = try expression()
      guard accept(")") else { throw unexpected("')'") }
      return inner
    default:
      throw unexpected("a number, a name or '('")
    }
  }

  // MARK: - Tokens

  private var peek: Token { tokens[position].token }

  private mutating func accept(_ symbol: String) -> Bool {
    guard peek == .symbol(symbol) else { return false }
    position += 1
    return true
  }

  private func unexpected(_ expected: String) -> DrawLanguageError {
    let (token, column) = tokens[position]
    let found: String
    switch token {
    case .number(let value): found = "the number \(value)"
    case .name(let name): found = "'\(Terminal.quoted(name))'"
    case .symbol(let symbol): found = "'\(symbol)'"
    case .end: found = "the end"
    }
    return DrawLanguageError(message: "syntax error: expected \(expected), found \(found)", column: column)
  }
}
