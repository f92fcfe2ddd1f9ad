// The table of operations: which operations there are, and, for each, the
// way to its rules in `Engine/Operations/`. Every switch here is
// exhaustive, as are the eager engine's (`Value+Backward.swift`) and the
// compiled kernels' (`Compiled/_CompiledKernels.swift`): a new operation is
// its file in `Operations/`, its case in `Operation`, and one line in each
// switch the compiler then points to. Its case in `Kind` has a twin in the
// compiled form's `Opcode`, with the same raw value; until it has one,
// compiling it stops there, and OperationRulesTests' `compiled` fails.

extension Operation {
  /// Every operation, without the exponent of `power`: what the tests
  /// iterate to check that each operation has all its rules. The raw
  /// value is the compiled form's opcode (`Compiled/_CompiledKernels.swift`).
  package enum Kind: UInt8, CaseIterable, Hashable, Sendable {
    case add, multiply, power, tanh, exp, log, relu, sigmoid, sum, dot
  }

  /// The operation's kind: `.power` for every exponent.
  package var kind: Kind {
    switch self {
    case .add: .add
    case .multiply: .multiply
    case .power: .power
    case .tanh: .tanh
    case .exp: .exp
    case .log: .log
    case .relu: .relu
    case .sigmoid: .sigmoid
    case .sum: .sum
    case .dot: .dot
    }
  }

  /// The operation's local derivatives in words: "the tanh rule",
  /// "o = tanh(a)", "do/da = 1 − o²".
  package var rule: DerivativeRule { kind.rule }

  /// The local derivative with respect to the operand at `index`, as the
  /// explorer writes it in a step of backward, from the names of the
  /// output and of the operands (in ``Value/operands``' order):
  /// `b.data` for `a * b` at 0, `(1 − o.data²)` for tanh.
  ///
  /// - Precondition: `operands` are the operation's operands, and `index`
  ///   is one of their indices.
  package func localDerivativeText(at index: Int, output: String, operands: [String]) -> String {
    switch self {
    case .add: return Add.derivativeText()
    case .multiply: return Multiply.derivativeText(other: operands[1 - index])
    case .power(let exponent): return Power.derivativeText(operand: operands[0], exponent: exponent)
    case .tanh: return Tanh.derivativeText(output: output)
    case .exp: return Exp.derivativeText(output: output)
    case .log: return Log.derivativeText(operand: operands[0])
    case .relu: return ReLU.derivativeText(output: output)
    case .sigmoid: return Sigmoid.derivativeText(output: output)
    case .sum: return Sum.derivativeText()
    case .dot:
      // The `a`s, then the `b`s: each one's partner is half the list away.
      let half = operands.count / 2
      return Dot.derivativeText(partner: operands[index < half ? index + half : index - half])
    }
  }

  /// The operation as a function of one value, `tanh(x)`; `nil` for the
  /// operators and for `sum` and `dot`.
  package var function: Function? {
    switch self {
    case .tanh: .tanh
    case .exp: .exp
    case .log: .log
    case .relu: .relu
    case .sigmoid: .sigmoid
    case .add, .multiply, .power, .sum, .dot: nil
    }
  }

  /// The operations that are functions of one value, by the names code
  /// calls them: `tanh`, `exp`, `log`, `relu`, `sigmoid` (the functions of
  /// `micrograd draw`).
  package enum Function: CaseIterable, Hashable, Sendable {
    case tanh, exp, log, relu, sigmoid

    /// The function called `name`, or `nil` when there is none.
    package init?(named name: String) {
      guard let function = Self.allCases.first(where: { $0.name == name }) else { return nil }
      self = function
    }

    /// The function's name, the name of its ``Value`` method: `relu`
    /// (graphs print the operation as `ReLU`).
    package var name: String {
      switch self {
      case .tanh: Tanh.name
      case .exp: Exp.name
      case .log: Log.name
      case .relu: ReLU.name
      case .sigmoid: Sigmoid.name
      }
    }

    /// Applies the function: `x.tanh()` for `.tanh`.
    package func callAsFunction(_ x: Value) -> Value {
      switch self {
      case .tanh: x.tanh()
      case .exp: x.exp()
      case .log: x.log()
      case .relu: x.relu()
      case .sigmoid: x.sigmoid()
      }
    }
  }
}

extension Operation.Kind {
  /// The operation's local derivatives in words.
  package var rule: DerivativeRule {
    switch self {
    case .add: Add.rule
    case .multiply: Multiply.rule
    case .power: Power.rule
    case .tanh: Tanh.rule
    case .exp: Exp.rule
    case .log: Log.rule
    case .relu: ReLU.rule
    case .sigmoid: Sigmoid.rule
    case .sum: Sum.rule
    case .dot: Dot.rule
    }
  }
}
