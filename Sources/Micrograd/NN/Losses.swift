// MARK: - Losses

/// The lecture's loss: the sum over examples of `(prediction - target) ** 2`.
///
/// ```swift
/// let ypred = xs.map { n($0)[0] }
/// let loss = sumSquaredError(ypred, ys)
/// ```
public func sumSquaredError(_ predictions: [Value], _ targets: [Double]) -> Value {
  precondition(
    predictions.count == targets.count,
    "sumSquaredError: \(predictions.count) predictions but \(targets.count) targets")
  return zip(predictions, targets).map { yout, ygt in (yout - ygt) ** 2 }.sum()
}

/// The mean over examples of `(prediction - target) ** 2`.
public func meanSquaredError(_ predictions: [Value], _ targets: [Double]) -> Value {
  sumSquaredError(predictions, targets) * (1.0 / Double(predictions.count))
}

/// micrograd's demo loss, the SVM max-margin loss: the mean over examples
/// of `relu(1 - label * score)`, with labels `-1` or `+1`.
///
/// Written as micrograd writes it, `(1 + -yi*scorei).relu()`, then
/// `sum(losses) * (1.0 / len(losses))`.
public func svmMaxMarginLoss(_ scores: [Value], _ labels: [Double]) -> Value {
  precondition(
    scores.count == labels.count,
    "svmMaxMarginLoss: \(scores.count) scores but \(labels.count) labels")
  let losses = zip(labels, scores).map { yi, scorei in (1 + -yi * scorei).relu() }
  return losses.sum() * (1.0 / Double(losses.count))
}

/// L2 regularization as micrograd's demo adds it: `alpha * sum(p * p)`.
public func l2Regularization(_ parameters: [Value], alpha: Double) -> Value {
  alpha * parameters.map { p in p * p }.sum()
}
