/// An operation's local derivatives in words, as the explorer shows them
/// beside a step of backward: the rule's name, the forward and the
/// derivatives, with `a` and `b` for the operands and `o` for the output.
///
/// ```swift
/// Operation.tanh.rule.name        // "the tanh rule"
/// Operation.tanh.rule.forward     // "o = tanh(a)"
/// Operation.tanh.rule.derivative  // "do/da = 1 − o²"
/// ```
package struct DerivativeRule: Hashable, Sendable {
  /// What the lectures call the rule: "the product rule".
  package let name: String
  /// The forward: "o = a * b".
  package let forward: String
  /// The local derivatives: "do/da = b, do/db = a".
  package let derivative: String
}
