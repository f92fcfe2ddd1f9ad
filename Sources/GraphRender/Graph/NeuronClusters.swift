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
  /// For each call, in trace order: the inputs `xᵢ` it multiplied, in
  /// weight order.
  var inputs: [[Int]] = []
  /// For each call, in trace order: its activation, when it has one.
  var outputs: [Int?] = []
  /// The names of the nodes a call made, for the drawing's labels:
  /// `L1.N2.w3·x3` for a product, `L1.N2.Σ2` for the sum of the bias and
  /// the first two products, `L1.N2.n` for the whole weighted sum and
  /// `L1.N2.o` for the activation; with `[k]` for the `k`th call (from
  /// 1) when the neuron was called more than once (once per example).
  var names: [(node: Int, name: String)] = []
  /// For each call, in trace order: the nodes it made (its products, its
  /// sums and its activation), in trace order.
  var calls: [[Int]] = []
  /// The neuron's parameters in the graph, in trace order.
  var parameters: [Int] = []
  /// Each weight `wᵢ` in the graph, in the network's order (`nil` for one
  /// the graph does not use).
  var weights: [Int?] = []
  /// The bias `b`, when the graph uses it.
  var bias: Int?
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
        let prefix = "L\(l + 1).N\(j + 1)."
        // Each call's names, before its call number is known.
        var calls: [(sum: Int, inputs: [Int], out: Int?, names: [(Int, String)])] = []
        if let b = index[ObjectIdentifier(neuron.b)] {
          if neuron.w.isEmpty {
            // act(b) alone, once per call.
            while let out = activation(of: b) {
              claim(out)
              calls.append((b, [], out, [(out, prefix + "o")]))
            }
          }
          // Each call starts with b + w₀ * x₀.
          while let first = neuron.w.first.flatMap({ step(from: b, weight: $0) }) {
            var sum = first.sum
            claim(first.sum)
            claim(first.product)
            var names = [(first.product, prefix + "w1·x1"), (first.sum, prefix + "Σ1")]
            var inputs = index[ObjectIdentifier(nodes[first.product].operands[1])].map { [$0] } ?? []
            var complete = true
            for (i, weight) in neuron.w.enumerated().dropFirst() {
              guard let next = step(from: sum, weight: weight) else {
                complete = false
                break
              }
              sum = next.sum
              claim(next.sum)
              claim(next.product)
              names += [(next.product, prefix + "w\(i + 1)·x\(i + 1)"), (next.sum, prefix + "Σ\(i + 1)")]
              inputs += index[ObjectIdentifier(nodes[next.product].operands[1])].map { [$0] } ?? []
            }
            guard complete else { continue }
            names[names.count - 1].1 = prefix + "n"
            let out = activation(of: sum)
            if let out {
              claim(out)
              names.append((out, prefix + "o"))
            }
            calls.append((sum, inputs, out, names))
          }
        }
        calls.sort { $0.sum < $1.sum }
        for (k, call) in calls.enumerated() {
          if !neuron.w.isEmpty { entry.sums.append(call.sum) }
          entry.inputs.append(call.inputs)
          entry.outputs.append(call.out)
          let suffix = calls.count > 1 ? "[\(k + 1)]" : ""
          entry.names += call.names.map { ($0.0, $0.1 + suffix) }
          entry.calls.append(call.names.map(\.0).sorted())
        }
        entry.parameters = neuron.parameters().compactMap { index[ObjectIdentifier($0)] }.sorted()
        entry.weights = neuron.w.map { index[ObjectIdentifier($0)] }
        entry.bias = index[ObjectIdentifier(neuron.b)]
        if !entry.members.isEmpty {
          entry.members.sort()
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
