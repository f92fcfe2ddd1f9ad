// The lecture's training loop: MLP(3, [4, 4, 1]) learns its four examples.
//
// Each step: forward (the loss of the four examples), backward (with the
// gradients zeroed first: the notes' loop forgets to, and then the steps
// add up), and an update of every parameter against its gradient. The
// network is mlp's, seeded 42; the loss curve is a plot of the 50 steps.
//
//   swift run training [--out DIR]   writes training-loss.svg
import Figures
import Micrograd
import Plots

lessonMain("training", summary: "gradient descent on the four examples, and its loss curve") { figures in
  var rng = SplitMix64(seed: 42)
  let n = MLP(3, [4, 4, 1], using: &rng)
  let xs: [[Double]] = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]
  let ys: [Double] = [1, -1, -1, 1]

  var curve: [(Double, Double)] = []
  for k in 0..<50 {
    // forward pass
    let ypred = xs.map { n($0)[0] }
    let loss = sumSquaredError(ypred, ys)
    // backward pass
    n.zeroGrad()
    loss.backward()
    // update, with the lecture's learning rate
    SGD(learningRate: 0.05).step(n)
    print("step \(k) loss \(loss.data)")
    curve.append((Double(k), loss.data))
  }
  let predictions = xs.map { n($0)[0].data }
  print("predictions \(predictions)")
  try figures.write(
    LinePlot(
      title: "training loss", xLabel: "step", yLabel: "loss (sum of squared errors)",
      series: [Series("loss", points: curve)], yRange: .includingZero),
    "training-loss")
}
