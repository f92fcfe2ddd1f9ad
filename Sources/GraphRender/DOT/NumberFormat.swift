#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// How the data and grad of a value are written in a drawing.
///
/// Whatever the user's locale, numbers are written as C and Python write
/// them in the POSIX locale: a `.` before the decimals, no grouping.
/// `-0.0000` is written `0.0000`, and NaN and the infinities as Python's
/// `"%.4f"` writes them: `nan`, `inf`, `-inf`.
public enum NumberFormat: Hashable, Sendable {
  /// A fixed number of decimals, as `"%.4f"` (the lecture's default is 4).
  /// Valid from 0 to 17 decimals.
  case fixed(Int)

  /// The shortest text that reads back as the same `Double` (`0.1`,
  /// `-6.000000000000001`, `1e-05`): full precision.
  case shortest

  /// The largest number of decimals ``fixed(_:)`` accepts.
  public static let maximumDecimals = 17

  /// Writes `x`. Call inside ``inPOSIXLocale(_:)``.
  func format(_ x: Double) -> String {
    if x.isNaN { return "nan" }
    if x.isInfinite { return x < 0 ? "-inf" : "inf" }
    let text: String
    switch self {
    case .fixed(let decimals): text = Self.posixFixed(x, decimals: decimals)
    case .shortest: text = x.description
    }
    return Self.droppingNegativeZero(text)
  }

  /// Checks that the format can be used.
  func validate() throws {
    if case .fixed(let decimals) = self, !(0...Self.maximumDecimals).contains(decimals) {
      throw GraphRenderError.invalidOption(
        "numberFormat .fixed(\(decimals)): the number of decimals must be "
          + "from 0 to \(Self.maximumDecimals)")
    }
  }

  /// `-0.0000` (a negative number that rounds to zero) becomes `0.0000`.
  private static func droppingNegativeZero(_ text: String) -> String {
    guard text.hasPrefix("-"),
      text.utf8.dropFirst().allSatisfy({ $0 == UInt8(ascii: "0") || $0 == UInt8(ascii: ".") })
    else { return text }
    return String(text.dropFirst())
  }

  /// Runs `body` with this thread's numeric locale set to C's, as
  /// ``format(_:)`` needs.
  ///
  /// `uselocale` changes the locale of the calling thread only, and `body`
  /// cannot suspend, so no other task sees the change.
  static func inPOSIXLocale<T>(_ body: () throws -> T) rethrows -> T {
    let posix = newlocale(LC_NUMERIC_MASK, "C", nil)
    let previous = posix.map { uselocale($0) }
    defer {
      if let previous { uselocale(previous) }
      if let posix { freelocale(posix) }
    }
    return try body()
  }

  /// `"%.*f"`, in the locale ``inPOSIXLocale(_:)`` sets.
  private static func posixFixed(_ x: Double, decimals: Int) -> String {
    // 309 digits before the point at most, 17 after, a sign and the point.
    var buffer = [CChar](repeating: 0, count: 340)
    _ = withVaList([Int32(decimals), x]) { arguments in
      vsnprintf(&buffer, buffer.count, "%.*f", arguments)
    }
    let length = buffer.firstIndex(of: 0) ?? buffer.count
    return String(decoding: buffer[..<length].map { UInt8(bitPattern: $0) }, as: UTF8.self)
  }
}
