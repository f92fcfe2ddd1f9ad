import Micrograd

/// micrograd's "more operations" test expression, `g(a, b)`, shared by the
/// reference test and the gradient check.
func moreOperationsExpression(_ a: Value, _ b: Value) -> Value {
  var c = a + b
  var d = a * b + b ** 3
  c += c + 1
  c += 1 + c + (-a)
  d += d * 2 + (b + a).relu()
  d += 3 * d + (b - a).relu()
  let e = c - d
  let f = e ** 2
  var g = f / 2.0
  g += 10.0 / f
  return g
}
