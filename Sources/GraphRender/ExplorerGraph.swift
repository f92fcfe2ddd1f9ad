import Micrograd

/// What a drawing's HTML page shows beside its figure: every value's
/// label, operation, data and gradient, the edges, and the steps of
/// `backward()` as the engine ran them (``BackwardSteps``).
///
/// Kept as numbers, and written as text only when a page is rendered.
struct ExplorerGraph: Hashable, Sendable {
  let labels: [String]
  let ops: [Operation?]
  let data: [Double]
  /// The gradients as drawn.
  let grads: [Double]
  let edges: [Trace.Edge]
  let steps: BackwardSteps
  /// How the figure writes numbers, for the gradients a step shows.
  let numberFormat: NumberFormat
  let showGrad: Bool

  init(_ graph: Trace, numberFormat: NumberFormat, showGrad: Bool) {
    labels = graph.nodes.map(\.label)
    ops = graph.nodes.map(\.op)
    data = graph.nodes.map(\.data)
    grads = graph.nodes.map(\.grad)
    edges = graph.edges
    steps = BackwardSteps(graph)
    self.numberFormat = numberFormat
    self.showGrad = showGrad
  }

  /// The local derivative of value `i` with respect to its operand at
  /// `k`, in the lecture's words, with `{j}` where the page writes value
  /// `j`'s name as the drawing shows it: `{1}.data` for `a * b`,
  /// `(1 − {3}.data²)` for tanh. Labels never enter this text, so the
  /// page's substitution cannot be fooled by one.
  func localDerivativeTemplate(_ i: Int, _ k: Int, operands: [Int]) -> String {
    switch ops[i] {
    case .add?, .sum?: return "1"
    case .multiply?: return "{\(operands[1 - k])}.data"
    case .power(let exponent)?:
      return "\(Self.number(exponent)) · {\(operands[0])}.data ** \(Self.number(exponent - 1))"
    case .tanh?: return "(1 − {\(i)}.data²)"
    case .exp?: return "{\(i)}.data"
    case .log?: return "1 / {\(operands[0])}.data"
    case .relu?: return "({\(i)}.data > 0)"
    case .sigmoid?: return "{\(i)}.data × (1 − {\(i)}.data)"
    case .dot?:
      let half = operands.count / 2
      return "{\(k < half ? operands[k + half] : operands[k - half])}.data"
    case nil: return "0"
    }
  }

  /// The rule an operation's `backwardStep()` applies, by name, with its
  /// local derivative: "the product rule: ∂(a·b)/∂a = b". `o` is the
  /// operation's output, `a` and `b` its operands.
  static func rule(_ op: Operation) -> String {
    switch op {
    case .add: "the sum rule: ∂(a + b)/∂a = ∂(a + b)/∂b = 1"
    case .sum: "the sum rule: ∂(a₀ + a₁ + …)/∂aᵢ = 1"
    case .multiply: "the product rule: ∂(a·b)/∂a = b, ∂(a·b)/∂b = a"
    case .power(let n): "the power rule: ∂(aⁿ)/∂a = n·aⁿ⁻¹, here n = \(number(n))"
    case .tanh: "tanh: ∂o/∂a = 1 − o², o = tanh(a)"
    case .exp: "exp: ∂o/∂a = o, o = exp(a)"
    case .log: "log: ∂o/∂a = 1/a, o = log(a)"
    case .relu: "ReLU: ∂o/∂a = 1 if o > 0, else 0"
    case .sigmoid: "sigmoid: ∂o/∂a = o·(1 − o), o = sigmoid(a)"
    case .dot: "the dot product: ∂(a·b)/∂aᵢ = bᵢ, ∂(a·b)/∂bᵢ = aᵢ"
    }
  }

  /// Whole numbers without a fraction, as the op names write exponents.
  private static func number(_ x: Double) -> String {
    x == x.rounded() && abs(x) < 1e15 ? String(Int64(x)) : x.description
  }
}
