import Foundation

/// What a program printed and how it ended.
public struct ProgramRun: Sendable {
  /// The exit status.
  public var status: Int32
  /// Standard output, byte for byte.
  public var outputData: Data
  /// Standard error, byte for byte.
  public var errorBytes: [UInt8]

  /// Standard output as UTF-8 text (invalid bytes replaced).
  public var output: String { String(decoding: outputData, as: UTF8.self) }
  /// Standard error as UTF-8 text (invalid bytes replaced).
  public var error: String { String(decoding: errorBytes, as: UTF8.self) }
}

/// The folder the package's products are built into, beside the tests:
/// `micrograd`, the examples, `render-probe`.
public var productsFolder: URL {
  #if os(macOS)
    for bundle in Bundle.allBundles where bundle.bundlePath.hasSuffix(".xctest") {
      return bundle.bundleURL.deletingLastPathComponent()
    }
  #endif
  return Bundle.main.bundleURL
}

/// Runs a product built beside the tests (`micrograd`, an example,
/// `render-probe`), or the program at an absolute path, and waits for it.
///
/// ```swift
/// let result = try run("micrograd", ["draw", "q = a + b", "--set", "a=2", "--set", "b=-3"])
/// #expect(result.status == 0)
/// ```
///
/// - Parameters:
///   - product: A product's name, or a path starting with `/`.
///   - arguments: The program's arguments.
///   - folder: Its working folder; this process's when `nil`.
///   - environment: Variables added to (or replacing) this process's.
/// - Returns: Its exit status, standard output and standard error.
public func run(
  _ product: String, _ arguments: [String], in folder: URL? = nil, environment: [String: String] = [:]
) throws -> ProgramRun {
  let process = Process()
  process.executableURL =
    product.hasPrefix("/") ? URL(fileURLWithPath: product) : productsFolder.appendingPathComponent(product)
  process.arguments = arguments
  if let folder { process.currentDirectoryURL = folder }
  if !environment.isEmpty {
    process.environment = ProcessInfo.processInfo.environment.merging(environment) { $1 }
  }
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  try process.run()
  // What the programs write to stderr is small (a line or two), far below
  // a pipe's buffer, so reading stdout to its end first cannot deadlock.
  let out = output.fileHandleForReading.readDataToEndOfFile()
  let err = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return ProgramRun(status: process.terminationStatus, outputData: out, errorBytes: Array(err))
}
