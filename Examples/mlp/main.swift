// The lecture's small network, MLP(3, [4, 4, 1]), and its four examples.
//
// One forward pass on [2, 3, -1] is already a graph of 117 Values; the
// loss of the four examples (the sum of squared errors against their
// targets) is one of 360, and backward() fills in all their grads. The
// weights come from SplitMix64 seeded 42, so every run is the same.
//
//   swift run mlp [--out DIR]   writes mlp-forward (.dot, .svg, .png) and
//                               mlp-loss (.dot, .svg: 663 nodes drawn, too
//                               many for a PNG)
import Figures
import Micrograd

lessonMain("mlp", summary: "MLP(3, [4, 4, 1]): one forward graph, and the loss of four examples") { figures in
  var rng = SplitMix64(seed: 42)
  let n = MLP(3, [4, 4, 1], using: &rng)
  print("parameters: \(n.parameters().count)")
  let out = n([2.0, 3.0, -1.0])[0]
  out.label = "out"
  print("n([2, 3, -1]) = \(out.data)")
  try figures.draw(out, "mlp-forward", caption: "MLP(3, [4, 4, 1]) on [2, 3, -1], forward")

  // The four examples and their targets.
  let xs: [[Double]] = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]
  let ys: [Double] = [1, -1, -1, 1]
  let ypred = xs.map { n($0)[0] }
  let loss = sumSquaredError(ypred, ys); loss.label = "loss"
  loss.backward()
  print("loss = \(loss.data)")
  try figures.draw(loss, "mlp-loss", caption: "The loss of MLP(3, [4, 4, 1]) on four examples, after backward()")
}
