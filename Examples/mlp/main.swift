// The lecture's small network, MLP(3, [4, 4, 1]), and its four examples.
//
// First the network's architecture: 3 inputs, two layers of 4 neurons, one
// output. One forward pass on [2, 3, -1] is already a graph of 117 Values;
// the loss of the four examples (the sum of squared errors against their
// targets) is one of 360, and backward() fills in all their grads. The
// weights come from SplitMix64 seeded 42, so every run is the same.
//
// Every value has a name: the network labels its parameters by where they
// are (L1.N2.w3 is n.layers[0].neurons[1].w[2], L1.N2.b its bias), the
// drawing names what each neuron computes (L1.N2.w3·x3, the sums L1.N2.Σ1,
// ..., L1.N2.n, the output L1.N2.o, with [k] for example k), and this
// lesson names the inputs, targets and predictions.
//
// The whole graphs are drawn with a box per neuron, labelled
// "layer 1 · neuron 2", inside a box per layer; and folded, each neuron's
// chain of * and + drawn as one value, Σ w·x + b. They are for zooming into
// (their pages); the slides get parts of them: one neuron, one layer,
// one example's path to its loss term.
//
//   swift run mlp [--out DIR]   writes mlp-architecture, the slide views
//                               mlp-neuron, mlp-layer-folded,
//                               mlp-example-folded, mlp-loss-neuron, and
//                               the whole graphs mlp-forward,
//                               mlp-forward-folded, mlp-loss (663 nodes:
//                               no PNG) and mlp-loss-folded
import Figures
import GraphRender
import Micrograd
import Plots

lessonMain(
  "mlp",
  summary:
    "MLP(3, [4, 4, 1]): its architecture, one forward graph and the loss of four examples, neuron by neuron, then whole"
) { figures in
  var rng = SplitMix64(seed: 42)
  let n = MLP(3, [4, 4, 1], using: &rng)
  print("parameters: \(n.parameters().count)")
  try figures.draw(
    NetworkDiagram(n).drawing(), "mlp-architecture",
    caption: "MLP(3, [4, 4, 1]): 3 inputs, two layers of 4 neurons, one output")

  // One forward pass, its inputs named x1, x2, x3.
  let x = [2.0, 3.0, -1.0].enumerated().map { Value($1, label: "x\($0 + 1)") }
  let out = n(x)[0]
  out.label = "ypred"
  print("n([2, 3, -1]) = \(out.data)")
  // One neuron of the first layer, as a slide: its inputs, weights, bias,
  // products, sums and tanh.
  try figures.draw(
    drawDot(
      out,
      options: .init(
        rankdir: .topToBottom, clusters: n, title: "layer 1 · neuron 1 on [2, 3, -1]",
        view: .neuron(layer: 1, neuron: 1))),
    "mlp-neuron", caption: "One neuron of MLP(3, [4, 4, 1]): x · w + b, then tanh")
  // The first layer, each neuron's weighted sum folded into one value.
  try figures.draw(
    drawDot(out, options: .init(clusters: n, folded: true, view: .layer(1))),
    "mlp-layer-folded", caption: "Layer 1 of MLP(3, [4, 4, 1]): four neurons on the same inputs")
  let forward = try drawDot(out, options: .init(clusters: n))
  try figures.draw(
    forward, "mlp-forward",
    caption: "MLP(3, [4, 4, 1]) on [2, 3, -1], forward, a box per neuron (whole: for zooming into)")
  // Folded: no page, since its steps of backward() would update values
  // that the folded figure does not draw.
  let forwardFolded = try drawDot(out, options: .init(clusters: n, folded: true))
  try figures.draw(forwardFolded, "mlp-forward-folded")

  // The four examples and their targets, each value named with its
  // example's number: x2[3] is the second input of example 3.
  let xs: [[Double]] = [[2, 3, -1], [3, -1, 0.5], [0.5, 1, 1], [1, 1, -1]]
  let ys: [Double] = [1, -1, -1, 1]
  let ypred = xs.enumerated().map { k, row in
    let prediction = n(row.enumerated().map { Value($1, label: "x\($0 + 1)[\(k + 1)]") })[0]
    prediction.label = "ypred[\(k + 1)]"
    return prediction
  }
  // loss = sum((yout - ygt)**2 for ygt, yout in zip(ys, ypred)); yout - ygt
  // is yout + (-ygt), so the target comes in as the leaf -y.
  let terms = zip(ypred, ys).enumerated().map { k, pair in
    let error = pair.0 - pair.1
    error.operands[1].label = "−y[\(k + 1)]"
    error.label = "ypred[\(k + 1)] − y[\(k + 1)]"
    let square = error ** 2
    square.label = "(ypred − y)²[\(k + 1)]"
    return square
  }
  let loss = terms.sum()
  var partial = loss
  for k in stride(from: terms.count - 2, to: 0, by: -1) {
    partial = partial.operands[0]
    partial.label = "loss[1…\(k + 1)]"
  }
  loss.label = "loss"
  loss.backward()
  print("loss = \(loss.data)")
  // Example 3's path from its inputs to its loss term, folded; and the
  // output neuron on example 1, after backward().
  try figures.draw(
    drawDot(
      loss,
      options: .init(
        rankdir: .topToBottom, clusters: n, folded: true, title: "example 3: from its inputs to its loss term",
        view: .example(3))),
    "mlp-example-folded", caption: "One example's path through MLP(3, [4, 4, 1]) to its loss term, after backward()")
  try figures.draw(
    drawDot(
      loss,
      options: .init(
        rankdir: .topToBottom, clusters: n, title: "the output neuron on example 1, after backward()",
        view: .neuron(layer: 3, neuron: 1, example: 1))),
    "mlp-loss-neuron", caption: "The output neuron on example 1, after backward(): its gradients")
  let lossDrawing = try drawDot(loss, options: .init(clusters: n))
  try figures.draw(
    lossDrawing, "mlp-loss",
    caption:
      "The loss of MLP(3, [4, 4, 1]) on four examples, after backward(), a box per neuron (whole: for zooming into)")
  let lossFolded = try drawDot(loss, options: .init(clusters: n, folded: true))
  try figures.draw(lossFolded, "mlp-loss-folded")

  // Folded, each neuron's weighted sum is one value instead of a chain.
  print("mlp-forward: \(forward.nodeCount) nodes, folded \(forwardFolded.nodeCount)")
  print("mlp-loss: \(lossDrawing.nodeCount) nodes, folded \(lossFolded.nodeCount)")
}
