import Foundation

// MARK: - Compiling

extension CompiledGraph {
  /// Lowers the graph below `root` to a program.
  ///
  /// The nodes are ordered as ``Value/topologicalOrder()`` orders them;
  /// every leaf that is not a parameter, an input, a gather or a detached
  /// leaf is a constant. The graph itself is not changed, and not kept:
  /// free it once compiled.
  ///
  /// - Parameters:
  ///   - root: The output, a loss: what ``forward()`` returns and
  ///     ``backward()`` starts from.
  ///   - parameters: Values the program keeps and updates, laid out in
  ///     this order (pass a layer's weights row after row: each neuron's
  ///     `dot` then reads a contiguous run). They need not all be in the
  ///     graph (rows of an embedding table that only gathers read).
  ///   - inputs: Leaves of the graph given anew before each run.
  ///   - gathers: Leaves of the graph that stand for a candidate chosen
  ///     before each run.
  ///   - detached: Leaves of the graph recomputed on each run.
  ///   - outputs: Nodes of the graph besides the root whose data to read
  ///     after each run (``outputData(_:)``): a model's predictions.
  /// - Throws: ``CompiledGraphError`` naming the first value with a wrong
  ///   role, or ``CompiledGraphError/tooLarge(nodes:bytes:available:)``.
  public convenience init(
    _ root: Value, parameters: [Value] = [], inputs: [Value] = [], gathers: [Gather] = [],
    detached: [Detached] = [], outputs: [Value] = []
  ) throws(CompiledGraphError) {
    var lowering = Lowering(parameters: parameters, inputs: inputs, gathers: gathers, detached: detached)
    var lowered = try lowering.lower(root)
    for (i, output) in outputs.enumerated() {
      guard let k = lowering.positions[ObjectIdentifier(output)] else {
        throw .notInTheGraph(role: "outputs", index: i)
      }
      lowered.outputSlots.append(lowered.nodeSlots[Int(k)])
    }
    self.init(lowered: lowered, parameters: parameters)
    // Each gather starts bound to its first candidate.
    for g in 0..<gatherCount { try bind(g, to: 0) }
  }

  /// The most bytes a program may take: the machine's memory.
  static var availableMemory: Int { Int(clamping: ProcessInfo.processInfo.physicalMemory) }

  /// The most nodes a program may have: their positions and slots are
  /// 32-bit numbers.
  static let maxNodes = Int(Int32.max)
  /// The most instructions the graph's nodes and detached leaves may
  /// make: a patch site is the 32-bit `-(2 * instruction + operand) - 1`,
  /// and layers add at most one instruction per node, so the whole
  /// program's instruction indices stay 32-bit too.
  static let maxInstructions = (Int(Int32.max) - 1) / 2

  /// Checks that a program of `slots` slots, `instructions` instructions
  /// and `listEntries` operand-list entries fits in `available` bytes and
  /// in 32-bit indices. The bytes counted are the program's own arrays
  /// (slots' data and gradients, instructions, operand lists, node
  /// slots), not the memory lowering uses while it builds them.
  static func checkSize(
    nodes: Int, slots: Int, instructions: Int, listEntries: Int, available: Int
  ) throws(CompiledGraphError) {
    let (slotBytes, o1) = slots.multipliedReportingOverflow(by: 2 * MemoryLayout<Double>.stride)
    let (codeBytes, o2) = instructions.multipliedReportingOverflow(by: MemoryLayout<Instruction>.stride)
    let (listBytes, o3) = listEntries.multipliedReportingOverflow(by: MemoryLayout<Int32>.stride)
    let (nodeBytes, o4) = nodes.multipliedReportingOverflow(by: MemoryLayout<Int32>.stride)
    var bytes = 0
    var overflow = o1 || o2 || o3 || o4
    for part in [slotBytes, codeBytes, listBytes, nodeBytes] {
      let (sum, o) = bytes.addingReportingOverflow(part)
      bytes = sum
      overflow = overflow || o
    }
    overflow = overflow || bytes < 0
    let limit = Int(Int32.max)
    if overflow || bytes > available || nodes > maxNodes || slots > limit || listEntries > limit
      || instructions > maxInstructions
    {
      throw .tooLarge(nodes: nodes, bytes: overflow ? .max : bytes, available: available)
    }
  }
}
