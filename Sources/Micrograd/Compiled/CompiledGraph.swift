/// A graph of ``Value``s lowered once to a flat program, then replayed
/// forward and backward at native speed: the efficiency layer.
///
/// The eager engine builds, sorts, walks and frees a graph on every
/// training step, although the graph has the same shape every time: only
/// the numbers change. A `CompiledGraph` takes one such graph and keeps
/// only what a step needs: operation codes and operand indices, in the
/// order the eager engine runs them, and every node's data and gradient in
/// two contiguous arrays. Replaying it allocates nothing and counts no
/// references.
///
/// Each leaf of the graph has a role:
/// - a **parameter** keeps its number from run to run, and its gradient
///   accumulates until ``zeroGrad()``;
/// - an **input** is given anew before each run (``setInputs(_:)``);
/// - a **gather** is a leaf that stands for one of several candidates,
///   chosen before each run (``bind(_:to:)``): which row of an embedding
///   table feeds the first layer, or which logit is the target's;
/// - a **detached** leaf is recomputed on each run from other nodes' data,
///   with no gradient through it (the largest logit, subtracted for
///   stability);
/// - every other leaf is a constant, kept as it was when compiled.
///
/// The results are bit-identical to the eager engine's on the same graph:
/// forward computes every node with the same operation on the same
/// operands, and backward runs the nodes in exactly the order of
/// ``Value/backward()`` (reverse ``Value/topologicalOrder()``), so every
/// gradient is the same sum, rounded the same way.
///
/// ```swift
/// var rng = SplitMix64(seed: 1)
/// let model = MLP(2, [4, 1], using: &rng)
/// let x = [Value(0), Value(0)]                 // inputs: given before each run
/// let loss = (model(x)[0] - 1) ** 2            // traced once
/// let program = try CompiledGraph(loss, parameters: model.parameters(), inputs: x)
/// for point in [[0.5, -1.0], [1.0, 2.0]] {
///   try program.setInputs(point)
///   program.forward()
///   program.zeroGrad()
///   program.backward()
///   program.step(learningRate: 0.1)
/// }
/// try program.storeParameters()                // the numbers back into `model`
/// ```
///
/// The program holds its parameters' numbers while it runs: a training
/// loop reads and updates them through the program (``step(learningRate:)``,
/// ``parameterData(_:)``), and ``storeParameters()`` writes them back to
/// the `Value`s, ``loadParameters()`` reads them again. It keeps only weak
/// references to the `Value`s, so a program outlives its model: it still
/// replays (the numbers are its own), and writing back to freed values
/// throws ``CompiledGraphError/parameterFreed(index:)``.
///
/// A `CompiledGraph` is a reference type that one task uses at a time, so
/// it is not `Sendable`.
public final class CompiledGraph {
  /// How many nodes the traced graph has, leaves included: the count of
  /// its ``Value/topologicalOrder()``. ``data(ofNode:)`` and
  /// ``grad(ofNode:)`` take a position in that order.
  public let nodeCount: Int
  /// How many parameters the program holds, in the order given.
  public var parameterCount: Int { parameterValues.count }
  /// How many inputs ``setInputs(_:)`` takes.
  public var inputCount: Int { inputSlots.count }
  /// How many gathers ``bind(_:to:)`` chooses for.
  public var gatherCount: Int { candidateStart.count - 1 }
  /// How many operations one forward pass runs (detached leaves included).
  public let instructionCount: Int

  // The program and its numbers (`_CompiledKernels.swift` runs them).
  let buffers: ProgramBuffers
  let slotCount: Int
  let code: UnsafeMutableBufferPointer<Instruction>
  /// How many entries of `code` are graph nodes (the rest are detached
  /// leaves, run forward only).
  let nodeInstructionCount: Int
  let listCount: Int
  /// The forward order, as indices into `code`, when it differs from
  /// `code`'s own order (detached leaves and gathered computed nodes).
  let schedule: [Int32]?
  let rootSlot: Int
  let inputSlots: [Int32]
  let outputSlots: [Int32]
  /// Each node's slot, by its position in the topological order.
  let nodeSlots: [Int32]
  /// Gather `g`'s patch sites are `sites[siteStart[g]..<siteStart[g + 1]]`:
  /// an index into the operand lists, or `-(2 * instruction + operand) - 1`.
  let siteStart: [Int]
  let sites: [Int32]
  /// Gather `g`'s candidates' slots are `candidates[candidateStart[g]..<candidateStart[g + 1]]`.
  let candidateStart: [Int]
  let candidates: [Int32]
  let parameterValues: [WeakValue]

  init(lowered: Lowered, parameters: [Value]) {
    nodeCount = lowered.nodeSlots.count
    slotCount = lowered.slotData.count
    let data = UnsafeMutablePointer<Double>.allocate(capacity: max(slotCount, 1))
    data.initialize(from: lowered.slotData, count: slotCount)
    let grad = UnsafeMutablePointer<Double>.allocate(capacity: max(slotCount, 1))
    grad.initialize(repeating: 0, count: slotCount)
    listCount = lowered.lists.count
    let lists = UnsafeMutablePointer<Int32>.allocate(capacity: max(listCount, 1))
    lists.initialize(from: lowered.lists, count: listCount)
    let scratch = UnsafeMutablePointer<Double>.allocate(capacity: max(2 * lowered.longestGroupList, 1))
    let marks = UnsafeMutablePointer<UInt32>.allocate(capacity: slotCount + 1)
    marks.initialize(repeating: 0, count: slotCount + 1)
    buffers = ProgramBuffers(
      data: data, grad: grad, lists: lists, scratch: scratch, marks: marks, slotCount: slotCount)
    code = .allocate(capacity: lowered.code.count)
    _ = code.initialize(from: lowered.code)
    instructionCount = lowered.code.count
    nodeInstructionCount = lowered.nodeInstructionCount
    schedule = lowered.schedule
    rootSlot = Int(lowered.nodeSlots.last!)
    inputSlots = lowered.inputSlots
    outputSlots = lowered.outputSlots
    nodeSlots = lowered.nodeSlots
    siteStart = lowered.siteStart
    sites = lowered.sites
    candidateStart = lowered.candidateStart
    candidates = lowered.candidates
    parameterValues = parameters.map { WeakValue(value: $0) }
    // Parameters' gradients carry on from their values', as they accumulate.
    for (i, value) in parameters.enumerated() { grad[i] = value.grad }
  }

  deinit {
    buffers.data.deallocate()
    buffers.grad.deallocate()
    buffers.lists.deallocate()
    buffers.scratch.deallocate()
    buffers.marks.deallocate()
    code.deallocate()
  }
}

/// A reference to a parameter that does not keep it alive.
struct WeakValue {
  weak var value: Value?
}

// MARK: - Roles of leaves

extension CompiledGraph {
  /// A leaf that stands for one of several candidates, chosen before each
  /// run with ``CompiledGraph/bind(_:to:)``: its uses read the chosen
  /// candidate's data, and their gradients go into the candidate's.
  ///
  /// makemore's first layer reads rows of the embedding table `C` that
  /// change with every minibatch: trace it with one placeholder leaf per
  /// embedding number, each gathered from that column of `C`.
  ///
  /// A candidate is a parameter, a leaf of the graph, or a node the graph
  /// computes before every use of the placeholder (so that the graph with
  /// the candidate in its place is the same graph, run in the same order).
  public struct Gather {
    /// The leaf that the graph was traced with.
    public let placeholder: Value
    /// What it may stand for.
    public let candidates: [Value]

    /// A gather of `placeholder` from `candidates`.
    public init(_ placeholder: Value, from candidates: [Value]) {
      self.placeholder = placeholder
      self.candidates = candidates
    }
  }

  /// A leaf recomputed on each forward pass from other nodes' data, with
  /// no gradient through it: a number the eager code reads off the graph
  /// while building it, such as the largest logit in a stable softmax
  /// (`logits - max(logits)`).
  public struct Detached {
    /// How the leaf's number is computed from its operands' data.
    public enum Rule: Sendable {
      /// The largest, as `Sequence.max()` finds it.
      case maximum
      /// Minus the largest: the leaf that `value - m` adds, where `m` is
      /// a `Double`.
      case negatedMaximum
    }

    /// The leaf that the graph was traced with.
    public let leaf: Value
    /// How its number is computed.
    public let rule: Rule
    /// The nodes it is computed from (at least one).
    public let operands: [Value]

    /// The leaf `leaf`, recomputed as `rule` of `operands`' data.
    public init(_ leaf: Value, _ rule: Rule, of operands: [Value]) {
      self.leaf = leaf
      self.rule = rule
      self.operands = operands
    }
  }
}

// MARK: - Running

extension CompiledGraph {
  /// Computes every node's data from the leaves, as the eager engine
  /// computed them while building the graph, and returns the root's.
  @discardableResult
  public func forward() -> Double {
    let buffers = buffers
    if let schedule {
      schedule.withUnsafeBufferPointer { order in
        for k in order { buffers.forward(code[Int(k)]) }
      }
    } else {
      for ins in code { buffers.forward(ins) }
    }
    return buffers.data[rootSlot]
  }

  /// Backpropagates from the root, as ``Value/backward()`` on a freshly
  /// built graph: every gradient but the parameters' starts at 0, the
  /// root's is set to 1, and the nodes run in reverse topological order.
  /// Parameters' gradients accumulate; reset them with ``zeroGrad()``.
  public func backward() {
    let buffers = buffers
    let p = parameterCount
    (buffers.grad + p).update(repeating: 0, count: slotCount - p)
    buffers.grad[rootSlot] = 1
    var k = nodeInstructionCount
    while k > 0 {
      k -= 1
      buffers.backward(code[k])
    }
  }

  /// Sets every parameter's gradient to 0, as `Module.zeroGrad()` does.
  public func zeroGrad() {
    buffers.grad.update(repeating: 0, count: parameterCount)
  }

  /// Moves every parameter against its gradient, as ``SGD`` does:
  /// `data -= learningRate * grad`.
  public func step(learningRate: Double) {
    let d = buffers.data, g = buffers.grad
    for i in 0..<parameterCount {
      d[i] -= learningRate * g[i]
    }
  }

  /// The root's data after the last ``forward()``.
  public var rootData: Double { buffers.data[rootSlot] }
}

// MARK: - Inputs and gathers

extension CompiledGraph {
  /// Gives the inputs their numbers for the next run, in the order they
  /// were compiled with.
  ///
  /// - Throws: ``CompiledGraphError/wrongInputCount(expected:got:)``
  ///   unless there is one number per input; nothing is set then.
  public func setInputs(_ values: [Double]) throws(CompiledGraphError) {
    guard values.count == inputSlots.count else {
      throw .wrongInputCount(expected: inputSlots.count, got: values.count)
    }
    for (slot, value) in zip(inputSlots, values) { buffers.data[Int(slot)] = value }
  }

  /// Gives input `index` its number for the next run.
  ///
  /// - Throws: ``CompiledGraphError/indexOutOfRange(what:index:count:)``.
  public func setInput(_ index: Int, to value: Double) throws(CompiledGraphError) {
    guard inputSlots.indices.contains(index) else {
      throw .indexOutOfRange(what: "input", index: index, count: inputSlots.count)
    }
    buffers.data[Int(inputSlots[index])] = value
  }

  /// Makes gather `gather` stand for its candidate `candidate` (positions
  /// in the lists it was compiled with) until bound again.
  ///
  /// - Throws: ``CompiledGraphError/indexOutOfRange(what:index:count:)``
  ///   for a gather or candidate that does not exist.
  public func bind(_ gather: Int, to candidate: Int) throws(CompiledGraphError) {
    guard gather >= 0, gather < gatherCount else {
      throw .indexOutOfRange(what: "gather", index: gather, count: gatherCount)
    }
    let first = candidateStart[gather], count = candidateStart[gather + 1] - first
    guard candidate >= 0, candidate < count else {
      throw .indexOutOfRange(what: "candidate of gather \(gather)", index: candidate, count: count)
    }
    let slot = candidates[first + candidate]
    for k in siteStart[gather]..<siteStart[gather + 1] {
      let site = Int(sites[k])
      if site >= 0 {
        buffers.lists[site] = slot
      } else {
        let encoded = -(site + 1)
        if encoded & 1 == 0 { code[encoded >> 1].a = slot } else { code[encoded >> 1].b = slot }
      }
    }
  }
}

// MARK: - Reading the numbers

extension CompiledGraph {
  /// The data of the node at `position` in the traced graph's
  /// ``Value/topologicalOrder()``. (A gather's placeholder keeps the
  /// number it was traced with: its uses read the candidate's.)
  ///
  /// - Precondition: `0 <= position < nodeCount`.
  public func data(ofNode position: Int) -> Double {
    buffers.data[Int(nodeSlots[position])]
  }

  /// The gradient of the node at `position` in the topological order.
  ///
  /// - Precondition: `0 <= position < nodeCount`.
  public func grad(ofNode position: Int) -> Double {
    buffers.grad[Int(nodeSlots[position])]
  }

  /// How many outputs ``outputData(_:)`` reads.
  public var outputCount: Int { outputSlots.count }

  /// The data of output `index` (in the order the outputs were compiled
  /// with) after the last ``forward()``.
  ///
  /// - Precondition: `0 <= index < outputCount`.
  public func outputData(_ index: Int) -> Double {
    buffers.data[Int(outputSlots[index])]
  }

  /// Parameter `index`'s number.
  ///
  /// - Precondition: `0 <= index < parameterCount`.
  public func parameterData(_ index: Int) -> Double {
    precondition(index >= 0 && index < parameterCount, "parameter \(index) of \(parameterCount)")
    return buffers.data[index]
  }

  /// Parameter `index`'s gradient.
  ///
  /// - Precondition: `0 <= index < parameterCount`.
  public func parameterGrad(_ index: Int) -> Double {
    precondition(index >= 0 && index < parameterCount, "parameter \(index) of \(parameterCount)")
    return buffers.grad[index]
  }

  /// Writes every parameter's data and gradient back to its `Value`.
  ///
  /// - Throws: ``CompiledGraphError/parameterFreed(index:)`` when a
  ///   parameter's `Value` was freed; nothing is written then.
  public func storeParameters() throws(CompiledGraphError) {
    let values = try liveParameters()
    for (i, value) in values.enumerated() {
      value.data = buffers.data[i]
      value.grad = buffers.grad[i]
    }
  }

  /// Reads every parameter's data and gradient from its `Value` again
  /// (after changing them by hand, or loading a model).
  ///
  /// - Throws: ``CompiledGraphError/parameterFreed(index:)`` when a
  ///   parameter's `Value` was freed; nothing is read then.
  public func loadParameters() throws(CompiledGraphError) {
    let values = try liveParameters()
    for (i, value) in values.enumerated() {
      buffers.data[i] = value.data
      buffers.grad[i] = value.grad
    }
  }

  private func liveParameters() throws(CompiledGraphError) -> [Value] {
    var values: [Value] = []
    values.reserveCapacity(parameterValues.count)
    for (i, weak) in parameterValues.enumerated() {
      guard let value = weak.value else { throw .parameterFreed(index: i) }
      values.append(value)
    }
    return values
  }

  /// Where the numbers first stop being finite, as
  /// ``Value/firstNonFinite()`` searches the eager graph: data in
  /// topological order from the leaves, then gradients from the root
  /// back. `nil` when every number is finite.
  ///
  /// - Returns: The node's position in the topological order, and which
  ///   of its numbers it is.
  public func firstNonFinite() -> (node: Int, field: NonFiniteValue.Field)? {
    for (position, slot) in nodeSlots.enumerated() where !buffers.data[Int(slot)].isFinite {
      return (position, .data)
    }
    for (position, slot) in nodeSlots.enumerated().reversed() where !buffers.grad[Int(slot)].isFinite {
      return (position, .grad)
    }
    return nil
  }
}
