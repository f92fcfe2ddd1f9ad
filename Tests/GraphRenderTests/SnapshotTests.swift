import GraphRender
import Micrograd
import SnapshotTesting
import TestSupport
import Testing

/// The DOT text of the lecture's graphs, compared with the files in
/// __Snapshots__ (SNAPSHOT_TESTING_RECORD=never in CI: a missing file fails).
@Suite struct SnapshotTests {
  @Test func expression() throws {
    let drawing = try drawDot(LectureGraphs.expression())
    assertSnapshot(of: drawing.dot, as: .lines, named: "expression")
  }

  @Test func neuron() throws {
    let drawing = try drawDot(LectureGraphs.neuron().o)
    assertSnapshot(of: drawing.dot, as: .lines, named: "neuron")
  }

  @Test func valueUsedTwice() throws {
    let drawing = try drawDot(LectureGraphs.usedTwice())
    assertSnapshot(of: drawing.dot, as: .lines, named: "used-twice")
  }

  @Test func neuronTeachingStyle() throws {
    let (o, parameters) = LectureGraphs.neuron()
    let drawing = try drawDot(o, options: .init(style: .teaching, parameters: parameters))
    assertSnapshot(of: drawing.dot, as: .lines, named: "neuron-teaching")
  }

  @Test func expressionTopToBottomWithoutGrad() throws {
    let drawing = try drawDot(
      LectureGraphs.expression(), options: .init(rankdir: .topToBottom, numberFormat: .fixed(2), showGrad: false))
    assertSnapshot(of: drawing.dot, as: .lines, named: "expression-tb-nograd")
  }
}
