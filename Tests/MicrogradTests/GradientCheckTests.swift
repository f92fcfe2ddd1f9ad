import Testing

@testable import Micrograd

/// Backpropagation against central differences, for every operation, at
/// several points: zero, negative numbers, large magnitudes.
@Suite("Gradient checks")
struct GradientCheckTests {
  /// An operation under test, with the points where it is differentiable.
  struct Case: CustomTestStringConvertible, Sendable {
    let name: String
    let points: [[Double]]
    let f: @Sendable ([Value]) -> Value
    var testDescription: String { name }
  }

  static let cases: [Case] = [
    Case(name: "a + b", points: [[0, 0], [-3, 2], [1e6, -4e5]]) { $0[0] + $0[1] },
    Case(name: "a * b", points: [[0, 0], [-3, 2], [1e3, -4e2]]) { $0[0] * $0[1] },
    Case(name: "a * a", points: [[0], [-3], [1e4]]) { $0[0] * $0[0] },
    Case(name: "a - b", points: [[0, 0], [-3, 2], [1e6, -4e5]]) { $0[0] - $0[1] },
    Case(name: "a / b", points: [[0, 2], [-3, 0.5], [1e3, -4e2]]) { $0[0] / $0[1] },
    Case(name: "-a", points: [[0], [-3], [1e6]]) { -$0[0] },
    Case(name: "a ** 2", points: [[0], [-3], [1e3]]) { $0[0] ** 2 },
    Case(name: "a ** 3", points: [[0], [-3], [50]]) { $0[0] ** 3 },
    Case(name: "a ** -1", points: [[-3], [0.25], [1e3]]) { $0[0] ** -1 },
    Case(name: "a ** 0.5", points: [[0.25], [3], [1e6]]) { $0[0] ** 0.5 },
    Case(name: "tanh", points: [[0], [-0.7], [2.5], [30]]) { $0[0].tanh() },
    Case(name: "exp", points: [[0], [-3], [50]]) { $0[0].exp() },
    Case(name: "log", points: [[0.01], [1], [1e6]]) { $0[0].log() },
    Case(name: "relu", points: [[-3], [0.5], [1e6]]) { $0[0].relu() },
    Case(name: "sigmoid", points: [[0], [-4], [3], [-40]]) { $0[0].sigmoid() },
    Case(name: "Double + a, Double - a, Double * a, Double / a", points: [[-2], [0.5], [1e3]]) { v in
      (2 + v[0]) * (3 - v[0]) + 4 * v[0] + 5 / v[0]
    },
    Case(
      name: "the lecture's neuron",
      points: [[2, -3, 0, 1, 6.881373587019543], [0, 0, 0, 0, 0], [-1, 2, 3, -0.5, 0.1]]
    ) { v in
      (v[0] * v[1] + v[2] * v[3] + v[4]).tanh()
    },
    Case(name: "micrograd's more operations", points: [[-4, 2], [1.5, -0.5]]) { v in
      moreOperationsExpression(v[0], v[1])
    },
  ]

  @Test("backward agrees with central differences", arguments: cases)
  func agrees(_ c: Case) {
    for point in c.points {
      let check = checkGradients(of: c.f, at: point)
      #expect(
        check.passes(tolerance: 1e-6), "\(c.name) at \(point): analytic \(check.analytic), numeric \(check.numeric)")
    }
  }

  @Test("the check catches a wrong derivative")
  func catchesWrongGradient() {
    // relu's kink: at 0 the one-sided derivatives differ, so the two methods
    // disagree there; a check that cannot fail would pass this.
    let check = checkGradients(of: { $0[0].relu() }, at: [0])
    #expect(check.analytic == [0])
    #expect(abs(check.numeric[0] - 0.5) < 1e-9)
    #expect(!check.passes(tolerance: 1e-3))
    #expect(abs(check.maxError - 0.5) < 1e-9)
  }

  @Test("a NaN or infinite mismatch on any input fails the check")
  func nonFiniteMismatchFails() {
    // d/dy of x * sqrt(y) at y = 0 is infinite; the central difference
    // steps into y < 0 and gets NaN. The bad input is the second one.
    let check = checkGradients(of: { $0[0] * $0[1] ** 0.5 }, at: [1, 0])
    #expect(check.analytic[1] == .infinity)
    #expect(check.numeric[1].isNaN)
    #expect(check.maxError.isNaN)
    #expect(!check.passes(tolerance: 1e-3))
    // Equal infinities agree.
    let agree = GradientCheck(point: [0, 0], analytic: [1, .infinity], numeric: [1, .infinity])
    #expect(agree.passes(tolerance: 0))
    let disagree = GradientCheck(point: [0, 0], analytic: [1, .infinity], numeric: [1, 5])
    #expect(!disagree.passes(tolerance: 1e3))
  }
}
