// The lecture's small network, MLP(3, [4, 4, 1]), and its four examples.
//
// One forward pass on [2, 3, -1] is already a graph of 117 Values; the
// loss of the four examples (the sum of squared errors against their
// targets) is one of 360, and backward() fills in all their grads. The
// weights come from SplitMix64 seeded 42, so every run is the same.
//
// Each graph is drawn with a box per neuron, labelled "layer 1 · neuron 2"
// (n.layers[0].neurons[1]: its weights, its bias and, for every example,
// its products, sums and tanh), inside a box per layer; and folded, each
// neuron's chain of * and + drawn as one value, Σ w·x + b.
//
//   swift run mlp [--out DIR]   writes mlp-forward and mlp-forward-folded
//                               (.dot, .svg, .png), mlp-loss (.dot, .svg:
//                               663 nodes drawn, too many for a PNG) and
//                               mlp-loss-folded (.dot, .svg, .png)
import Figures
import GraphRender
import Micrograd

lessonMain("mlp", summary: "MLP(3, [4, 4, 1]): one forward graph and the loss of four examples, boxed by layer and neuron, then folded") { figures in
  var rng = SplitMix64(seed: 42)
  let n = MLP(3, [4, 4, 1], using: &rng)
  print("parameters: \(n.parameters().count)")
  let out = n([2.0, 3.0, -1.0])[0]
  out.label = "out"
  print("n([2, 3, -1]) = \(out.data)")
  let forward = try drawDot(out, options: .init(clusters: n))
  try figures.draw(forward, "mlp-forward", caption: "MLP(3, [4, 4, 1]) on [2, 3, -1], forward, a box per neuron")
  // Folded: no page, since its steps of backward() would update values
  // that the folded figure does not draw.
  let forwardFolded = try drawDot(out, options: .init(clusters: n, folded: true))
  try figures.draw(forwardFolded, "mlp-forward-folded")

  // The four examples and their targets.
  let xs: [[Double]] = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]
  let ys: [Double] = [1, -1, -1, 1]
  let ypred = xs.map { n($0)[0] }
  let loss = sumSquaredError(ypred, ys); loss.label = "loss"
  loss.backward()
  print("loss = \(loss.data)")
  let lossDrawing = try drawDot(loss, options: .init(clusters: n))
  try figures.draw(lossDrawing, "mlp-loss", caption: "The loss of MLP(3, [4, 4, 1]) on four examples, after backward(), a box per neuron")
  let lossFolded = try drawDot(loss, options: .init(clusters: n, folded: true))
  try figures.draw(lossFolded, "mlp-loss-folded")

  // Folded, each neuron's weighted sum is one value instead of a chain.
  print("mlp-forward: \(forward.nodeCount) nodes, folded \(forwardFolded.nodeCount)")
  print("mlp-loss: \(lossDrawing.nodeCount) nodes, folded \(lossFolded.nodeCount)")
}
