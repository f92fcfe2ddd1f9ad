import Foundation
import TestSupport
import Testing

/// Runs Tests/RenderProbe in fresh processes.
@Suite struct ProcessTests {
  @Test(arguments: ["dot", "svg", "png"])
  func twoProcessesWriteTheSameBytes(_ format: String) throws {
    let first = try probe([format])
    let second = try probe([format])
    #expect(first.status == 0, "\(first.error)")
    #expect(first.outputData.count > 100)
    #expect(first.outputData == second.outputData)
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
      let plain = try probe([format])
      let localized = try probe([format, "--locale"], environment: german)
      // Status 3 would mean the probe did not get a decimal comma.
      #expect(localized.status == 0, "\(localized.error)")
      #expect(localized.outputData == plain.outputData)
    }
  }

  @Test func missingPluginConfigurationSaysWhatToDo() throws {
    let empty = try TemporaryFolder()
    let result = try probe(["svg"], environment: ["GVBINDIR": empty.url.path])
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
    let result = try probe(["leak", "1000"])
    #expect(result.status == 0, "\(result.error)")
    let numbers = result.output
      .split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    try #require(numbers.count == 2)
    #expect(numbers[0] > 0)
    #expect(numbers[1] - numbers[0] < 4 << 20, "grew by \(numbers[1] - numbers[0]) bytes")
  }

  @Test func parsesDoNotLeak() throws {
    // Peak resident memory after 100 parses of the neuron and after 10,000.
    // Before Graphviz 9 the graph is read into an arena (CGraphviz/shim.h);
    // while the arena's discipline had a `close`, agclose took its
    // whole-heap path and left every libcdt dictionary behind: 7.2 MB
    // here. Now nothing grows (0 bytes, twice).
    let result = try probe(["parse-leak", "10000"])
    #expect(result.status == 0, "\(result.error)")
    let numbers = result.output
      .split(whereSeparator: \.isWhitespace).compactMap { Int($0) }
    try #require(numbers.count == 2)
    #expect(numbers[0] > 0)
    #expect(numbers[1] - numbers[0] < 1 << 20, "grew by \(numbers[1] - numbers[0]) bytes")
  }
}

/// Runs the render-probe executable, built beside the tests, with
/// `arguments`, adding `environment` to this process's.
private func probe(_ arguments: [String], environment: [String: String] = [:]) throws -> ProgramRun {
  try run("render-probe", arguments, environment: environment)
}
