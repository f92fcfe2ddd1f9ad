/// Python's `random` module, as far as the lecture uses it: `seed` with an
/// integer and `shuffle`, so that `random.seed(42); random.shuffle(words)`
/// splits the names exactly as the notebook does.
///
/// ```swift
/// var random = PythonRandom(seed: 42)
/// random.shuffle(&words)  // words[0] == "yuheng" for names.txt
/// ```
public struct PythonRandom: Sendable {
  private var twister: MersenneTwister

  /// `random.seed(seed)` for a non-negative integer: mt19937's
  /// `init_by_array` with the seed's 32-bit words, lowest first.
  public init(seed: UInt64) {
    var key: [UInt32] = []
    var rest = seed
    repeat {
      key.append(UInt32(truncatingIfNeeded: rest))
      rest >>= 32
    } while rest != 0
    twister = MersenneTwister(key: key)
  }

  /// `random.getrandbits(k)` for `1 <= k <= 32`: the top `k` bits of one draw.
  public mutating func getrandbits(_ k: Int) -> UInt32 {
    precondition((1...32).contains(k), "getrandbits here takes 1 to 32 bits")
    return twister.next() >> UInt32(32 - k)
  }

  /// `random.random()`: a float64 in [0, 1) from 27 and 26 bits of two draws.
  public mutating func random() -> Double {
    let a = Double(twister.next() >> 5)
    let b = Double(twister.next() >> 6)
    return (a * 67_108_864 + b) / 9_007_199_254_740_992
  }

  /// Python's `_randbelow(n)`: `getrandbits(n.bit_length())` until below `n`.
  mutating func randbelow(_ n: Int) -> Int {
    precondition(n > 0 && n <= Int(UInt32.max), "randbelow needs 0 < n < 2^32")
    let k = Int.bitWidth - n.leadingZeroBitCount
    var r = Int(getrandbits(k))
    while r >= n { r = Int(getrandbits(k)) }
    return r
  }

  /// `random.shuffle(x)`: from the last element down, swap each with one
  /// at or before it.
  public mutating func shuffle<T>(_ x: inout [T]) {
    guard x.count > 1 else { return }
    for i in stride(from: x.count - 1, through: 1, by: -1) {
      x.swapAt(i, randbelow(i + 1))
    }
  }
}
