// micrograd's demo: a two-layer ReLU network learns the moons.
//
// 100 points in two interleaved half-moons (labels -1 and 1), and
// MLP(2, [16, 16, 1]) with ReLU and a linear output: 337 parameters.
// 100 steps of gradient descent on the SVM max-margin loss plus L2
// regularization, with a learning rate that decays from 1.0 to 0.1, reach
// 100% accuracy. Seeded with SplitMix64(1337): every run is the same.
//
// The step's graph has the same shape every step, so it is built once and
// compiled (CompiledGraph), then replayed: the same numbers as building it
// anew every step, as the lecture does, bit for bit, and many times faster.
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

  // forward, traced once: SVM max-margin loss plus L2 regularization. The
  // points are inputs, given before each run; the weights are parameters.
  let inputs = data.points.map { $0.map { _ in Value(0) } }
  let scores = inputs.map { model($0)[0] }
  let loss = svmMaxMarginLoss(scores, data.labels) + l2Regularization(model.parameters(), alpha: 1e-4)
  let step = try CompiledGraph(
    loss, parameters: model.parameters(), inputs: Array(inputs.joined()), outputs: scores)
  try step.setInputs(Array(data.points.joined()))

  var losses: [(Double, Double)] = []
  var accuracies: [(Double, Double)] = []
  for k in 0..<100 {
    // forward
    let lossData = step.forward()
    let correct = data.labels.indices.filter { (step.outputData($0) > 0) == (data.labels[$0] > 0) }.count
    let accuracy = Double(correct) / Double(data.labels.count)
    // backward
    step.zeroGrad()
    step.backward()
    // update, with a learning rate that decays from 1.0 to 0.1
    step.step(learningRate: 1.0 - 0.9 * Double(k) / 100)
    print("step \(k) loss \(lossData), accuracy \(accuracy * 100)%")
    losses.append((Double(k), lossData))
    accuracies.append((Double(k), accuracy * 100))
  }
  // The trained weights, back into the model's values.
  try step.storeParameters()
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
