import Foundation
import GraphRender
import Makemore
import Micrograd
import Testing

@testable import Figures

@Suite struct PageTests {
  func recording() throws -> RecordedTraining {
    var rng = SplitMix64(seed: 5)
    let data = Moons(count: 10, noise: 0.1, using: &rng)
    let model = MLP(2, [3, 1], activation: .relu, outputActivation: .linear, using: &rng)
    var recording = try RecordedTraining(model, points: data.points, labels: data.labels)
    recording.record(model, step: 0, loss: 1.5, accuracy: 0.5)
    return recording
  }

  /// Every `http` in a page is the SVG namespace its script creates
  /// elements in (or `http-equiv`), never an address it fetches.
  func expectNoAddresses(_ html: String) {
    let namespace = "http://www.w3.org/2000/svg"
    let rest = html.replacingOccurrences(of: namespace, with: "").replacingOccurrences(of: "<meta http-equiv", with: "")
    #expect(rest.range(of: "http") == nil)
    #expect(!html.contains("src=") && !html.contains("<link"))
  }

  @Test func trainingPageHoldsTheRecordingAndFetchesNothing() throws {
    let recording = try recording()
    let page = TrainingPage(recording, title: "moons <learning> & \"more\"")
    let html = page.html()
    #expect(html == TrainingPage(recording, title: "moons <learning> & \"more\"").html())
    #expect(
      html.contains(
        "<meta http-equiv=\"Content-Security-Policy\" content=\"default-src 'none'; style-src 'unsafe-inline'; "
          + "script-src 'unsafe-inline'\">"))
    #expect(html.contains("<title>moons &lt;learning&gt; &amp; &quot;more&quot;</title>"))
    #expect(html.contains("<script type=\"application/json\" id=\"training-data\">" + recording.json() + "</script>"))
    #expect(html.contains(ExplorerFiles.trainingJS) && html.contains("id=\"slider\""))
    expectNoAddresses(html)
  }

  @Test func samplingPageHoldsEveryTrace() throws {
    let counts = BigramCounts(try Words(["emma", "ava"]))
    let a = counts.trace(names: 2, seed: 1)
    let b = counts.trace(names: 3, seed: 2)
    let html = SamplingPage([a, b], labels: ["one", "<two>"], title: "names").html()
    #expect(html.contains("<option value=\"0\" selected>one</option><option value=\"1\">&lt;two&gt;</option>"))
    #expect(html.contains("value=\"1\"></label>"))  // the seed field: the first trace's seed
    #expect(html.contains("id=\"sampling-data\">[" + a.json() + "," + b.json() + "]</script>"))
    expectNoAddresses(html)
  }

  @Test func aLabelCannotEndTheScript() throws {
    let counts = BigramCounts(try Words(["emma"]))
    let html = SamplingPage([counts.trace(names: 1)], labels: ["</script>"], title: "</script><b>").html()
    #expect(html.components(separatedBy: "</script>").count - 1 == 2)  // the data's and the script's
    #expect(html.contains("<h1>&lt;/script&gt;&lt;b&gt;</h1>"))
  }

  @Test func figureWriterWritesAPage() throws {
    let folder = try TemporaryFolder()
    let figures = try FigureWriter(folder: folder.url)
    let page = TrainingPage(try recording(), title: "t")
    try figures.write(page, "run")
    #expect(try folder.files() == ["run.html"])
    #expect(try String(contentsOf: folder.url.appendingPathComponent("run.html"), encoding: .utf8) == page.html())
  }

  /// A page is listed among the files written, in its place, as a figure
  /// is: `micrograd figures` puts the index in that order.
  @Test func aPageIsListedInTheOrderWritten() throws {
    let folder = try TemporaryFolder()
    let list = folder.url.appendingPathComponent("written.list").path
    let figures = try FigureWriter(folder: folder.url.appendingPathComponent("out"), writtenList: list)
    try figures.write(TrainingPage(try recording(), title: "t"), "run")
    try figures.picture("<svg xmlns=\"http://www.w3.org/2000/svg\"/>", "after")
    #expect(try String(contentsOfFile: list, encoding: .utf8) == "run.html\nafter.svg\n")
  }
}
