// The lecture's second expression, L = (a*b + c) * f: forward, backward by
// the chain rule, and the numerical check by nudging, as the notes do.
//
//   swift run expression
import Micrograd

let a = Value(2.0, label: "a")
let b = Value(-3.0, label: "b")
let c = Value(10.0, label: "c")
let e = a * b; e.label = "e"
let d = e + c; d.label = "d"
let f = Value(-2.0, label: "f")
let L = d * f; L.label = "L"
print("L =", L.data)

L.backward()
for v in [a, b, c, e, d, f, L] {
  print("\(v.label).grad =", v.grad)
}

// Nudge d by h and see how much L moves: about dL/dd = f = -2.
let h = 0.001
let nudged = Value(d.data + h) * f
print("(L(d + h) - L(d)) / h =", (nudged.data - L.data) / h)
