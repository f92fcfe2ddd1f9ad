import Micrograd

/// The nodes of a traced graph that one neuron of a network made: its
/// parameters, and for every call of the neuron its products `wᵢ * xᵢ`,
/// its running sums and its activation.
struct NeuronNodes {
  /// The layer's index in the network, from 0.
  let layer: Int
  /// The neuron's index in its layer, from 0.
  let neuron: Int
  /// The nodes, as indices into the trace's nodes, in trace order.
  var members: [Int] = []
  /// For each call, the index of its weighted sum `w · x + b` (the last
  /// running sum, which the activation is applied to), in trace order.
  var sums: [Int] = []
}

extension Trace {
  /// Which nodes each neuron of `network` made, found from the neuron's
  /// parameters and the graph that `Neuron.callAsFunction` builds:
  /// `act = b`, then `act = act + wᵢ * xᵢ` for each input in order, then
  /// the activation.
  ///
  /// A neuron owns its weights and bias, wherever they are used. A call
  /// of it is found from the bias: a `+` whose first operand is `b` and
  /// whose second is a `*` whose first operand is `w₀`; then, from that
  /// sum, a `+` whose first operand is the sum and whose second is a `*`
  /// whose first operand is `w₁`; and so on to the last weight; then the
  /// neuron's activation (`tanh`, `ReLU`, `sigmoid`; nothing for
  /// `linear`) of that last sum. The inputs `xᵢ` are not the neuron's:
  /// they are the network's inputs or the previous layer's outputs. A
  /// node is given to the first neuron that finds it, in network order,
  /// so no node is in two neurons.
  ///
  /// - Returns: One entry per neuron that has at least one node in the
  ///   graph, layer by layer and neuron by neuron.
  /// - Complexity: O(*n* + *p*·*u*) for *n* values and *p* parameters
  ///   used *u* times each; no recursion.
  func neurons(of network: MLP) -> [NeuronNodes] {
    var index: [ObjectIdentifier: Int] = [:]
    index.reserveCapacity(nodes.count)
    for (i, node) in nodes.enumerated() { index[ObjectIdentifier(node)] = i }
    // The values computed from each node, in trace order, each once.
    var users = [[Int]](repeating: [], count: nodes.count)
    for edge in edges where users[edge.from].last != edge.to {
      users[edge.from].append(edge.to)
    }
    var claimed = [Bool](repeating: false, count: nodes.count)
    var found: [NeuronNodes] = []
    for (l, layer) in network.layers.enumerated() {
      for (j, neuron) in layer.neurons.enumerated() {
        var entry = NeuronNodes(layer: l, neuron: j)
        func claim(_ i: Int) {
          guard !claimed[i] else { return }
          claimed[i] = true
          entry.members.append(i)
        }
        for parameter in neuron.parameters() {
          if let i = index[ObjectIdentifier(parameter)] { claim(i) }
        }
        /// The unclaimed `sum + w * x` computed from `sum`, and its product.
        func step(from sum: Int, weight: Value) -> (sum: Int, product: Int)? {
          for user in users[sum] where !claimed[user] && nodes[user].op == .add {
            let operands = nodes[user].operands
            guard operands[0] === nodes[sum], operands[1].op == .multiply,
              operands[1].operands[0] === weight, let product = index[ObjectIdentifier(operands[1])],
              !claimed[product]
            else { continue }
            return (user, product)
          }
          return nil
        }
        /// The unclaimed activation of `sum`.
        func activation(of sum: Int) -> Int? {
          guard let op = neuron.activation.operation else { return nil }
          return users[sum].first { !claimed[$0] && nodes[$0].op == op }
        }
        if let b = index[ObjectIdentifier(neuron.b)] {
          if neuron.w.isEmpty {
            // act(b) alone, once per call.
            while let out = activation(of: b) { claim(out) }
          }
          // Each call starts with b + w₀ * x₀.
          while let first = neuron.w.first.flatMap({ step(from: b, weight: $0) }) {
            var sum = first.sum
            claim(first.sum)
            claim(first.product)
            var complete = true
            for weight in neuron.w.dropFirst() {
              guard let next = step(from: sum, weight: weight) else {
                complete = false
                break
              }
              sum = next.sum
              claim(next.sum)
              claim(next.product)
            }
            guard complete else { continue }
            entry.sums.append(sum)
            if let out = activation(of: sum) { claim(out) }
          }
        }
        if !entry.members.isEmpty {
          entry.members.sort()
          entry.sums.sort()
          found.append(entry)
        }
      }
    }
    return found
  }
}

extension Activation {
  /// The operation that applies the activation, `nil` for `linear`.
  var operation: Operation? {
    switch self {
    case .tanh: .tanh
    case .relu: .relu
    case .sigmoid: .sigmoid
    case .linear: nil
    }
  }
}
