// The derivative, before any Value: f(x) = 3x² - 4x + 5.
//
// The notes start with a plain function of one number, plot it, and ask
// how fast it changes: nudge x by a small h and see how much f moves,
// (f(x + h) - f(x)) / h. At x = 3 the slope is about 14 (6x - 4), at
// x = -3 about -22, and at x = 2/3, the bottom of the parabola, about 0.
// h is not 0, so each slope is off by 3h, as the digits show.
//
//   swift run derivative [--out DIR]   writes derivative.svg
import Figures
import Foundation
import Plots

lessonMain("derivative", summary: "f(x) = 3x² - 4x + 5, plotted, and its slope by nudging x") { figures in
  func f(_ x: Double) -> Double {
    3 * pow(x, 2) - 4 * x + 5  // the notes' 3*x**2 - 4*x + 5
  }
  print("f(3.0) = \(f(3.0))")

  // np.arange(-5, 5, 0.25): from -5 up to, not including, 5.
  let xs = (0..<40).map { -5 + Double($0) * 0.25 }
  try figures.write(
    LinePlot(
      title: "f(x) = 3x² − 4x + 5", xLabel: "x", yLabel: "f(x)",
      series: [Series("f", points: xs.map { ($0, f($0)) })]),
    "derivative")

  // The slope by nudging: rise over run for a small run h.
  let h = 0.0001
  for (name, x) in [("3.0", 3.0), ("-3.0", -3.0), ("2/3", 2.0 / 3.0)] {
    print("slope at x = \(name): \((f(x + h) - f(x)) / h)")
  }
}
