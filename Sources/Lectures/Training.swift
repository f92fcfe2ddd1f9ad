import Figures
import Micrograd

/// The lecture's training loop on the four examples, with the gradients
/// zeroed before each backward pass (the notes' loop forgets to).
public enum TrainingLecture: Lecture {
  public static let name = "training"
  public static let summary = "gradient descent on the four examples, and its loss curve"

  /// Steps of gradient descent.
  public static let steps = 50
  /// The learning rate, the lecture's.
  public static let learningRate = 0.05

  public static func run(_ figures: inout FigureWriter) throws {
    let n = MLPLecture.network()
    var curve: [(Double, Double)] = []
    for k in 0..<steps {
      // forward pass
      let ypred = MLPLecture.xs.map { n($0)[0] }
      let loss = sumSquaredError(ypred, MLPLecture.ys)
      // backward pass
      n.zeroGrad()
      loss.backward()
      // update
      SGD(learningRate: learningRate).step(n)
      figures.say("step \(k) loss \(loss.data)")
      curve.append((Double(k), loss.data))
    }
    let predictions = MLPLecture.xs.map { n($0)[0].data }
    figures.say("predictions \(predictions)")
    try figures.write(
      LinePlot(
        title: "training loss", xLabel: "step", yLabel: "loss (sum of squared errors)",
        series: [Series("loss", points: curve)], yRange: .includingZero),
      "training-loss")
  }
}
