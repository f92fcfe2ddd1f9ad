import Foundation
import Testing

/// The repository's root folder (this file is Tests/FigureTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The committed figures.
let outputFolder = repositoryRoot.appendingPathComponent("output")

/// What a program printed and how it ended.
struct Run {
  var status: Int32
  var output: String
  var error: String
  /// `error` as written, byte for byte.
  var errorBytes: [UInt8]
}

/// Runs a product built beside the tests (`micrograd`, an example), or
/// the program at an absolute path.
func run(_ product: String, _ arguments: [String], in folder: URL? = nil) throws -> Run {
  #if os(macOS)
  let products = Bundle.allBundles.first { $0.bundlePath.hasSuffix(".xctest") }!
    .bundleURL.deletingLastPathComponent()
  #else
  let products = Bundle.main.bundleURL
  #endif
  let process = Process()
  process.executableURL = product.hasPrefix("/") ? URL(fileURLWithPath: product) : products.appendingPathComponent(product)
  process.arguments = arguments
  if let folder { process.currentDirectoryURL = folder }
  let output = Pipe()
  let error = Pipe()
  process.standardOutput = output
  process.standardError = error
  try process.run()
  // Whatever stderr holds is small (a line or two); stdout is read first.
  let out = output.fileHandleForReading.readDataToEndOfFile()
  let err = error.fileHandleForReading.readDataToEndOfFile()
  process.waitUntilExit()
  return Run(
    status: process.terminationStatus, output: String(decoding: out, as: UTF8.self),
    error: String(decoding: err, as: UTF8.self), errorBytes: Array(err))
}

/// The bytes in `bytes` that a terminal could act on: C0 control bytes
/// other than the line feed, DEL, and C1 control characters in UTF-8
/// (C2 80 to C2 9F), as `U+XX` strings, so that a failure says which.
func terminalControls(in bytes: [UInt8]) -> [String] {
  var found: [String] = []
  for (i, byte) in bytes.enumerated() {
    if (byte < 0x20 && byte != 0x0A) || byte == 0x7F {
      found.append("U+" + String(byte, radix: 16, uppercase: true))
    } else if byte == 0xC2, i + 1 < bytes.count, (0x80...0x9F).contains(bytes[i + 1]) {
      found.append("U+" + String(bytes[i + 1], radix: 16, uppercase: true))
    }
  }
  return found
}

/// A fresh folder under the temporary folder, removed on deinit.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("FigureTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The names of the files in the folder, sorted.
  func files() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }
}

/// Compares freshly made figures with output/'s: DOT and SVG byte for
/// byte, PNG byte for byte when this Graphviz is the one that made
/// output/ (output/GRAPHVIZ_VERSION). Records an issue per differing file,
/// with a diff of the DOT.
func expectSameFigures(_ files: [String], made folder: URL, graphviz version: String) throws {
  let recorded = try String(contentsOf: outputFolder.appendingPathComponent("GRAPHVIZ_VERSION"), encoding: .utf8)
    .trimmingCharacters(in: .whitespacesAndNewlines)
  var skipped: [String] = []
  defer {
    if !skipped.isEmpty {
      print("note: not compared, made with Graphviz \(recorded) and this is \(version): \(skipped.joined(separator: " "))")
    }
  }
  for file in files {
    let fresh = try Data(contentsOf: folder.appendingPathComponent(file))
    let committedURL = outputFolder.appendingPathComponent(file)
    guard let committed = try? Data(contentsOf: committedURL) else {
      Issue.record("output/\(file) is missing; run `make figures` and commit output/")
      continue
    }
    if file.hasSuffix(".png") && recorded != version {
      skipped.append(file)
      continue
    }
    guard fresh != committed else { continue }
    var message = "output/\(file) is out of date; run `make figures` and commit output/ if the change is intended"
    if file.hasSuffix(".dot") {
      message += "\n" + lineDiff(
        String(decoding: committed, as: UTF8.self), String(decoding: fresh, as: UTF8.self))
    }
    Issue.record(Comment(rawValue: message))
  }
}

/// The lines only in `old` (-) and only in `new` (+), in order, through
/// their longest common subsequence; at most 40 lines.
func lineDiff(_ old: String, _ new: String) -> String {
  let a = old.split(separator: "\n", omittingEmptySubsequences: false)
  let b = new.split(separator: "\n", omittingEmptySubsequences: false)
  var lcs = Array(repeating: Array(repeating: 0, count: b.count + 1), count: a.count + 1)
  for i in stride(from: a.count - 1, through: 0, by: -1) {
    for j in stride(from: b.count - 1, through: 0, by: -1) {
      lcs[i][j] = a[i] == b[j] ? lcs[i + 1][j + 1] + 1 : max(lcs[i + 1][j], lcs[i][j + 1])
    }
  }
  var lines: [String] = []
  var (i, j) = (0, 0)
  while i < a.count || j < b.count {
    if i < a.count, j < b.count, a[i] == b[j] {
      i += 1; j += 1
    } else if i < a.count, j == b.count || lcs[i + 1][j] >= lcs[i][j + 1] {
      lines.append("- " + a[i]); i += 1
    } else {
      lines.append("+ " + b[j]); j += 1
    }
  }
  return lines.prefix(40).joined(separator: "\n") + (lines.count > 40 ? "\n..." : "")
}
