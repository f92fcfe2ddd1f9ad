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

extension CompiledGraph {
  /// One example's cross-entropy term, `log(Σ exp(l - m)) - (l[y] - m)`,
  /// traced for a program that any minibatch can run: the largest logit
  /// `m`, which the eager loss reads off the graph as a number, is a
  /// detached leaf (appended to `detached`), and the target's shifted
  /// logit `l[y] - m` a gather from the shifted logits (appended to
  /// `targets`), bound to `y` before each run. The eager term's `l - m`
  /// adds a leaf `-m` to each logit; one detached leaf for all of them
  /// computes the same numbers.
  package static func crossEntropyTerm(
    _ logits: [Value], detached: inout [Detached], targets: inout [Gather]
  ) -> Value {
    let negatedMax = Value(0)
    detached.append(.init(negatedMax, .negatedMaximum, of: logits))
    let shifted = logits.map { $0 + negatedMax }
    let target = Value(0)
    targets.append(.init(target, from: shifted))
    return Value.sumNode(shifted.map { $0.exp() }).log() - target
  }
}
