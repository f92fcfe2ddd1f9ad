import Foundation
import Testing

@testable import GraphRender

/// The explorer's script and style sheets are files in
/// Sources/GraphRender/Explorer/Web; the EmbedExplorerFiles plugin puts
/// them into the module as raw string literals, nothing escaped.
@Suite struct EmbeddedFilesTests {
  /// Every file of the folder is embedded, byte for byte: its quotes,
  /// backslashes, `#` and characters beyond ASCII as they are.
  @Test func everyFileIsEmbeddedByteForByte() throws {
    let folder = URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent()
      .deletingLastPathComponent().appendingPathComponent("Sources/GraphRender/Explorer/Web")
    let embedded: [String: String] = [
      "explorer.css": ExplorerFiles.explorerCSS, "explorer.js": ExplorerFiles.explorerJS,
      "export.js": ExplorerFiles.exportJS, "page.css": ExplorerFiles.pageCSS, "pan-zoom.js": ExplorerFiles.panZoomJS,
      "replay.css": ExplorerFiles.replayCSS, "sampling.css": ExplorerFiles.samplingCSS,
      "sampling.js": ExplorerFiles.samplingJS, "stepper.js": ExplorerFiles.stepperJS,
      "training.js": ExplorerFiles.trainingJS,
    ]
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.path).filter { !$0.hasPrefix(".") }.sorted()
    #expect(files == embedded.keys.sorted(), "a file in Explorer/Web that this test does not check, or one gone")
    var seen = ""
    for file in files {
      let bytes = try Data(contentsOf: folder.appendingPathComponent(file))
      #expect(Data((embedded[file] ?? "").utf8) == bytes, "\(file) is not embedded as it is")
      seen += String(decoding: bytes, as: UTF8.self)
    }
    // What the literal must carry through unchanged is there to carry.
    for needed in ["\\", "\"", "#", "→"] {
      #expect(seen.contains(needed), "no \(needed) in the files: this test checks less than it says")
    }
  }
}
