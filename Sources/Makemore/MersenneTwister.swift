/// The standard mt19937 generator, which both PyTorch's CPU generator and
/// Python's `random` use; they only seed it differently.
struct MersenneTwister: Sendable {
  private var state = [UInt32](repeating: 0, count: 624)
  private var index = 624

  /// Seeds with one 32-bit number: mt19937's `init_genrand` (PyTorch).
  init(seed: UInt32) {
    state[0] = seed
    for i in 1..<624 {
      let previous = state[i - 1]
      state[i] = 1_812_433_253 &* (previous ^ (previous >> 30)) &+ UInt32(i)
    }
  }

  /// Seeds with a key of 32-bit words: mt19937's `init_by_array` (Python).
  init(key: [UInt32]) {
    precondition(!key.isEmpty, "init_by_array needs at least one word")
    self.init(seed: 19_650_218)
    var i = 1
    var j = 0
    for _ in 0..<max(624, key.count) {
      let previous = state[i - 1]
      state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_664_525)) &+ key[j] &+ UInt32(j)
      i += 1
      j += 1
      if i >= 624 {
        state[0] = state[623]
        i = 1
      }
      if j >= key.count { j = 0 }
    }
    for _ in 0..<623 {
      let previous = state[i - 1]
      state[i] = (state[i] ^ ((previous ^ (previous >> 30)) &* 1_566_083_941)) &- UInt32(i)
      i += 1
      if i >= 624 {
        state[0] = state[623]
        i = 1
      }
    }
    state[0] = 0x8000_0000
  }

  /// The next 32 random bits (mt19937's `genrand_int32`).
  mutating func next() -> UInt32 {
    if index >= 624 { twist() }
    var y = state[index]
    index += 1
    y ^= y >> 11
    y ^= (y << 7) & 0x9D2C_5680
    y ^= (y << 15) & 0xEFC6_0000
    y ^= y >> 18
    return y
  }

  private mutating func twist() {
    for i in 0..<624 {
      let y = (state[i] & 0x8000_0000) | (state[(i + 1) % 624] & 0x7FFF_FFFF)
      state[i] = state[(i + 397) % 624] ^ (y >> 1) ^ (y & 1 == 0 ? 0 : 0x9908_B0DF)
    }
    index = 0
  }
}
