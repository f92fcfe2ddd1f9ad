import Figures
import Micrograd

/// The lecture's small MLP and its data set of four examples.
public enum MLPLecture: Lecture {
  public static let name = "mlp"
  public static let summary = "MLP(3, [4, 4, 1]): one forward graph, and the loss of four examples"

  /// The four examples.
  public static let xs: [[Double]] = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]
  /// Their targets.
  public static let ys: [Double] = [1, -1, -1, 1]

  /// The network, with weights from SplitMix64 seeded 42.
  public static func network() -> MLP {
    var rng = SplitMix64(seed: 42)
    return MLP(3, [4, 4, 1], using: &rng)
  }

  public static func run(_ figures: inout FigureWriter) throws {
    let n = network()
    figures.say("parameters: \(n.parameters().count)")
    let out = n([2.0, 3.0, -1.0])[0]
    out.label = "out"
    figures.say("n([2, 3, -1]) = \(out.data)")
    try figures.draw(out, "mlp-forward")

    let ypred = xs.map { n($0)[0] }
    let loss = sumSquaredError(ypred, ys); loss.label = "loss"
    loss.backward()
    figures.say("loss = \(loss.data)")
    try figures.draw(loss, "mlp-loss")
  }
}
