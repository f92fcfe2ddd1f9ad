import Foundation

/// A small, fast, seeded random number generator (SplitMix64), so that a
/// seed gives the same network on every machine.
///
/// ```swift
/// var rng = SplitMix64(seed: 42)
/// let model = MLP(3, [4, 4, 1], using: &rng)  // the same weights everywhere
/// ```
///
/// The package draws its numbers with ``uniform(_:_:)`` and ``normal()``,
/// whose arithmetic is fixed here rather than left to the standard
/// library's `random(in:using:)`, whose algorithm may change. Uniform draws
/// (and so weights) are exact integer and IEEE arithmetic, identical
/// everywhere; normal draws also call the C library's `log` and `cos`, which
/// may differ in the last bit between platforms.
public struct SplitMix64: RandomNumberGenerator, Sendable {
  /// The generator's whole state.
  public private(set) var state: UInt64

  /// Makes a generator; the same seed gives the same numbers.
  public init(seed: UInt64) {
    state = seed
  }

  /// The next 64 random bits.
  public mutating func next() -> UInt64 {
    state &+= 0x9E37_79B9_7F4A_7C15
    var z = state
    z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
    z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
    return z ^ (z >> 31)
  }
}

extension RandomNumberGenerator {
  /// A number drawn uniformly from `[low, high)`, with 53 random bits:
  /// `low + (high - low) * u` where `u = (next() >> 11) * 2^-53`.
  public mutating func uniform(_ low: Double, _ high: Double) -> Double {
    let u = Double(next() >> 11) * 0x1p-53
    return low + (high - low) * u
  }

  /// A number from the standard normal distribution (Box–Muller, using the
  /// cosine branch of one pair of uniforms per draw).
  public mutating func normal() -> Double {
    let u1 = 1 - uniform(0, 1)  // in (0, 1], so the logarithm is finite
    let u2 = uniform(0, 1)
    return (-2 * Foundation.log(u1)).squareRoot() * Foundation.cos(2 * Double.pi * u2)
  }
}
