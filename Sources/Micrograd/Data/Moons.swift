import Foundation

/// Two interleaving half circles, the data set of micrograd's demo
/// (scikit-learn's `make_moons`), made from a seeded generator.
public struct Moons: Sendable {
  /// The points, each `[x, y]`.
  public let points: [[Double]]
  /// Each point's class: `-1` for the upper moon, `+1` for the lower one.
  public let labels: [Double]

  /// Makes `count` points: the first half on the upper moon
  /// (`cos t, sin t`), the rest on the lower one (`1 - cos t, 0.5 - sin t`),
  /// `t` evenly spaced in `[0, π]`, each coordinate moved by normal noise
  /// of standard deviation `noise` (x then y, point by point).
  ///
  /// - Parameters:
  ///   - count: How many points; at least 2.
  ///   - noise: The noise's standard deviation.
  ///   - generator: Where the noise comes from.
  public init(count: Int = 100, noise: Double = 0.1, using generator: inout some RandomNumberGenerator) {
    precondition(count >= 2, "Moons: need at least 2 points, got \(count)")
    let upper = count / 2
    let lower = count - upper
    var points: [[Double]] = []
    var labels: [Double] = []
    for i in 0..<upper {
      let t = Double.pi * Double(i) / Double(max(upper - 1, 1))
      points.append([Foundation.cos(t), Foundation.sin(t)])
      labels.append(-1)
    }
    for i in 0..<lower {
      let t = Double.pi * Double(i) / Double(max(lower - 1, 1))
      points.append([1 - Foundation.cos(t), 0.5 - Foundation.sin(t)])
      labels.append(1)
    }
    for i in points.indices {
      points[i][0] += noise * generator.normal()
      points[i][1] += noise * generator.normal()
    }
    self.points = points
    self.labels = labels
  }
}
