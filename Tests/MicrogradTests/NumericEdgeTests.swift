import Testing

@testable import Micrograd

/// Bad numeric input never crashes: NaN and infinities follow IEEE 754, the
/// activations stay stable, and `firstNonFinite` finds where things went wrong.
@Suite("NaN, infinities and stability")
struct NumericEdgeTests {
  @Test("tanh and sigmoid saturate without NaN", arguments: [800.0, 1000.0, -800.0, 1e300])
  func saturation(x: Double) {
    let t = Value(x).tanh()
    let s = Value(x).sigmoid()
    t.backward()
    s.backward()
    #expect(t.data == (x > 0 ? 1 : -1))
    #expect(s.data == (x > 0 ? 1 : 0))
    #expect(t.operands[0].grad == 0)
    #expect(s.operands[0].grad == 0)
    #expect(t.firstNonFinite() == nil && s.firstNonFinite() == nil)
  }

  @Test("the written-out tanh overflows where tanh() does not")
  func writtenOutTanhOverflows() {
    let n = Value(800)
    let e = (2 * n).exp()
    let o = (e - 1) / (e + 1)
    #expect(o.data.isNaN)
    #expect(Value(800).tanh().data == 1)
  }

  @Test("IEEE 754: log(0), x / 0, a negative number to a fractional power")
  func ieee() {
    let zero = Value(0)
    #expect(zero.log().data == -.infinity)
    #expect((Value(1) / zero).data == .infinity)
    #expect((Value(-1) / zero).data == -.infinity)
    #expect((Value(-8) ** (1.0 / 3)).data.isNaN)
    #expect((Value(-8) ** 3).data == -512)
    #expect(Value(-1).log().data.isNaN)
    #expect(Value(1000).exp().data == .infinity)
    #expect(Value(.nan).relu().data.isNaN)
    #expect(Value(.nan).tanh().data.isNaN)
    #expect(Value(-.infinity).sigmoid().data == 0)
    #expect(Value(.infinity).sigmoid().data == 1)
  }

  @Test("backward through log(0), x / 0 and NaN gives IEEE gradients, not a crash")
  func backwardThroughBadNumbers() {
    let x = Value(0)
    let l = x.log()
    l.backward()
    #expect(x.grad == .infinity)  // 1 / 0

    let y = Value(0)
    let q = Value(3) / y
    q.backward()
    #expect(q.data == .infinity)
    #expect(y.grad == -.infinity)  // 3 * (-1 * 0 ** -2)

    let n = Value(.nan, label: "n")
    let t = (n * 2).tanh() + 1
    t.backward()
    #expect(t.data.isNaN && n.grad.isNaN)
    #expect(t.firstNonFinite()?.value === n)

    let z = Value(0)
    let constant = z ** 0
    constant.backward()
    #expect(constant.data == 1)
    #expect(z.grad == 0)  // not 0 * inf
  }

  @Test("firstNonFinite finds the earliest bad data, not its consequences")
  func firstBadData() {
    let x = Value(0, label: "x")
    let w = Value(3, label: "w")
    let l = x.log()
    l.label = "l"  // -inf starts here
    let m = l * w
    m.label = "m"  // -inf
    let y = (m + 1).tanh()
    y.label = "y"  // -1: finite again
    let z = y * m
    z.label = "z"  // inf
    let found = z.firstNonFinite()
    #expect(found?.value === l)
    #expect(found?.field == .data)
  }

  @Test("firstNonFinite finds the gradient nearest the output when the data is finite")
  func firstBadGrad() {
    let x = Value(0, label: "x")
    let r = x ** 0.5
    r.label = "r"  // 0, with an infinite derivative
    let y = r * 2
    y.label = "y"
    y.backward()
    let found = y.firstNonFinite()
    #expect(found?.value === x)
    #expect(found?.field == .grad)
    #expect(x.grad == .infinity)
  }

  @Test("a finite graph has no non-finite node")
  func allFinite() {
    let a = Value(2)
    let b = Value(-3)
    let y = (a * b).tanh()
    y.backward()
    #expect(y.firstNonFinite() == nil)
  }
}

extension NonFiniteValue: Equatable {
  public static func == (lhs: NonFiniteValue, rhs: NonFiniteValue) -> Bool {
    lhs.value === rhs.value && lhs.field == rhs.field
  }
}
