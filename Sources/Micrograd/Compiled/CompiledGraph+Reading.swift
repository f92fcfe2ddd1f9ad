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
    buffers.grad[Int(gradientSlots[position])]
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
    for (position, slot) in gradientSlots.enumerated().reversed() where !buffers.grad[Int(slot)].isFinite {
      return (position, .grad)
    }
    return nil
  }
}
