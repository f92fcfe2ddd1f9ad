import Foundation
import Testing

/// Runs Tests/RenderProbe in fresh processes.
@Suite struct ProcessTests {
  @Test(arguments: ["dot", "svg", "png"])
  func twoProcessesWriteTheSameBytes(_ format: String) throws {
    let first = try Probe.run([format])
    let second = try Probe.run([format])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.output.count > 100)
    #expect(first.output == second.output)
  }

  @Test func numbersIgnoreTheUsersLocale() throws {
    // A German locale (decimal comma): macOS has one; on Linux the test
    // compiles one from glibc's sources (Debian's `locales` package).
    let folder = try TemporaryFolder()
    var german = ["LC_ALL": "de_DE.UTF-8"]
    #if os(Linux)
    let localedef = Process()
    localedef.executableURL = URL(fileURLWithPath: "/usr/bin/localedef")
    localedef.arguments = ["-i", "de_DE", "-f", "UTF-8", folder.url.appendingPathComponent("de_DE.UTF-8").path]
    try localedef.run()
    localedef.waitUntilExit()
    try #require(
      localedef.terminationStatus == 0,
      "localedef could not make de_DE.UTF-8 (on Debian: apt-get install locales)")
    german["LOCPATH"] = folder.url.path
    #endif
    for format in ["dot", "svg"] {
      let plain = try Probe.run([format])
      let localized = try Probe.run([format, "--locale"], environment: german)
      // Status 3 would mean the probe did not get a decimal comma.
      #expect(localized.status == 0, "\(localized.error)")
      #expect(localized.output == plain.output)
    }
  }

  @Test func missingPluginConfigurationSaysWhatToDo() throws {
    let empty = try TemporaryFolder()
    let result = try Probe.run(["svg"], environment: ["GVBINDIR": empty.url.path])
    #expect(result.status == 1)
    #expect(result.output.isEmpty)
    let message = result.error
    #expect(message.contains("Graphviz found no layout plugins"))
    #expect(message.contains("dot -c"))
    #expect(message.contains("libgvc6-config-update"))
    #expect(message.contains("GVBINDIR"))
    #expect(!message.contains("Layout type: \"dot\" not recognized"))
  }

  @Test func rendersDoNotLeak() throws {
    // Peak resident memory after 100 renders and after 1,000. Leaving out
    // agclose, gvFreeLayout or gvFreeRenderData adds 11 to 60 MB here;
    // what remains (about 0.8 MB) is mostly Graphviz 2.43's own leak of
    // record field text, about 10 bytes per field per render.
    let result = try Probe.run(["leak", "1000"])
    #expect(result.status == 0, "\(result.error)")
    let numbers = String(decoding: result.output, as: UTF8.self)
      .split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    try #require(numbers.count == 2)
    #expect(numbers[0] > 0)
    #expect(numbers[1] - numbers[0] < 4 << 20, "grew by \(numbers[1] - numbers[0]) bytes")
  }
}

/// The render-probe executable, built beside the tests.
enum Probe {
  struct Result {
    var status: Int32
    var output: Data
    var error: String
  }

  static var url: URL {
    #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      return bundle.bundleURL.deletingLastPathComponent().appendingPathComponent("render-probe")
    }
    #endif
    return Bundle.main.bundleURL.appendingPathComponent("render-probe")
  }

  /// Runs the probe with `arguments`, adding `environment` to this one's.
  static func run(_ arguments: [String], environment: [String: String] = [:]) throws -> Result {
    let process = Process()
    process.executableURL = url
    process.arguments = arguments
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
    let output = Pipe()
    let error = Pipe()
    process.standardOutput = output
    process.standardError = error
    try process.run()
    // The probe writes at most a line to stderr, far below a pipe's
    // buffer, so reading stdout to its end first cannot deadlock.
    let outputData = output.fileHandleForReading.readDataToEndOfFile()
    let errorData = error.fileHandleForReading.readDataToEndOfFile()
    process.waitUntilExit()
    return Result(
      status: process.terminationStatus, output: outputData,
      error: String(decoding: errorData, as: UTF8.self))
  }
}
