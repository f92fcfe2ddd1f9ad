internal import CFileSystem
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// Standard output and standard error, as every program of the package
/// uses them: `micrograd`, the lessons, `names-mlp` and `bench`.
///
/// - A failed write to standard output (a full disk, a closed descriptor,
///   a reader that went away) is an error: one line on standard error and
///   a non-zero exit status, never a crash and never a silent success.
/// - Every message is one line: control characters in it, and the
///   characters that reorder or hide text, are shown as visible text
///   (``visible(_:)``), so that echoed input cannot act on the terminal.
public enum Terminal {
  /// The exit status of a program stopped by an error: bad input, a file
  /// that cannot be written, standard output that cannot be written.
  public static let failureStatus: Int32 = 2

  /// Makes a broken pipe an error that ``exit(_:status:)`` reports,
  /// instead of a signal that ends the program without a word. Call it
  /// first thing in `main`.
  public static func reportBrokenPipes() {
    signal(SIGPIPE, SIG_IGN)
  }

  /// The environment variable through which a program that runs another
  /// (`micrograd figures` running a lesson) gives its process ID, so
  /// that the program run ends when it does (``endWithParent()``).
  public static let parentVariable = "MICROGRAD_PARENT_PID"

  /// When ``parentVariable`` names a process, the one that started this
  /// one, watches it (ten times a second, on a thread of its own) and
  /// ends this process, with status 143, as soon as it is gone (killed,
  /// say): no orphan keeps running. If it is gone already, before this
  /// was called (this process then has another parent), ends at once.
  /// Without the variable, does nothing.
  public static func endWithParent() {
    guard let text = getenv(parentVariable), let parent = Int32(String(cString: text)) else { return }
    // Only the program that set the variable runs this one; a kill can
    // come between its start and this call.
    guard parent == getppid() else { _exit(143) }
    Thread.detachNewThread {
      while getppid() == parent { usleep(100_000) }
      _exit(143)
    }
  }

  /// Writes `bytes` to standard output, after whatever `print` wrote.
  ///
  /// - Throws: ``OutputError`` with the system's reason; the caller ends
  ///   the program (``fail(_:_:detail:status:)``).
  public static func write(_ bytes: [UInt8]) throws(OutputError) {
    guard bytes.withUnsafeBytes({ cfs_write_stdout($0.baseAddress, $0.count) }) == 0 else {
      throw OutputError("cannot write to standard output: \(reason())")
    }
  }

  /// Flushes standard output and exits with `status`; if standard output
  /// could not be written (now, or by an earlier `print`), says so as
  /// ``fail(_:_:detail:status:)`` does instead.
  public static func exit(_ program: String, status: Int32 = 0) -> Never {
    errno = 0
    if cfs_flush_stdout() != 0 {
      fail(program, "cannot write to standard output: \(reason())")
    }
    systemExit(status)
  }

  /// Writes `PROGRAM: MESSAGE` (`program` may say more: `micrograd:
  /// error`) and then `detail` to standard error and
  /// exits with `status` (``failureStatus`` unless said). `message` is
  /// one line (its line breaks are shown as `␊`), and at most 2,000
  /// characters (cut as ``quoted(_:limit:)`` cuts); `detail` is lines,
  /// each ending with a line break, the control characters within them
  /// shown.
  public static func fail(
    _ program: String, _ message: String, detail: String = "", status: Int32 = failureStatus
  ) -> Never {
    writeError("\(program): \(visible(quoted(message, limit: 2_000)))\n" + visibleLines(detail))
    systemExit(status)
  }

  /// Writes `text` to standard error as it is. An error there has nowhere
  /// to be reported, so it is ignored (the exit status still tells).
  public static func writeError(_ text: String) {
    var text = text
    text.withUTF8 { buffer in
      var offset = 0
      while offset < buffer.count {
        let n = systemWrite(2, buffer.baseAddress! + offset, buffer.count - offset)
        if n < 0, errno == EINTR { continue }
        guard n > 0 else { return }
        offset += n
      }
    }
  }

  /// `text` with the control characters within each line visible, its
  /// line feeds kept.
  public static func visibleLines(_ text: String) -> String {
    text.split(separator: "\n", omittingEmptySubsequences: false)
      .map { visible(String($0)) }
      .joined(separator: "\n")
  }

  /// `text` with every character that could act on a terminal, or make
  /// the text read other than it is, replaced by a visible stand-in
  /// (``standIn(for:)``).
  ///
  /// ```swift
  /// Terminal.visible("\u{1B}[2Ja")      // "␛[2Ja"
  /// Terminal.visible("abc\u{202E}fed")  // "abc\\u{202E}fed"
  /// ```
  public static func visible(_ text: String) -> String {
    var out = ""
    for c in text.unicodeScalars {
      if let shown = standIn(for: c) {
        out += shown
      } else {
        out.unicodeScalars.append(c)
      }
    }
    return out
  }

  /// What is shown for `c` when it must not reach a terminal as it is, or
  /// `nil` for any other character:
  ///
  /// - a C0 control character (U+0000 to U+001F) becomes its control
  ///   picture, U+2400 to U+241F (`␛`, `␉`, `␊`), and DEL `␡`;
  /// - a C1 control character (U+0080 to U+009F), a bidirectional control
  ///   (U+202A to U+202E, U+2066 to U+2069: they reorder what follows) and
  ///   a zero-width character (U+200B to U+200D, U+2060, U+FEFF: they hide
  ///   between letters) become their Swift escape, `\u{202E}`.
  public static func standIn(for c: Unicode.Scalar) -> String? {
    switch c.value {
    case 0x00..<0x20: String(Character(Unicode.Scalar(0x2400 + c.value)!))
    case 0x7F: "\u{2421}"
    case 0x80..<0xA0, 0x202A...0x202E, 0x2066...0x2069, 0x200B...0x200D, 0x2060, 0xFEFF:
      "\\u{" + String(c.value, radix: 16, uppercase: true) + "}"
    default: nil
    }
  }

  /// At most `limit` characters of `text` for a message: longer text is
  /// cut with `…` and its length, `abcd… (50,000,169 characters)`, so
  /// that a huge input cannot make a huge message.
  public static func quoted(_ text: some StringProtocol, limit: Int = 80) -> String {
    var end = text.startIndex
    var count = 0
    while end < text.endIndex, count < limit {
      text.formIndex(after: &end)
      count += 1
    }
    guard end < text.endIndex else { return String(text) }
    return String(text[..<end]) + "… (\(grouped(text.count)) characters)"
  }

  /// `1234567` as `1,234,567`.
  public static func grouped(_ n: Int) -> String {
    let digits = String(n.magnitude)
    var out = ""
    for (i, c) in digits.enumerated() {
      if i > 0, (digits.count - i) % 3 == 0 { out.append(",") }
      out.append(c)
    }
    return (n < 0 ? "-" : "") + out
  }

  /// The system's reason for the last failed call.
  static func reason() -> String { String(cString: strerror(errno)) }
}

/// The C library's `exit`, which ``Terminal``'s own hides.
private func systemExit(_ status: Int32) -> Never { exit(status) }

/// Why output could not be written or a folder not used: one line that
/// names the path and says what to do.
public struct OutputError: Error, Hashable, Sendable, CustomStringConvertible {
  /// The message.
  public let message: String

  /// An error saying `message`.
  public init(_ message: String) { self.message = message }

  /// The message.
  public var description: String { message }
}
