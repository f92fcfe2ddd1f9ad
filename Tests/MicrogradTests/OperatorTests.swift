import Testing

@testable import Micrograd

@Suite("Operators")
struct OperatorTests {
  @Test("** binds tighter than * and groups to the right")
  func precedence() {
    let b = Value(2.0)
    let x = 2 * b ** 3
    #expect(x.data == 16)
    #expect(x.op == .multiply)
    #expect(x.operands[1].op == .power(3))

    let y = b ** 2 ** 3  // b ** 8
    #expect(y.data == 256)
    #expect(y.op == .power(8))
    // Swift's prefix operators bind before any infix one, so unlike Python
    // `-b ** 2` is `(-b) ** 2`; write `-(b ** 2)` for Python's meaning.
    #expect((-b ** 2).data == 4)
    #expect((-(b ** 2)).data == -4)
    #expect((2.0 ** 3.0) == 8)
  }

  @Test("a Double on either side of every operator", arguments: [-2.5, 0.0, 3.0])
  func mixedOperands(a: Double) {
    let x = Value(a)
    let cases: [(Value, Double, Double)] = [
      // (expression, expected data, expected d/dx)
      (x + 2, a + 2, 1), (2 + x, 2 + a, 1),
      (x - 2, a - 2, 1), (2 - x, 2 - a, -1),
      (x * 3, a * 3, 3), (3 * x, 3 * a, 3),
      (x / 4, a / 4, 0.25), (-x, -a, -1),
    ]
    for (expression, data, derivative) in cases {
      x.grad = 0
      expression.backward()
      #expect(expression.data == data)
      #expect(x.grad == derivative)
    }
    if a != 0 {
      x.grad = 0
      let r = 2 / x
      r.backward()
      #expect(abs(r.data - 2 / a) < 1e-15)
      #expect(abs(x.grad - -2 / (a * a)) < 1e-12)
    }
  }

  @Test("graphs are shaped as micrograd shapes them")
  func graphShapes() {
    let a = Value(5, label: "a")
    let b = Value(2, label: "b")
    // -b is b * -1
    let negated = -b
    #expect(negated.op == .multiply)
    #expect(negated.operands[0] === b)
    #expect(negated.operands[1].data == -1 && negated.operands[1].isLeaf)
    // a - b is a + (-b)
    let difference = a - b
    #expect(difference.op == .add)
    #expect(difference.operands[0] === a)
    #expect(difference.operands[1].op == .multiply)
    // a / b is a * b ** -1
    let quotient = a / b
    #expect(quotient.op == .multiply)
    #expect(quotient.operands[1].op == .power(-1))
    #expect(quotient.operands[1].operands[0] === b)
    // a / 2.0 multiplies by a leaf holding 0.5
    #expect((a / 2.0).operands[1].data == 0.5)
    // a * a keeps both operands and gets gradient 2a
    let square = a * a
    #expect(square.operands.count == 2)
    #expect(square.operands[0] === a && square.operands[1] === a)
    square.backward()
    #expect(a.grad == 10)
    // leaves
    #expect(a.isLeaf && a.op == nil && a.operands.isEmpty)
    #expect(a.tanh().operands == [a])
  }

  @Test("compound assignment rebinds, as Python's += does")
  func compoundAssignment() {
    let a = Value(3.0)
    var c = a
    c += 1
    #expect(c.data == 4 && a.data == 3 && c !== a)
    c -= a
    #expect(c.data == 1)
    c *= 6.0
    #expect(c.data == 6)
    c /= Value(4)
    #expect(c.data == 1.5)
    c += a
    c -= 0.5
    c *= a
    c /= 2
    #expect(c.data == 6)
    c.backward()
    // c = (((((a+1) - a) * 6) / 4 + a) - 0.5) * a / 2 = (1 + a) * a / 2
    #expect(abs(a.grad - (1 + 2 * 3.0) / 2) < 1e-12)
  }

  @Test("operation names print as micrograd prints them")
  func operationNames() {
    let x = Value(2)
    #expect((x + x).op?.description == "+")
    #expect((x * x).op?.description == "*")
    #expect((x ** 2).op?.description == "**2")
    #expect((x ** -1).op?.description == "**-1")
    #expect((x ** 0.5).op?.description == "**0.5")
    #expect(x.tanh().op?.description == "tanh")
    #expect(x.exp().op?.description == "exp")
    #expect(x.log().op?.description == "log")
    #expect(x.relu().op?.description == "ReLU")
    #expect(x.sigmoid().op?.description == "sigmoid")
    #expect(Operation.add.arity == 2 && Operation.tanh.arity == 1)
  }

  @Test("values print and compare as nodes")
  func printingAndIdentity() {
    let a = Value(2.0, label: "a")
    #expect(a.description == "a: Value(data=2.0, grad=0.0)")
    #expect(Value(-8).description == "Value(data=-8.0, grad=0.0)")
    let twin = Value(2.0, label: "a")
    #expect(a != twin)
    #expect(Set([a, a, twin]).count == 2)
    a.data = 7
    a.label = "renamed"
    #expect(a.description == "renamed: Value(data=7.0, grad=0.0)")
  }

  @Test("topological order is micrograd's, operands in order, itself last")
  func topologicalOrder() {
    let (a, b, c) = (Value(1), Value(2), Value(3))
    let e = a * b
    let d = e + c
    let L = d * a
    #expect(L.topologicalOrder() == [a, b, e, c, d, L])
    // Marks are cleared: a second walk gives the same order.
    #expect(L.topologicalOrder() == [a, b, e, c, d, L])
    #expect(a.topologicalOrder() == [a])
  }

  @Test("backward accumulates; zeroGradInGraph resets the whole graph")
  func accumulationAndReset() {
    let a = Value(3.0)
    let y = a * a + a
    y.backward()
    #expect(a.grad == 7)
    // As in micrograd, every node accumulates, intermediates too: the
    // product's grad is now 2, so a gets 2 * 2a + 1 = 13 more.
    y.backward()
    #expect(a.grad == 20)
    y.zeroGradInGraph()
    #expect(y.topologicalOrder().allSatisfy { $0.grad == 0 })
    y.backward()
    #expect(a.grad == 7)
  }

  @Test("local derivatives, as the chain rule uses them")
  func localDerivatives() {
    let a = Value(2)
    let b = Value(-3)
    func derivatives(_ v: Value) -> [Double] { (0..<2).map { v.localDerivative(at: $0) } }
    #expect(derivatives(a * b) == [-3, 2])
    #expect(derivatives(a + b) == [1, 1])
    #expect(derivatives(a ** 3) == [12, 0])  // 0 past the last operand
    #expect(derivatives(a) == [0, 0])  // a leaf has none
  }

  @Test("backwardStep multiplies the gradient by localDerivative(at:), for every operation")
  func backwardStepUsesLocalDerivatives() {
    let makers: [(Value, Value) -> Value] = [
      { a, b in a + b }, { a, b in a * b }, { a, _ in a ** 3 }, { a, _ in a ** 0.5 },
      { a, _ in a.tanh() }, { a, _ in a.exp() }, { a, _ in a.log() }, { a, _ in a.relu() },
      { a, _ in a.sigmoid() }, { a, b in Value.sumNode([a, b, a]) },
      { a, b in Value.dot([a, b], [b, b]) },
    ]
    for make in makers {
      let a = Value(0.75)
      let b = Value(-1.5)
      let out = make(a, b)
      out.grad = 2
      out.backwardStep()
      // What each operand received, summed over the places it appears.
      var expected: [ObjectIdentifier: Double] = [:]
      for (i, operand) in out.operands.enumerated() {
        expected[ObjectIdentifier(operand), default: 0] += out.localDerivative(at: i) * 2
      }
      #expect(a.grad == expected[ObjectIdentifier(a), default: 0], "\(out.op!)")
      #expect(b.grad == expected[ObjectIdentifier(b), default: 0], "\(out.op!)")
    }
  }
}
