import Figures
import Foundation
import GraphRender
import Micrograd
import Plots
import Testing

/// A fresh folder under the temporary folder, removed on deinit.
final class TemporaryFolder {
  let url: URL

  init() throws {
    url = FileManager.default.temporaryDirectory.appendingPathComponent("FiguresTests-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  func files() throws -> [String] { try FileManager.default.contentsOfDirectory(atPath: url.path).sorted() }
}

@Suite struct FigureWriterTests {
  @Test func writesGraphsPlotsAndCountMatrices() throws {
    let folder = try TemporaryFolder()
    let figures = try FigureWriter(folder: folder.url.appendingPathComponent("out"))
    let a = Value(2.0, label: "a")
    let b = Value(-3.0, label: "b")
    let q = a + b
    q.label = "q"
    try figures.draw(q, "add", caption: "q = a + b <the sum>")
    try figures.write(LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [Series("s", values: [1, 2])]), "plot")
    try figures.draw(
      try CountMatrix(counts: [[1, 2], [3, 4]], rowLabels: ["a", "b"], columnLabels: ["c", "d"]).drawing(), "counts")
    let out = folder.url.appendingPathComponent("out")
    // A graph's DOT, SVG, PNG and page; a plot's SVG; a count matrix's
    // DOT, SVG and PNG, and no page.
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted()
        == ["add.dot", "add.html", "add.png", "add.svg", "counts.dot", "counts.png", "counts.svg", "plot.svg"])
    let counts = try String(contentsOf: out.appendingPathComponent("counts.svg"), encoding: .utf8)
    #expect(counts.contains(">ad</text>") && counts.contains(">4</text>"))
    // A graph's page, titled by its caption; a drawing of DOT text gets none.
    let page = try String(contentsOf: out.appendingPathComponent("add.html"), encoding: .utf8)
    #expect(page.contains("<title>q = a + b &lt;the sum&gt;</title>"))
    // The chain rule's words and numbers, which the page's script writes out.
    #expect(page.contains(#""rules":{"+":"the sum rule: o = a + b; do/da = do/db = 1"}"#))
    #expect(page.contains(#"[0,"1.0","1.0000","1","1.0","1.0000","1.0","1.0000"]"#))
  }

  @Test func errorsNameThePath() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("file")
    try Data().write(to: file)
    #expect(throws: FigureError.cannotMakeFolder(file.path + "/sub", "\(file.path) is a file, not a folder")) {
      try FigureWriter(folder: file.appendingPathComponent("sub"))
    }
    let figures = try FigureWriter(folder: folder.url)
    #expect(throws: FigureError.cannotWrite(folder.url.path + "/no/plot.svg", "No such file or directory")) {
      try figures.picture("<svg/>", "no/plot")
    }
    #expect(throws: PlotError.noData(plot: "t")) {
      try figures.write(LinePlot(title: "t", xLabel: "x", yLabel: "y", series: []), "empty")
    }
    #expect(try folder.files() == ["file"])
  }
}
