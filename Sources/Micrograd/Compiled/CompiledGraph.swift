internal import CLaneKernels

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
  /// The minibatch's examples side by side (`Lowering+Lanes.swift`), when
  /// the graph has them: then `code` is each example's own instructions,
  /// run by the lane program, and the instructions outside the examples.
  let lanes: LaneProgram?
  var laneBuffers: LaneBuffers?
  /// The gradients `backward()` sets to 0 first: every slot but the
  /// parameters' (and, with lanes, those neuron chains leave unstored).
  let gradientsToZero: [Range<Int>]
  /// Each node's gradient slot: its own, or for a neuron chain's product
  /// or lower sum, its chain's last sum's (the same number).
  let gradientSlots: [Int32]

  /// How many examples of a minibatch the program runs side by side, one
  /// lane each, or 0 when it found none (see "The compiled form").
  public var laneCount: Int { lanes?.lanes ?? 0 }

  /// How many neuron chains (`b + w1*x1 + ...`) the lanes run as one
  /// instruction each.
  var neuronChainCount: Int { lanes?.forward.count { $0.kind == .chain } ?? 0 }

  /// Whether this machine runs the dot groups' AVX2 code (x86-64 with
  /// AVX2).
  static var machineHasWideKernels: Bool { clk_has_avx2() == 1 }

  /// Whether the lanes' dot groups run their AVX2 code (the default where
  /// the machine has it) or their portable code: the same numbers, which
  /// the tests check by setting it off. It stays off where the machine
  /// lacks AVX2.
  var wideLaneKernels: Bool {
    get { laneBuffers?.wide == 1 }
    set { laneBuffers?.wide = newValue && Self.machineHasWideKernels ? 1 : 0 }
  }

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
    lanes = lowered.lanes
    if let lanes {
      let laneLists = UnsafeMutablePointer<Int32>.allocate(capacity: max(lanes.lists.count, 1))
      laneLists.initialize(from: lanes.lists, count: lanes.lists.count)
      let table = UnsafeMutablePointer<Int32>.allocate(capacity: max(lanes.table.count, 1))
      table.initialize(from: lanes.table, count: lanes.table.count)
      let n = lanes.longestX
      let w = lanes.width
      let scratch = UnsafeMutablePointer<Double>.allocate(capacity: n * w + w * (n + 3) + 2 * n + 33)
      let positions = UnsafeMutablePointer<Int32>.allocate(capacity: 8 * n + 8)
      let waitingTerms = UnsafeMutablePointer<Double>.allocate(capacity: 8 * w)
      waitingTerms.initialize(repeating: 0, count: 8 * w)
      let waiting = UnsafeMutablePointer<Int>.allocate(capacity: 9)
      waiting.initialize(repeating: 0, count: 9)
      laneBuffers = LaneBuffers(
        code: code.baseAddress!, lists: laneLists, table: table, scratch: scratch, positions: positions,
        waitingTerms: waitingTerms, waiting: waiting, lanes: lanes.lanes, width: w, longestX: n,
        wide: clk_has_avx2())
      let slots = lanes.gradientSlots(slotCount: slotCount)
      gradientSlots = nodeSlots.map { slots[Int($0)] }
      gradientsToZero = lanes.gradientsToZero(from: parameters.count, slots: slots)
    } else {
      laneBuffers = nil
      gradientsToZero = [parameters.count..<slotCount]
      gradientSlots = nodeSlots
    }
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
    if let laneBuffers {
      laneBuffers.lists.deallocate()
      laneBuffers.table.deallocate()
      laneBuffers.scratch.deallocate()
      laneBuffers.positions.deallocate()
      laneBuffers.waitingTerms.deallocate()
      laneBuffers.waiting.deallocate()
    }
  }
}

/// A reference to a parameter that does not keep it alive.
struct WeakValue {
  weak var value: Value?
}
