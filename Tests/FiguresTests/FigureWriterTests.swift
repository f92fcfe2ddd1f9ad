import Figures
import Foundation
import GraphRender
import Micrograd
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
    var figures = try FigureWriter(folder: folder.url.appendingPathComponent("out"), echo: false)
    let a = Value(2.0, label: "a"), b = Value(-3.0, label: "b")
    let q = a + b; q.label = "q"
    figures.say("q = \(q.data)")
    try figures.draw(q, "add", caption: "q = a + b <the sum>")
    try figures.write(LinePlot(title: "t", xLabel: "x", yLabel: "y", series: [Series("s", values: [1, 2])]), "plot")
    try figures.draw(try CountMatrix(counts: [[1, 2], [3, 4]], rowLabels: ["a", "b"], columnLabels: ["c", "d"]).drawing(), "counts")
    #expect(figures.written == ["add.dot", "add.svg", "add.png", "add.html", "plot.svg", "counts.dot", "counts.svg", "counts.png"])
    #expect(figures.lines == ["q = -1.0"])
    let out = folder.url.appendingPathComponent("out")
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == figures.written.sorted())
    let counts = try String(contentsOf: out.appendingPathComponent("counts.svg"), encoding: .utf8)
    #expect(counts.contains(">ad</text>") && counts.contains(">4</text>"))
    // A graph's page, titled by its caption; a drawing of DOT text gets none.
    let page = try String(contentsOf: out.appendingPathComponent("add.html"), encoding: .utf8)
    #expect(page.contains("<title>q = a + b &lt;the sum&gt;</title>"))
    #expect(page.contains("a.grad += 1 × q.grad = 1.0 × 1.0 = 1.0"))
  }

  @Test func errorsNameThePath() throws {
    let folder = try TemporaryFolder()
    let file = folder.url.appendingPathComponent("file")
    try Data().write(to: file)
    #expect(throws: FigureError.cannotMakeFolder(file.path + "/sub", "\(file.path) is a file, not a folder")) {
      try FigureWriter(folder: file.appendingPathComponent("sub"))
    }
    var figures = try FigureWriter(folder: folder.url, echo: false)
    #expect(throws: FigureError.cannotWrite(folder.url.path + "/no/plot.svg", "No such file or directory")) {
      try figures.picture("<svg/>", "no/plot")
    }
    #expect(throws: PlotError.noData(plot: "t")) {
      try figures.write(LinePlot(title: "t", xLabel: "x", yLabel: "y", series: []), "empty")
    }
    #expect(figures.written.isEmpty)
    #expect(try folder.files() == ["file"])
  }
}
