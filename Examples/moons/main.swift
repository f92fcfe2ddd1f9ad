// micrograd's demo: a two-layer ReLU network learns the moons.
//
// 100 points in two interleaved half-moons (labels -1 and 1), and
// MLP(2, [16, 16, 1]) with ReLU and a linear output: 337 parameters.
// 100 steps of gradient descent on the SVM max-margin loss plus L2
// regularization, with a learning rate that decays from 1.0 to 0.1, reach
// 100% accuracy. Seeded with SplitMix64(1337): every run is the same.
//
//   swift run -c release moons [--out DIR]   writes moons-training.svg (loss
//                                            and accuracy), moons-boundary.svg
import Figures
import Micrograd

lessonMain("moons", summary: "micrograd's demo: MLP(2, [16, 16, 1]) on the moons, 100 steps") { figures in
  var rng = SplitMix64(seed: 1337)
  let data = Moons(count: 100, noise: 0.1, using: &rng)
  let model = MLP(2, [16, 16, 1], activation: .relu, outputActivation: .linear, using: &rng)
  print("parameters: \(model.parameters().count)")

  var losses: [(Double, Double)] = []
  var accuracies: [(Double, Double)] = []
  for k in 0..<100 {
    // forward: SVM max-margin loss plus L2 regularization
    let scores = data.points.map { model($0.map { Value($0) })[0] }
    let loss = svmMaxMarginLoss(scores, data.labels) + l2Regularization(model.parameters(), alpha: 1e-4)
    let correct = zip(scores, data.labels).filter { ($0.data > 0) == ($1 > 0) }.count
    let accuracy = Double(correct) / Double(data.labels.count)
    // backward
    model.zeroGrad()
    loss.backward()
    // update, with a learning rate that decays from 1.0 to 0.1
    SGD(learningRate: 1.0 - 0.9 * Double(k) / 100).step(model)
    print("step \(k) loss \(loss.data), accuracy \(accuracy * 100)%")
    losses.append((Double(k), loss.data))
    accuracies.append((Double(k), accuracy * 100))
  }
  try figures.write(
    PlotRow([
      LinePlot(
        title: "loss", xLabel: "step", yLabel: "max-margin loss + L2",
        series: [Series("loss", points: losses)], yRange: .includingZero),
      LinePlot(
        title: "accuracy", xLabel: "step", yLabel: "accuracy (%)",
        series: [Series("accuracy", points: accuracies)], yRange: .includingZero),
    ]), "moons-training")

  // The sign of the model's score over the plane, and the data on top.
  let boundary = try DecisionBoundary(title: "decision boundary", points: data.points, labels: data.labels) { x, y in
    model([Value(x), Value(y)])[0].data
  }
  try figures.write(boundary, "moons-boundary")
}
