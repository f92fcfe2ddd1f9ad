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
// The run is also recorded (RecordedTraining): every step at first, then
// sparser, the network's parameters, loss and accuracy, and where in the
// plane each neuron's output is positive; moons-training.html replays it.
//
//   swift run -c release moons [--out DIR]   writes moons-training.svg (loss
//       and accuracy), moons-boundary.svg, moons-training.html (the run, step
//       by step)
import Figures
import Micrograd
import Plots

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

  // The recording: the steps 0...100 it keeps, each neuron's region on a
  // 40 x 40 grid over the points.
  var recording = try RecordedTraining(model, points: data.points, labels: data.labels)
  let schedule = RecordingSchedule(everyStepBefore: 25)
  func forward() -> (loss: Double, accuracy: Double) {
    let lossData = step.forward()
    let correct = data.labels.indices.filter { (step.outputData($0) > 0) == (data.labels[$0] > 0) }.count
    return (lossData, Double(correct) / Double(data.labels.count))
  }
  func record(_ k: Int, _ loss: Double, _ accuracy: Double) throws {
    guard schedule.records(k, last: 100) else { return }
    try step.storeParameters()  // the compiled step's parameters into the model's values
    recording.record(model, step: k, loss: loss, accuracy: accuracy)
  }

  var losses: [(Double, Double)] = []
  var accuracies: [(Double, Double)] = []
  for k in 0..<100 {
    // forward
    let (lossData, accuracy) = forward()
    try record(k, lossData, accuracy)
    // backward
    step.zeroGrad()
    step.backward()
    // update, with a learning rate that decays from 1.0 to 0.1
    step.step(learningRate: 1.0 - 0.9 * Double(k) / 100)
    print("step \(k) loss \(lossData), accuracy \(accuracy * 100)%")
    losses.append((Double(k), lossData))
    accuracies.append((Double(k), accuracy * 100))
  }
  // The trained network, step 100: its loss and accuracy, and its weights
  // back into the model's values.
  let (finalLoss, finalAccuracy) = forward()
  try record(100, finalLoss, finalAccuracy)
  print("step 100 loss \(finalLoss), accuracy \(finalAccuracy * 100)%")
  print("recorded: \(recording.snapshots.count) steps")
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

  // The recorded run as a page: the boundary, the curves and the weights at
  // each recorded step, and each neuron's own region.
  try figures.write(TrainingPage(recording, title: "the moons MLP learning, step by step"), "moons-training")
}
