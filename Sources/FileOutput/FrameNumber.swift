#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// The names of a sequence of frames (one figure per step of
/// `backward()`): `step-000`, `step-001`, ..., three digits, or as many
/// as the last number needs, so that the names sort in order.
public enum FrameNumber {
  /// The name of frame `k` of `count`: `base-` and `k` with leading zeros.
  ///
  /// ```swift
  /// FrameNumber.name("step", 7, of: 8)      // "step-007"
  /// FrameNumber.name("step", 7, of: 1_200)  // "step-0007"
  /// ```
  public static func name(_ base: String, _ k: Int, of count: Int) -> String {
    let digits = max(3, String(max(count - 1, 0)).count)
    let number = String(k)
    return base + "-" + String(repeating: "0", count: max(0, digits - number.count)) + number
  }

  /// The base and number of a frame's name (without its extension), or
  /// `nil` when it is not one: `chain-step-007` is `("chain-step", 7)`.
  public static func parse(_ name: some StringProtocol) -> (base: String, number: Int)? {
    guard let dash = name.lastIndex(of: "-") else { return nil }
    let digits = name[name.index(after: dash)...]
    guard digits.count >= 3, digits.allSatisfy({ $0.isASCII && $0.isNumber }), let number = Int(digits) else {
      return nil
    }
    return (String(name[..<dash]), number)
  }

  /// Why a folder holding `entries` (its entries that are not hidden) must
  /// not be replaced by a new sequence of frames named `base-NNN.ext`: one
  /// of them is not an earlier frame, a regular file of such a name; or
  /// `nil` when it may be. A ``StagedFolder``'s check.
  public static func refusal(base: String) -> (_ folder: String, _ entries: [String]) -> String? {
    { folder, entries in
      for entry in entries {
        let parts = entry.split(separator: ".", maxSplits: 1)
        var info = stat()
        guard parts.count == 2, parse(parts[0])?.base == base,
          parts[1].allSatisfy({ $0.isASCII && ($0.isLetter || $0.isNumber) }),
          lstat(folder + "/" + entry, &info) == 0, info.st_mode & S_IFMT == S_IFREG
        else {
          return "it holds \"\(entry)\", which is not an earlier frame (a file \(base)-NNN.ext); "
            + "pass a new or empty folder, or one that holds only frames"
        }
      }
      return nil
    }
  }
}
