import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

extension OutputSafetyTests {
  /// Ctrl-C at a terminal signals the whole process group: micrograd and
  /// its lesson together. The lesson dies first, and micrograd must still
  /// end as interrupted (130, --out unchanged), not as a failed lesson.
  @Test func ctrlCAtATerminalStopsTheRunAsInterrupted() throws {
    let root = try standInLessons(slow: "echo $$ > \"$2/../lesson.pid\"; exec sleep 30")
    let process = Process()
    process.executableURL = root.appendingPathComponent("micrograd")
    process.arguments = ["figures", "--out", "figures", "--quiet"]
    process.currentDirectoryURL = root
    let error = Pipe()
    process.standardError = error
    process.standardOutput = FileHandle.nullDevice
    try process.run()
    let pidFile = root.appendingPathComponent("lesson.pid")
    for _ in 0..<500 where !FileManager.default.fileExists(atPath: pidFile.path) { usleep(10_000) }
    usleep(50_000)
    let lesson = Int32(
      try String(contentsOf: pidFile, encoding: .utf8).trimmingCharacters(in: .whitespacesAndNewlines))!
    // As a terminal signals the group: the lesson, then micrograd, at once.
    kill(lesson, SIGINT)
    kill(process.processIdentifier, SIGINT)
    process.waitUntilExit()
    #expect(process.terminationStatus == 130)
    #expect(
      String(decoding: error.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
        == "micrograd: stopped by SIGINT; --out \"figures\" is unchanged\n")
    #expect(!FileManager.default.fileExists(atPath: root.appendingPathComponent("figures").path))
  }
}
