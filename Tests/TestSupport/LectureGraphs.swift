import Lectures
import Micrograd

/// The lecture's graphs, built as the lecture builds them, once for the
/// tests, `render-probe` and the drawing benchmark. The ones a lesson
/// draws come from the lessons' own `Lecture` (Examples/Lectures), so a
/// test draws exactly the lesson's graph.
public enum LectureGraphs {
  /// `L = (a*b + c) * f`, every node labelled, after `L.backward()`.
  public static func expression() -> Value {
    let L = Lecture.expression().L
    L.backward()
    return L
  }

  /// The neuron `o = tanh(x1*w1 + x2*w2 + b)`, every node labelled, after
  /// `o.backward()`, and its parameters `w1`, `w2`, `b`.
  public static func neuron() -> (o: Value, parameters: [Value]) {
    let neuron = neuronValues()
    return (neuron.o, [neuron.w1, neuron.w2, neuron.b])
  }

  /// The neuron's values by name.
  public struct Neuron {
    public let x1: Value, x2: Value, w1: Value, w2: Value, b: Value
    /// `x1*w1 + x2*w2 + b`.
    public let n: Value
    public let o: Value
  }

  /// The neuron `o = tanh(x1*w1 + x2*w2 + b)`, every node labelled, after
  /// `o.backward()`; with `tanhWrittenOut`, tanh as the lecture writes it
  /// out next: `e = exp(2n)`, `o = (e - 1) / (e + 1)`.
  public static func neuronValues(tanhWrittenOut: Bool = false) -> Neuron {
    let x1 = Value(2.0, label: "x1")
    let x2 = Value(0.0, label: "x2")
    let w1 = Value(-3.0, label: "w1")
    let w2 = Value(1.0, label: "w2")
    let b = Value(6.8813735870195432, label: "b")
    let x1w1 = x1 * w1
    x1w1.label = "x1*w1"
    let x2w2 = x2 * w2
    x2w2.label = "x2*w2"
    let x1w1x2w2 = x1w1 + x2w2
    x1w1x2w2.label = "x1*w1 + x2*w2"
    let n = x1w1x2w2 + b
    n.label = "n"
    let o: Value
    if tanhWrittenOut {
      let e = (2 * n).exp()
      e.label = "e"
      o = (e - 1) / (e + 1)
    } else {
      o = n.tanh()
    }
    o.label = "o"
    o.backward()
    return Neuron(x1: x1, x2: x2, w1: w1, w2: w2, b: b, n: n, o: o)
  }

  /// The lecture's bug demo: `b = a + a`, whose gradient is 2, not 1.
  public static func usedTwice() -> Value {
    let b = Lecture.usedTwice().b
    b.backward()
    return b
  }

  /// The output of `MLP(3, [4, 4, 1])` (weights from `SplitMix64(seed: 42)`)
  /// on the lecture's first input `[2, 3, -1]`, after `backward()`: a
  /// forward graph of 190 drawn nodes.
  public static func mlpOutput() -> Value {
    var rng = SplitMix64(seed: 42)
    let model = MLP(3, [4, 4, 1], using: &rng)
    let out = model([2.0, 3.0, -1.0])[0]
    out.backward()
    return out
  }
}

extension LectureGraphs {
  /// The mlp lesson's loss: `MLP(3, [4, 4, 1])` (weights from
  /// `SplitMix64(seed: 42)`) on the lecture's four examples, summed squared
  /// error, after `backward()`; 663 drawn nodes, as `output/mlp-loss`.
  public static func mlpLoss() -> Value {
    var rng = SplitMix64(seed: 42)
    let n = MLP(3, [4, 4, 1], using: &rng)
    _ = n([2.0, 3.0, -1.0])  // the lesson's first forward pass, as it runs it
    let xs: [[Double]] = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]
    let ys: [Double] = [1, -1, -1, 1]
    let loss = sumSquaredError(xs.map { n($0)[0] }, ys)
    loss.label = "loss"
    loss.backward()
    return loss
  }
}
