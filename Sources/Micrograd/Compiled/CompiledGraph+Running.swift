// MARK: - Running

extension CompiledGraph {
  /// Computes every node's data from the leaves, as the eager engine
  /// computed them while building the graph, and returns the root's.
  @discardableResult
  public func forward() -> Double {
    let buffers = buffers
    if let lanes, let laneBuffers {
      lanes.before.withUnsafeBufferPointer { for k in $0 { buffers.forward(code[Int(k)]) } }
      lanes.forward.withUnsafeBufferPointer { for ins in $0 { buffers.laneRun(ins, laneBuffers, backward: false) } }
      lanes.after.withUnsafeBufferPointer { for k in $0 { buffers.forward(code[Int(k)]) } }
    } else if let schedule {
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
    for run in gradientsToZero { (buffers.grad + run.lowerBound).update(repeating: 0, count: run.count) }
    buffers.grad[rootSlot] = 1
    if let lanes, let laneBuffers {
      lanes.afterBackward.withUnsafeBufferPointer { for k in $0 { buffers.backward(code[Int(k)]) } }
      lanes.backward.withUnsafeBufferPointer { for ins in $0 { buffers.laneRun(ins, laneBuffers, backward: true) } }
      buffers.sumWaiting(laneBuffers)
      lanes.beforeBackward.withUnsafeBufferPointer { for k in $0 { buffers.backward(code[Int(k)]) } }
      return
    }
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
    let d = buffers.data
    let g = buffers.grad
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
    let first = candidateStart[gather]
    let count = candidateStart[gather + 1] - first
    guard candidate >= 0, candidate < count else {
      throw .indexOutOfRange(what: "candidate of gather \(gather)", index: candidate, count: count)
    }
    patch(gather, with: candidates[first + candidate])
  }

  /// Makes every gather of `gathers` stand for its candidate `candidate`,
  /// as ``bind(_:to:)`` for each, checked once: the numbers of one
  /// embedding row, gathered from the row's token.
  ///
  /// - Throws: ``CompiledGraphError/indexOutOfRange(what:index:count:)``
  ///   for a gather or candidate that does not exist; nothing is bound
  ///   then.
  public func bind(gathers: Range<Int>, to candidate: Int) throws(CompiledGraphError) {
    guard gathers.lowerBound >= 0, gathers.upperBound <= gatherCount else {
      let wrong = gathers.lowerBound < 0 ? gathers.lowerBound : gathers.upperBound - 1
      throw .indexOutOfRange(what: "gather", index: wrong, count: gatherCount)
    }
    for gather in gathers {
      let count = candidateStart[gather + 1] - candidateStart[gather]
      guard candidate >= 0, candidate < count else {
        throw .indexOutOfRange(what: "candidate of gather \(gather)", index: candidate, count: count)
      }
    }
    for gather in gathers { patch(gather, with: candidates[candidateStart[gather] + candidate]) }
  }

  /// Writes `slot` at every site of gather `gather`.
  private func patch(_ gather: Int, with slot: Int32) {
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
