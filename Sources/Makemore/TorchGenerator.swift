import Foundation

/// A random generator that draws what PyTorch 1.x's CPU generator draws,
/// so that the lecture's seeded samples come out the same: the standard
/// mt19937, seeded as `torch.Generator().manual_seed(seed)` seeds it.
///
/// ```swift
/// var g = TorchGenerator(seed: 2147483647)
/// let p = g.rand(3)        // torch.rand(3, generator=g)
/// ```
public struct TorchGenerator: Sendable {
  private var twister: MersenneTwister

  /// Seeds the generator: mt19937's `init_genrand(seed & 0xffffffff)`.
  public init(seed: UInt64) {
    twister = MersenneTwister(seed: UInt32(truncatingIfNeeded: seed))
  }

  /// The next 32 random bits (mt19937's `genrand_int32`).
  public mutating func nextUInt32() -> UInt32 {
    twister.next()
  }

  /// `torch.randint(0, upperBound, ...)` one draw at a time: 32 bits
  /// modulo `upperBound`, as PyTorch's CPU generator does for ranges
  /// below 2³².
  ///
  /// - Precondition: `0 < upperBound <= UInt32.max`.
  public mutating func randint(_ upperBound: Int) -> Int {
    precondition(upperBound > 0 && upperBound <= Int(UInt32.max), "randint needs 0 < upperBound < 2^32")
    return Int(nextUInt32() % UInt32(upperBound))
  }

  /// A float32 uniform in [0, 1): the low 24 bits of one draw, times 2⁻²⁴.
  public mutating func uniformFloat() -> Float {
    Float(nextUInt32() & 0xFF_FFFF) * 0x1p-24
  }

  /// A float64 uniform in [0, 1): 53 bits of two draws (the first the
  /// high half), times 2⁻⁵³.
  public mutating func uniformDouble() -> Double {
    let hi = UInt64(nextUInt32())
    let lo = UInt64(nextUInt32())
    return Double((hi << 32 | lo) & (1 << 53 - 1)) * 0x1p-53
  }

  /// `torch.rand(count)`: float32 uniforms.
  public mutating func rand(_ count: Int) -> [Float] {
    (0..<count).map { _ in uniformFloat() }
  }

  /// `torch.randn(count)` for a float tensor of at least 16 elements, as
  /// PyTorch's CPU generator fills it: float32 uniforms, then Box-Muller
  /// in blocks of 16 (the first eight give the radii, the last eight the
  /// angles); when `count` is not a multiple of 16, the last 16 are drawn
  /// again and transformed again.
  ///
  /// - Precondition: `count >= 16` (smaller tensors take another path in
  ///   PyTorch, which this does not reproduce).
  public mutating func randn(_ count: Int) -> [Float] {
    precondition(count >= 16, "randn reproduces PyTorch for 16 or more values only")
    var d = rand(count)
    func boxMuller(_ base: Int) {
      for j in 0..<8 {
        let u1 = 1 - d[base + j]
        let u2 = d[base + j + 8]
        let radius = (-2 * Foundation.log(u1)).squareRoot()
        let theta = Float(2.0 * Double.pi * Double(u2))
        d[base + j] = radius * Foundation.cos(theta)
        d[base + j + 8] = radius * Foundation.sin(theta)
      }
    }
    for base in stride(from: 0, through: count - 16, by: 16) { boxMuller(base) }
    if count % 16 != 0 {
      for i in (count - 16)..<count { d[i] = uniformFloat() }
      boxMuller(count - 16)
    }
    return d
  }

  /// `torch.multinomial(p, count, replacement=True)` as PyTorch 1.x drew
  /// it: a float32 running sum of the weights, normalised, its last entry
  /// set to 1; then per sample one float64 uniform and a binary search.
  ///
  /// - Precondition: the weights are non-negative with a positive sum.
  public mutating func multinomial(_ weights: [Float], count: Int) -> [Int] {
    let cumulative = Self.cumulative(weights)
    return (0..<count).map { _ in Self.search(cumulative, uniformDouble()) }
  }

  /// One draw of ``multinomial(_:count:)`` with `count` 1, and the float64
  /// uniform that chose it: the index is the first whose normalised float32
  /// running sum is at least `uniform`.
  ///
  /// - Precondition: the weights are non-negative with a positive sum.
  public mutating func multinomialDraw(_ weights: [Float]) -> (index: Int, uniform: Double) {
    let cumulative = Self.cumulative(weights)
    let u = uniformDouble()
    return (Self.search(cumulative, u), u)
  }

  /// The float32 running sum of `weights`, normalised, its last entry 1.
  private static func cumulative(_ weights: [Float]) -> [Float] {
    var cumulative = [Float](repeating: 0, count: weights.count)
    var total: Float = 0
    for (i, w) in weights.enumerated() {
      total += w
      cumulative[i] = total
    }
    precondition(total > 0, "multinomial needs weights with a positive sum")
    for i in cumulative.indices { cumulative[i] /= total }
    cumulative[cumulative.count - 1] = 1
    return cumulative
  }

  /// The first index whose running sum is at least `u` (binary search).
  private static func search(_ cumulative: [Float], _ u: Double) -> Int {
    var (left, right) = (0, cumulative.count)
    while right - left > 0 {
      let middle = left + (right - left) / 2
      if Double(cumulative[middle]) < u { left = middle + 1 } else { right = middle }
    }
    return left
  }
}

extension TorchGenerator: RandomNumberGenerator {
  /// 64 random bits from two draws, for Swift's own random APIs (an
  /// ordinary seeded generator; PyTorch's draws are the methods above).
  public mutating func next() -> UInt64 {
    UInt64(nextUInt32()) << 32 | UInt64(nextUInt32())
  }
}
