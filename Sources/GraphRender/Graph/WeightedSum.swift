import Micrograd

/// A neuron's weighted sum `w₀·x₀ + w₁·x₁ + ... + b` drawn as one value,
/// for ``DrawOptions/folded``: one op node, `Σ w·x + b`, drawn from
/// every term (a product as its two operands, in operand order), in place
/// of the chain of `*` and `+` values that computed it.
struct WeightedSum {
  /// The sum's index in the trace: the value that stays drawn.
  let sum: Int
  /// What its op node is drawn from, in order: the operands of each
  /// product, and each other term.
  let operands: [Int]
  /// The products and running sums it stands for, which are not drawn.
  let hidden: [Int]
  /// How many of its terms are products.
  let products: Int
  /// How many of its terms are not products (the bias).
  let others: Int

  /// The op node's text: `Σ w·x + b`, or `Σ w·x` without another term.
  var label: String {
    switch others {
    case 0: "Σ w·x"
    case 1: "Σ w·x + b"
    default: "Σ w·x + \(others) terms"
    }
  }
}

extension Trace {
  /// The operands of each node, as indices, in operand order.
  func operandIndices() -> [[Int]] {
    var operands = [[Int]](repeating: [], count: nodes.count)
    for edge in edges { operands[edge.to].append(edge.from) }
    return operands
  }

  /// How many operand edges leave each node (`a * a` uses `a` twice).
  func useCounts() -> [Int] {
    var uses = [Int](repeating: 0, count: nodes.count)
    for edge in edges { uses[edge.from] += 1 }
    return uses
  }

  /// The `+` at `index` with the `+` and `*` values beneath it that can
  /// be hidden: those without a label and used once (so by the sum
  /// alone). Its terms are what is left: each product's operands, and
  /// every other value. `nil` if `index` is not a `+`, or nothing under
  /// it is a product that can be hidden.
  ///
  /// - Complexity: O(*k*) for *k* values hidden; no recursion.
  func weightedSum(at index: Int, operands: [[Int]], uses: [Int]) -> WeightedSum? {
    guard nodes[index].op == .add else { return nil }
    func canHide(_ i: Int) -> Bool { uses[i] == 1 && nodes[i].label.isEmpty }
    var terms: [Int] = []
    var hidden: [Int] = []
    var products = 0
    var others = 0
    var stack = Array(operands[index].reversed())  // operand order, first on top
    while let i = stack.popLast() {
      if nodes[i].op == .add, canHide(i) {
        hidden.append(i)
        stack += operands[i].reversed()
      } else if nodes[i].op == .multiply, canHide(i) {
        hidden.append(i)
        terms += operands[i]
        products += 1
      } else {
        terms.append(i)
        others += 1
      }
    }
    guard products > 0 else { return nil }
    return WeightedSum(
      sum: index, operands: terms, hidden: hidden.sorted(), products: products, others: others)
  }

  /// The neurons the graph alone shows: every `+` that an activation
  /// (`tanh`, `ReLU`, `sigmoid`) is applied to and whose
  /// ``weightedSum(at:operands:uses:)`` has at least one product and at
  /// most one other term (the bias). In trace order.
  ///
  /// A linear neuron, with no activation, looks like any other sum
  /// (`a - b` is `a + b * -1`); the network's modules find those.
  ///
  /// - Complexity: O(*n*) for *n* values; no recursion.
  func neuronSums(operands: [[Int]], uses: [Int]) -> [WeightedSum] {
    var users = [[Int]](repeating: [], count: nodes.count)
    for edge in edges where users[edge.from].last != edge.to {
      users[edge.from].append(edge.to)
    }
    let activations: [Operation] = [.tanh, .relu, .sigmoid]
    var sums: [WeightedSum] = []
    for i in nodes.indices where nodes[i].op == .add {
      guard users[i].contains(where: { nodes[$0].op.map(activations.contains) ?? false }),
        let sum = weightedSum(at: i, operands: operands, uses: uses), sum.others <= 1
      else { continue }
      sums.append(sum)
    }
    return sums
  }
}
