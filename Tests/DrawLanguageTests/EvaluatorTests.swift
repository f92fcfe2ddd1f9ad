import DrawLanguage
import Micrograd
import Testing

/// The evaluator: the graph a program builds, its names, and its errors.
@Suite struct EvaluatorTests {
  /// Runs `source` with the `--set` values `inputs`: the root and every
  /// named value.
  func evaluate(_ source: String, _ inputs: [(name: String, value: Double)] = []) throws
    -> (root: Value, named: [(name: String, value: Value)])
  {
    var parser = try Parser(source)
    var evaluator = Evaluator(inputs: inputs)
    let root = try evaluator.run(try parser.program())
    return (root, evaluator.named)
  }

  /// The error running `source` with `inputs` gives, or `nil`.
  func error(_ source: String, _ inputs: [(name: String, value: Double)] = []) -> DrawLanguageError? {
    do {
      _ = try evaluate(source, inputs)
      return nil
    } catch {
      return error as? DrawLanguageError
    }
  }

  @Test func theLecturesExpression() throws {
    let (L, named) = try evaluate("e = a*b; d = e + c; L = d*f", [("a", 2), ("b", -3), ("c", 10), ("f", -2)])
    #expect(L.data == -8 && L.label == "L")
    // The inputs as given, then the assignments, each its node's label.
    #expect(named.map(\.name) == ["a", "b", "c", "f", "e", "d", "L"])
    #expect(named.allSatisfy { $0.name == $0.value.label })
    #expect(named.map(\.value.data) == [2, -3, 10, -2, -6, 4, -8])
    L.backward()
    #expect(named.map(\.value.grad) == [6, -4, -2, 4, -2, -2, 1])
    // e is a*b itself: the input leaves are its operands.
    #expect(named[4].value.op == .multiply && named[4].value.operands == [named[0].value, named[1].value])
  }

  /// The graph is the engine's: `a - 1` is `a + (-1)`, `a / b` is
  /// `a * b ** -1`, `-a` is `a * -1`, as micrograd writes them.
  @Test func operatorsBuildTheEnginesGraph() throws {
    let minus = try evaluate("a - 1", [("a", 5)]).root
    #expect(minus.op == .add && minus.operands.map(\.data) == [5, -1] && minus.label.isEmpty)
    let divide = try evaluate("a / b", [("a", 6), ("b", 3)]).root
    #expect(divide.op == .multiply && divide.data == 2)
    #expect(divide.operands[1].op == .power(-1))
    // With a number on one side, the engine's Double operators.
    let half = try evaluate("a / 2", [("a", 3)]).root
    #expect(half.op == .multiply && half.operands.map(\.data) == [3, 0.5])
    let inverse = try evaluate("2 / a", [("a", 4)]).root
    #expect(inverse.op == .multiply && inverse.operands[0].data == 2 && inverse.operands[1].op == .power(-1))
    let oneMinus = try evaluate("1 - a", [("a", 4)]).root
    #expect(oneMinus.op == .add && oneMinus.operands[0].data == 1 && oneMinus.operands[1].op == .multiply)
    let negate = try evaluate("-a", [("a", 2)]).root
    #expect(negate.op == .multiply && negate.operands.map(\.data) == [2, -1])
    let power = try evaluate("a ** 2 ** 3", [("a", 2)]).root
    #expect(power.op == .power(8) && power.data == 256)
  }

  @Test func functions() throws {
    let x = 0.5
    for (function, expected) in [
      ("tanh", 0.46211715726000974), ("exp", 1.6487212707001282), ("log", -0.6931471805599453), ("relu", 0.5),
      ("sigmoid", 0.6224593312018546),
    ] {
      let root = try evaluate("\(function)(x)", [("x", x)]).root
      #expect(abs(root.data - expected) < 1e-15, "\(function)")
      #expect(root.operands.count == 1 && root.operands[0].label == "x", "\(function)")
    }
  }

  /// Numbers combine as numbers, as Python would: no node for `2 ** 3`.
  @Test func numbersFold() throws {
    let (y, named) = try evaluate("y = -b ** 2 + 2 ** 3 ** 2 / 64; z = 2 * 3", [("b", 3)])
    #expect(named.map(\.name) == ["b", "y", "z"])
    #expect(named[1].value.data == -1)
    #expect(y.label == "z" && y.data == 6 && y.operands.isEmpty)
    // A bare number as the last statement is a leaf too.
    let leaf = try evaluate("7").root
    #expect(leaf.data == 7 && leaf.operands.isEmpty && leaf.label.isEmpty)
  }

  @Test func theLastStatementIsTheRoot() throws {
    let (root, named) = try evaluate("q = a + b; q * 2", [("a", 2), ("b", -3)])
    #expect(root.data == -2 && root.label.isEmpty)
    #expect(named.map(\.name) == ["a", "b", "q"])
    #expect(root.operands[0] === named[2].value)
  }

  @Test func names() {
    #expect(
      error("L = a * b", [("a", 1)])
        == DrawLanguageError(
          message: "unknown name 'b'; give it a value with --set b=NUMBER", column: 9))
    #expect(
      error("L = tanh + 1")
        == DrawLanguageError(
          message: "unknown name 'tanh' ('tanh' is a function: write tanh(x))", column: 5))
    #expect(error("a = 1; a = 2") == DrawLanguageError(message: "'a' is assigned twice", column: 8))
    #expect(
      error("a = 2; L = a * 3", [("a", 1)])
        == DrawLanguageError(
          message: "'a' is given twice: with --set and assigned here", column: 1))
    #expect(
      error("b = a", [("a", 1)])
        == DrawLanguageError(
          message: "'b' would be a second name for 'a'; write b = a + 0 for a new node", column: 1))
    #expect(
      error("L = a * 2", [("a", 1), ("z", 3)])
        == DrawLanguageError(
          message: "--set z: the expression does not use 'z'", column: nil))
    // A name is known from its assignment on, not before.
    #expect(error("L = e * 2; e = 1")?.column == 5)
  }

  @Test func functionsAndExponents() {
    #expect(
      error("L = foo(a)", [("a", 1)])
        == DrawLanguageError(
          message: "unknown function 'foo'; the functions are tanh exp log relu sigmoid", column: 5))
    #expect(
      error("L = a ** b", [("a", 1), ("b", 2)])
        == DrawLanguageError(
          message: "the exponent of ** must be a number (micrograd's ** takes a constant)", column: 10))
    // A name assigned a number is a node, not a number.
    #expect(error("k = 2; L = a ** k", [("a", 1)])?.column == 17)
    #expect(error("L = a ** (1 + 1)", [("a", 3)]) == nil)
  }
}
