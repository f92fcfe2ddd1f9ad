import Foundation
import GraphRender
import GraphSnapshotTesting
import Micrograd
import SnapshotTesting
import TestSupport
import Testing

/// A user's graph: the lecture's expression, written as a user might.
private func expression() -> Value {
  let a = Value(2.0, label: "a")
  let b = Value(-3.0, label: "b")
  let c = Value(10.0, label: "c")
  let f = Value(-2.0, label: "f")
  let L = (a * b + c) * f
  L.label = "L"
  L.backward()
  return L
}

/// The strategies as a user's test calls them, against the snapshots in
/// __Snapshots__ (SNAPSHOT_TESTING_RECORD=never in CI: a missing one fails).
@Suite struct StrategyTests {
  @Test func dotAndSVG() {
    let L = expression()
    assertSnapshot(of: L, as: .dot, named: "expression")
    assertSnapshot(of: L, as: .svg, named: "expression")
  }

  @Test func options() {
    let x = Value(0.5, label: "x")
    let w = Value(-1.25, label: "w")
    let y = (x * w).tanh()
    y.label = "y"
    y.backward()
    assertSnapshot(of: y, as: .dot(.init(style: .teaching, parameters: [w])), named: "teaching")
    assertSnapshot(
      of: y, as: .svg(.init(rankdir: .topToBottom, numberFormat: .fixed(2), showGrad: false)), named: "tb-2-decimals")
  }

  @Test func drawings() throws {
    let drawing = try drawDot(expression())
    assertSnapshot(of: drawing, as: .dot, named: "drawing")
    assertSnapshot(of: drawing, as: .svg, named: "drawing")
  }

  /// The files the strategies write are the drawing's DOT and SVG, under
  /// the names and extensions a user expects.
  @Test func writesDOTAndSVGFiles() throws {
    let folder = try TemporaryFolder()
    let L = expression()
    withSnapshotTesting(record: .missing) {
      _ = verifySnapshot(of: L, as: .dot, named: "L", snapshotDirectory: folder.url.path)
      _ = verifySnapshot(of: L, as: .svg, named: "L", snapshotDirectory: folder.url.path)
    }
    let files = try FileManager.default.contentsOfDirectory(atPath: folder.url.path).sorted()
    #expect(files == ["writesDOTAndSVGFiles.L.dot", "writesDOTAndSVGFiles.L.svg"])
    let drawing = try drawDot(L)
    #expect(try String(contentsOf: folder.url.appendingPathComponent(files[0]), encoding: .utf8) == drawing.dot)
    #expect(try String(contentsOf: folder.url.appendingPathComponent(files[1]), encoding: .utf8) == drawing.svg())
  }

  /// A reference recorded by another Graphviz (other coordinates, another
  /// version comment) holds while the drawing is the same, and fails with
  /// a message that says how it compared when a label changes.
  @Test func svgSnapshotSurvivesAnotherGraphviz() throws {
    let folder = try TemporaryFolder()
    let L = expression()
    let svg = try drawDot(L).svg()
    let reference = folder.url.appendingPathComponent("svgSnapshotSurvivesAnotherGraphviz.L.svg")
    let other = asIfByAnotherGraphviz(svg)
    #expect(other != svg)
    try Data(other.utf8).write(to: reference)
    let held = withSnapshotTesting(record: .never) {
      verifySnapshot(of: L, as: .svg, named: "L", snapshotDirectory: folder.url.path)
    }
    #expect(held == nil, "\(held ?? "")")

    try Data(other.replacingOccurrences(of: ">data 2.0000<", with: ">data 2.5000<").utf8).write(to: reference)
    let failed = withSnapshotTesting(record: .never) {
      verifySnapshot(of: L, as: .svg, named: "L", snapshotDirectory: folder.url.path)
    }
    let message = try #require(failed)
    #expect(message.contains("compared by what it draws"))
    #expect(message.contains("the reference was made by Graphviz 99.1.0, this is \(try graphvizVersion())"))
    #expect(message.contains("-  text \"data 2.5000\"") && message.contains("+  text \"data 2.0000\""))

    // Under the same Graphviz, coordinates alone are a difference.
    let moved = svg.replacingOccurrences(of: "x=\"", with: "x=\"1")
    try Data(moved.utf8).write(to: reference)
    let strict = withSnapshotTesting(record: .never) {
      verifySnapshot(of: L, as: .svg, named: "L", snapshotDirectory: folder.url.path)
    }
    #expect(try #require(strict).contains("compared byte for byte (Graphviz \(try graphvizVersion()) made both)"))
  }

  /// A drawing that cannot be made fails the test with the reason (even
  /// while recording, so that an error is never kept as a snapshot that
  /// later runs pass), and the snapshot shows the error.
  @Test func badOptionsFailWithTheError() throws {
    let folder = try TemporaryFolder()
    let L = expression()
    withKnownIssue {
      withSnapshotTesting(record: .missing) {
        _ = verifySnapshot(
          of: L, as: .dot(.init(numberFormat: .fixed(40))), named: "bad", snapshotDirectory: folder.url.path)
      }
    } matching: { issue in
      issue.comments.contains { $0.rawValue.hasPrefix("the graph could not be drawn: ") && $0.rawValue.contains("40") }
    }
    withKnownIssue {
      withSnapshotTesting(record: .missing) {
        _ = verifySnapshot(of: L, as: .svg(.init(nodeLimit: 3)), named: "big", snapshotDirectory: folder.url.path)
      }
    } matching: { issue in
      issue.comments.contains { $0.rawValue.hasPrefix("the graph could not be drawn: ") }
    }
    let bad = try String(
      contentsOf: folder.url.appendingPathComponent("badOptionsFailWithTheError.bad.dot"), encoding: .utf8)
    #expect(bad.hasPrefix("error: ") && bad.contains("40"))
    let big = try String(
      contentsOf: folder.url.appendingPathComponent("badOptionsFailWithTheError.big.svg"), encoding: .utf8)
    #expect(big.hasPrefix("error: ") && big.contains("3"))
  }
}

/// The SVG as another Graphviz might write it: another version comment,
/// every coordinate moved, `transparent` written `none`, `xml:space` on
/// every text (as 16.1.0 writes it: see Graphviz-16.1.0).
func asIfByAnotherGraphviz(_ svg: String) -> String {
  svg.replacingOccurrences(of: "graphviz version 2.43.0 (0)", with: "graphviz version 99.1.0 (20991231.0000)")
    .replacingOccurrences(of: "graphviz version \((try? graphvizVersion()) ?? "")", with: "graphviz version 99.1.0")
    .replacingOccurrences(of: " x=\"", with: " x=\"1")
    .replacingOccurrences(of: " y=\"", with: " y=\"-2")
    .replacingOccurrences(of: "points=\"", with: "points=\"1")
    .replacingOccurrences(of: "stroke=\"transparent\"", with: "stroke=\"none\"")
    .replacingOccurrences(of: "<text ", with: "<text xml:space=\"preserve\" ")
}
