import DrawLanguage
import Testing

/// The parser: how it groups, where it says things are, and its errors.
@Suite struct ParserTests {
  /// The statements of `source`.
  func parse(_ source: String) throws -> [Statement] {
    var parser = try Parser(source)
    return try parser.program()
  }

  /// The one expression of `source`, written out with every operation in
  /// parentheses.
  func tree(_ source: String) throws -> String {
    let statements = try parse(source)
    try #require(statements.count == 1)
    return statements[0].expression.description
  }

  /// The error parsing `source` gives, or `nil` when it parses.
  func error(_ source: String) -> DrawLanguageError? {
    do {
      _ = try parse(source)
      return nil
    } catch {
      return error as? DrawLanguageError
    }
  }

  @Test func precedenceIsPythons() throws {
    #expect(try tree("a + b * c") == "(a + (b * c))")
    #expect(try tree("a * b + c") == "((a * b) + c)")
    #expect(try tree("(a + b) * c") == "((a + b) * c)")
    #expect(try tree("2 * b ** 3") == "(2.0 * (b ** 3.0))")
    #expect(try tree("a / b ** 2 - c") == "((a / (b ** 2.0)) - c)")
  }

  /// A run of `+ -` (or of `* /`) is one chain, evaluated from the left,
  /// not a tower of binary nodes.
  @Test func sumsAndProductsAreChains() throws {
    #expect(try tree("a - b + c - d") == "(a - b + c - d)")
    #expect(try tree("a * b / c * d") == "(a * b / c * d)")
    #expect(try tree("a - (b + c)") == "(a - (b + c))")
    guard case .chain(let first, let rest, let column) = try parse("  a - b + c")[0].expression else {
      Issue.record("not a chain")
      return
    }
    #expect(first.description == "a" && column == 3)
    #expect(rest.map(\.op) == ["-", "+"])
    #expect(rest.map(\.operand.column) == [7, 11])
  }

  @Test func powerGroupsToTheRight() throws {
    #expect(try tree("a ** b ** c") == "(a ** (b ** c))")
    #expect(try tree("2 ** 3 ** 2") == "(2.0 ** (3.0 ** 2.0))")
    #expect(try tree("(a ** b) ** c") == "((a ** b) ** c)")
    // The column of a power is its operator's.
    #expect(try parse("a ** b")[0].expression.column == 3)
  }

  /// Unary minus binds looser than `**` and tighter than `*`, as in Python.
  @Test func unaryMinus() throws {
    #expect(try tree("-b ** 2") == "(-(b ** 2.0))")
    #expect(try tree("-b * c") == "((-b) * c)")
    #expect(try tree("a * -b") == "(a * (-b))")
    #expect(try tree("--a") == "(-(-a))")
    #expect(try tree("a ** -2") == "(a ** (-2.0))")
    #expect(try tree("a - -1") == "(a - (-1.0))")
  }

  @Test func numbersAndCalls() throws {
    #expect(try tree("1e-3 + 2.5E+2 + .5 + 7") == "(0.001 + 250.0 + 0.5 + 7.0)")
    #expect(try tree("tanh(x1*w1 + b)") == "tanh(((x1 * w1) + b))")
    #expect(try tree("sigmoid(relu(-x))") == "sigmoid(relu((-x)))")
    // Any name may be called; the evaluator says which functions exist.
    #expect(try tree("foo(1)") == "foo(1.0)")
    #expect(try tree("_x2 + x_1") == "(_x2 + x_1)")
  }

  @Test func statementsAndAssignments() throws {
    let statements = try parse("e = a*b;\td = e + c ;L = d * f;")
    #expect(statements.map(\.name) == ["e", "d", "L"])
    #expect(statements.map(\.nameColumn) == [1, 10, 21])
    #expect(statements.map(\.expression.description) == ["(a * b)", "(e + c)", "(d * f)"])
    let bare = try parse("a = 2; a * 3")
    #expect(bare.map(\.name) == ["a", nil])
    #expect(bare[1].nameColumn == 0 && bare[1].expression.column == 8)
  }

  /// Each error says what is wrong and the column (1-based) it is at.
  @Test func errorsHaveColumns() {
    #expect(error("a $ 2") == DrawLanguageError(message: "unexpected character '$'", column: 3))
    #expect(error("b = 1.2.3") == DrawLanguageError(message: "'1.2.3' is not a number", column: 5))
    #expect(
      error("e = a*; L = e")
        == DrawLanguageError(
          message: "syntax error: expected a number, a name or '(', found ';'", column: 7))
    #expect(
      error("a +")
        == DrawLanguageError(
          message: "syntax error: expected a number, a name or '(', found the end", column: 4))
    #expect(error("(a + b") == DrawLanguageError(message: "syntax error: expected ')', found the end", column: 7))
    #expect(error("tanh(a b)") == DrawLanguageError(message: "syntax error: expected ')', found 'b'", column: 8))
    #expect(
      error("a 2")
        == DrawLanguageError(message: "syntax error: expected ';' or the end, found the number 2.0", column: 3))
    #expect(
      error("a = = b")
        == DrawLanguageError(
          message: "syntax error: expected a number, a name or '(', found '='", column: 5))
  }

  @Test func emptyAndOversizedPrograms() {
    let empty = DrawLanguageError(message: "the expression is empty", column: nil)
    #expect(error("") == empty)
    #expect(error(" \n\t") == empty)
    #expect(error("a;") == nil)
    #expect(
      error(";")
        == DrawLanguageError(
          message: "syntax error: expected a number, a name or '(', found ';'", column: 1))
    let tokens = Array(repeating: "a", count: 5_001).joined(separator: "+")  // 10,001 tokens
    #expect(
      error(tokens)
        == DrawLanguageError(
          message: "the expression is too long (more than 10000 tokens)", column: nil))
    #expect(error(String(tokens.dropLast(2))) == nil)
    // 499 minus signs and the name: 500 levels.
    let deep = String(repeating: "-", count: 499) + "a"
    #expect(error(deep) == nil)
    #expect(
      error("-" + deep)
        == DrawLanguageError(
          message: "the expression is nested too deeply (more than 500 levels)", column: 501))
    let parentheses = String(repeating: "(", count: 501) + "a" + String(repeating: ")", count: 501)
    #expect(error(parentheses)?.message == "the expression is nested too deeply (more than 500 levels)")
  }
}
