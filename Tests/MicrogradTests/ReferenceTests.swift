import Lectures
import TestSupport
import Testing

@testable import Micrograd

/// Every number in the micrograd sections of docs/reference.md.
@Suite("Reference numbers")
struct ReferenceTests {
  @Test("micrograd's sanity check")
  func sanityCheck() {
    let x = Value(-4.0)
    let z = 2 * x + 2 + x
    let q = z.relu() + z * x
    let h = (z * z).relu()
    let y = h + q + q * x
    y.backward()
    #expect(y.data == -20.0)
    #expect(x.grad == 46.0)
  }

  @Test("micrograd's more operations")
  func moreOperations() {
    let a = Value(-4.0)
    let b = Value(2.0)
    let g = moreOperationsExpression(a, b)
    g.backward()
    #expect(abs(g.data - 24.70408163265306) < 1e-6)
    #expect(abs(a.grad - 138.83381924198252) < 1e-6)
    #expect(abs(b.grad - 645.5772594752186) < 1e-6)
  }

  @Test("the lecture's first addition")
  func add() {
    let a = Value(2.0, label: "a")
    let b = Value(-3.0, label: "b")
    let q = a + b
    #expect(q.data == -1)
    #expect(q.op == .add)
    #expect(q.operands == [a, b])
  }

  @Test("the chain of the first notes")
  func chain() {
    let a = Value(2.0, label: "a")
    let b = Value(-3.0, label: "b")
    let c = Value(5.0, label: "c")
    let e = Value(10.0, label: "e")
    let d = a + b
    let f = c * d
    let l = f + e
    #expect(l.data == 5)
    l.backward()
    #expect([l.grad, f.grad, e.grad, d.grad, c.grad, a.grad, b.grad] == [1, 1, 1, 5, -1, 5, 5])
  }

  @Test("the chain again, one local backward step at a time as the notes do")
  func chainByHand() {
    let a = Value(2.0)
    let b = Value(-3.0)
    let c = Value(5.0)
    let e = Value(10.0)
    let d = a + b
    let f = c * d
    let l = f + e
    l.grad = 1
    for node in [l, f, d] { node.backwardStep() }
    #expect([l.grad, f.grad, e.grad, d.grad, c.grad, a.grad, b.grad] == [1, 1, 1, 5, -1, 5, 5])
  }

  @Test("the notes' two bug demos, as the accumulation lesson builds them: gradients added")
  func accumulation() {
    let (a, b) = Lecture.usedTwice()
    b.backward()
    #expect(b.data == 6 && a.grad == 2)
    let paths = Lecture.twoPaths()
    paths.f.backward()
    #expect(paths.d.data == -6 && paths.e.data == 1 && paths.f.data == -6)
    #expect(paths.a.grad == -3 && paths.b.grad == -8)
    #expect(paths.d.grad == 1 && paths.e.grad == -6)
  }

  @Test("the expression of the second notes, and its numerical check")
  func expression() {
    let a = Value(2.0, label: "a")
    let b = Value(-3.0, label: "b")
    let c = Value(10.0, label: "c")
    let f = Value(-2.0, label: "f")
    let e = a * b
    let d = e + c
    let L = d * f
    #expect(L.data == -8)
    L.backward()
    #expect(a.grad == 6)
    #expect(b.grad == -4)
    #expect(c.grad == -2)
    #expect(e.grad == -2)
    #expect(d.grad == -2)
    #expect(f.grad == 4)
    #expect(L.grad == 1)

    // The notes nudge d by h and watch L move.
    let h = 0.001
    let nudged = Value(d.data + h) * f
    let slope = (nudged.data - L.data) / h
    #expect(abs(slope - -2.000000000000668) < 1e-12)
  }

  @Test("the neuron with tanh")
  func neuronWithTanh() {
    let r = LectureGraphs.neuronValues()
    #expect(abs(r.n.data - 0.8813735870195432) < 1e-12)
    #expect(abs(r.o.data - 0.7071067811865477) < 1e-12)
    #expect(abs(r.x1.grad - -1.5) < 1e-12)
    #expect(abs(r.w1.grad - 1.0) < 1e-12)
    #expect(abs(r.x2.grad - 0.5) < 1e-12)
    #expect(abs(r.w2.grad - 0.0) < 1e-12)
    #expect(abs(r.b.grad - 0.5) < 1e-12)
    #expect(abs(r.n.grad - 0.5) < 1e-12)
  }

  @Test("the neuron with tanh written out with exp gives the same numbers")
  func neuronWithExp() {
    let builtIn = LectureGraphs.neuronValues()
    let written = LectureGraphs.neuronValues(tanhWrittenOut: true)
    #expect(abs(written.o.data - builtIn.o.data) < 1e-12)
    for (x, y) in zip(
      [written.x1, written.w1, written.x2, written.w2, written.b],
      [builtIn.x1, builtIn.w1, builtIn.x2, builtIn.w2, builtIn.b])
    {
      #expect(abs(x.grad - y.grad) < 1e-12)
    }
  }

  @Test("parameter counts of the lecture's and the demo's networks")
  func parameterCounts() {
    var rng = SplitMix64(seed: 0)
    #expect(MLP(3, [4, 4, 1], using: &rng).parameters().count == 41)
    #expect(MLP(2, [16, 16, 1], activation: .relu, outputActivation: .linear, using: &rng).parameters().count == 337)
  }
}
