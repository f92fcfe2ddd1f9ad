/// The examples a network's graph was computed on, found from its first
/// layer: the `k`th call of a first-layer neuron is example `k`, and its
/// inputs `xᵢ` are that example's inputs. The loss of four examples has
/// four; a single forward pass has one.
struct NetworkExamples {
  /// Each example's inputs, in the order the first neuron multiplied
  /// them: the leaves among them, which no neuron owns.
  let inputs: [[Int]]
  /// For each value: the example whose inputs alone it depends on
  /// (besides parameters), or `nil` when it depends on none or on
  /// several (the loss that adds them up). A leaf that is neither an
  /// input nor a parameter (a target) belongs to the example of the
  /// values computed from it, when they agree.
  let example: [Int?]

  /// The examples of `drawn`'s network; none without neurons.
  init(_ drawn: DrawnGraph) {
    let graph = drawn.trace
    var owned = [Bool](repeating: false, count: graph.nodes.count)
    for neuron in drawn.neurons {
      for i in neuron.members { owned[i] = true }
    }
    var inputs: [[Int]] = []
    for neuron in drawn.neurons where neuron.layer == 0 {
      for (k, call) in neuron.inputs.enumerated() {
        if inputs.count <= k { inputs.append([]) }
        for i in call where graph.nodes[i].isLeaf && !owned[i] && !inputs[k].contains(i) {
          inputs[k].append(i)
        }
      }
    }
    self.inputs = inputs
    // Forward, in trace order (operands first): a value belongs to the one
    // example its operands belong to; -1 marks a value of several.
    var example = [Int?](repeating: nil, count: graph.nodes.count)
    for (k, list) in inputs.enumerated() {
      for i in list { example[i] = k }
    }
    let operands = graph.operandIndices()
    for i in graph.nodes.indices where !operands[i].isEmpty {
      var found: Int?
      for from in operands[i] {
        guard let e = example[from] else { continue }
        if found == nil { found = e } else if found != e { found = -1 }
      }
      example[i] = found
    }
    // A leaf of no example (a target) takes the example of its users.
    var users = [[Int]](repeating: [], count: graph.nodes.count)
    for edge in graph.edges { users[edge.from].append(edge.to) }
    for i in graph.nodes.indices where graph.nodes[i].isLeaf && example[i] == nil && !owned[i] {
      let theirs = users[i].map { example[$0] }
      if let first = theirs.first, let e = first, e >= 0, theirs.allSatisfy({ $0 == e }) {
        example[i] = e
      }
    }
    self.example = example.map { $0 == -1 ? nil : $0 }
  }

  /// The colour of example `k`'s edges when there are several:
  /// matplotlib's first colours, so that each example's path is a band.
  static func color(_ k: Int) -> String {
    let colors = ["#1f77b4", "#ff7f0e", "#2ca02c", "#d62728", "#9467bd", "#8c564b", "#e377c2", "#7f7f7f"]
    return colors[k % colors.count]
  }
}
