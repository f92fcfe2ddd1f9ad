import Foundation
import GraphSnapshotTesting
import Testing

/// The repository's root folder (this file is Tests/EndToEndTests/Support.swift).
let repositoryRoot = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// The committed figures.
let outputFolder = repositoryRoot.appendingPathComponent("output")

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

/// The Graphviz version that made output/ (output/GRAPHVIZ_VERSION).
func recordedGraphviz() throws -> String {
  try String(contentsOf: outputFolder.appendingPathComponent("GRAPHVIZ_VERSION"), encoding: .utf8)
    .trimmingCharacters(in: .whitespacesAndNewlines)
}

/// Each fresh figure checked against the committed one by GraphSnapshotTesting's
/// rule (the same code as its `.svg` strategy): DOT byte for byte; SVG and
/// PNG byte for byte under the Graphviz that made the committed figures, and
/// under another, SVG by what it draws and PNG not at all. A missing
/// committed file is `nil`.
func figureChecks(
  _ files: [String], made folder: URL, committed: URL = outputFolder,
  recorded: String, running: String
) throws -> [(file: String, check: FigureCheck?)] {
  try files.map { file in
    guard let reference = try? Data(contentsOf: committed.appendingPathComponent(file)) else { return (file, nil) }
    let fresh = try Data(contentsOf: folder.appendingPathComponent(file))
    let check = FigureCheck(
      reference: reference, fresh: fresh, pathExtension: (file as NSString).pathExtension,
      recordedGraphviz: recorded, runningGraphviz: running)
    return (file, check)
  }
}

/// Compares freshly made figures with output/'s (see ``figureChecks``),
/// records an issue per differing or missing file, and says which
/// comparisons it made.
func expectSameFigures(_ files: [String], made folder: URL, graphviz running: String) throws {
  let recorded = try recordedGraphviz()
  let checks = try figureChecks(files, made: folder, recorded: recorded, running: running)
  var made: [FigureComparison: [String]] = [:]
  for (file, check) in checks {
    guard let check else {
      Issue.record("output/\(file) is missing; run `make figures` and commit output/")
      continue
    }
    made[check.comparison, default: []].append(file)
    if let difference = check.difference {
      Issue.record(
        Comment(
          rawValue:
            "output/\(file) is out of date (compared \(check.comparison.rawValue): \(check.reason)); "
            + "run `make figures` and commit output/ if the change is intended\n\(difference)"))
    }
  }
  for comparison in [FigureComparison.bytes, .drawnContent, .notCompared] {
    guard let files = made[comparison] else { continue }
    print("output/ (Graphviz \(recorded), running \(running)): \(comparison.rawValue): \(files.joined(separator: " "))")
  }
}
