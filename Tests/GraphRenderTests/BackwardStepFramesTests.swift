import Foundation
import Micrograd
import TestSupport
import Testing

@testable import GraphRender

/// One figure per step of backward(), for slides.
@Suite struct BackwardStepFramesTests {
  @Test func framesFollowTheSteps() throws {
    let L = LectureGraphs.expression()
    let frames = try drawBackwardSteps(L)
    #expect(frames.count == 8)
    // Step 0: the forward pass, every gradient 0.
    #expect(frames[0].dot.contains("label=\"step 0 of 7: the forward pass\""))
    #expect(frames[0].dot.components(separatedBy: "grad 0.0000").count - 1 == 7)
    let marked = frames[0].dot.split(separator: "\n").filter { $0.hasPrefix("\tv") && $0.contains("penwidth") }
    #expect(marked.isEmpty)
    // Step 3: d's step, which gives e and c their gradients.
    let third = frames[3].dot
    #expect(third.contains("label=\"step 3 of 7: d.backwardStep()\""))
    #expect(
      third.contains("{ e | data -6.0000 | grad -2.0000 }") && third.contains("{ a | data 2.0000 | grad 0.0000 }"))
    let lines = third.split(separator: "\n")
    func line(_ prefix: String) -> String { String(lines.first { $0.hasPrefix(prefix) } ?? "") }
    #expect(line("\tv4 [").hasSuffix("color=\"#d62728\" penwidth=3]"))
    #expect(line("\tv4_op [").hasSuffix("color=\"#d62728\" penwidth=3]"))
    #expect(line("\tv2 [").hasSuffix("color=\"#ff7f0e\" penwidth=3]"))
    #expect(line("\tv3 [").hasSuffix("color=\"#ff7f0e\" penwidth=3]"))
    #expect(line("\tv2 -> v4_op") == "\tv2 -> v4_op [color=\"#d62728\" penwidth=2]")
    #expect(!line("\tv0 [").contains("penwidth"))
    // The last frame shows backward()'s gradients, and the graph keeps its own.
    #expect(frames[7].dot.contains("{ a | data 2.0000 | grad 6.0000 }"))
    #expect(trace(L).nodes.map(\.grad) == [6, -4, -2, -2, -2, 4, 1])
    // Every frame renders, and the same graph gives the same frames.
    for frame in frames { _ = try frame.svg() }
    #expect(try Array(drawBackwardSteps(LectureGraphs.expression())) == Array(frames))
  }

  @Test func everyFrameHasALegendForItsColours() throws {
    let frames = try drawBackwardSteps(LectureGraphs.expression())
    for frame in frames {
      #expect(frame.dot.contains("\tsubgraph cluster_legend {"))
      #expect(
        frame.dot.contains(
          "\t\tlegend_step_processed [label=\"node processed by this step\" shape=box fontsize=10 "
            + "color=\"#d62728\" penwidth=3]"))
      #expect(
        frame.dot.contains(
          "\t\tlegend_step_updated [label=\"grad updated by this step\" shape=box fontsize=10 "
            + "color=\"#ff7f0e\" penwidth=3]"))
    }
    // The legend is not counted as the graph's nodes.
    #expect(frames[0].nodeCount == (try drawDot(LectureGraphs.expression())).nodeCount)
    let svg = try frames[3].svg()
    #expect(svg.contains(">node processed by this step</text>") && svg.contains(">grad updated by this step</text>"))
  }

  @Test func framesShowTheRecordedSteps() throws {
    // Gradients that are not backward()'s: the frames start from 0 all the
    // same, show each step's recorded gradients, and leave these alone.
    let o = LectureGraphs.neuron().o
    let nodes = trace(o).nodes
    for (k, node) in nodes.enumerated() { node.grad = Double(k) + 0.5 }
    let steps = backwardSteps(o)
    let frames = try drawBackwardSteps(o, options: .init(numberFormat: .shortest))
    for k in frames.indices {
      for (i, grad) in steps.grads(after: k).enumerated() {
        let value = NumberFormat.shortest.format(grad ?? 0)
        #expect(
          frames[k].dot.split(separator: "\n").contains {
            $0.hasPrefix("\tv\(i) [") && $0.contains("| grad \(value) }")
          })
      }
    }
    #expect(nodes.enumerated().allSatisfy { k, node in node.grad == Double(k) + 0.5 })
  }

  @Test func foldedFramesAreRefused() {
    #expect(throws: GraphRenderError.self) {
      try drawBackwardSteps(LectureGraphs.neuron().o, options: .init(folded: true))
    }
  }

  @Test func framesKeepTheStyle() throws {
    let neuron = LectureGraphs.neuron()
    let frames = try drawBackwardSteps(neuron.o, options: .init(style: .teaching, parameters: neuron.parameters))
    #expect(frames.count == 11)
    #expect(frames[1].dot.contains("class=\"value output\"") && frames[1].dot.contains("cluster_legend"))
  }

  @Test func writesNumberedFiles() throws {
    let folder = try TemporaryFolder()
    let out = folder.url.appendingPathComponent("frames/deeper")
    let urls = try writeBackwardSteps(LectureGraphs.usedTwice(), to: out, format: .png)
    #expect(urls.map(\.lastPathComponent) == ["step-000.png", "step-001.png", "step-002.png"])
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == urls.map(\.lastPathComponent))
    #expect(try Data(contentsOf: urls[0]).starts(with: [0x89, 0x50, 0x4E, 0x47]))
  }

  @Test func badInputWritesNothing() throws {
    let folder = try TemporaryFolder()
    let out = folder.url.appendingPathComponent("frames")
    #expect(throws: GraphRenderError.self) {
      try writeBackwardSteps(LectureGraphs.expression(), to: out, format: .html)
    }
    #expect(throws: GraphRenderError.tooManyNodes(count: 10, limit: 5)) {
      try writeBackwardSteps(LectureGraphs.expression(), to: out, options: .init(nodeLimit: 5))
    }
    #expect(!FileManager.default.fileExists(atPath: out.path))
    let file = folder.url.appendingPathComponent("file")
    try Data("x".utf8).write(to: file)
    #expect(throws: GraphRenderError.self) { try writeBackwardSteps(LectureGraphs.expression(), to: file) }
  }

  /// A frame's place taken by a folder: refused before anything is
  /// written, so no earlier frame is replaced and no new one left.
  @Test func aFolderInAFramesPlaceWritesNothing() throws {
    let folder = try TemporaryFolder()
    let out = folder.url.appendingPathComponent("frames")
    try FileManager.default.createDirectory(
      at: out.appendingPathComponent("step-003.svg"), withIntermediateDirectories: true)
    #expect(throws: GraphRenderError.self) { try writeBackwardSteps(LectureGraphs.expression(), to: out) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: out.path) == ["step-003.svg"])
    let other = folder.url.appendingPathComponent("notes")
    try FileManager.default.createDirectory(at: other, withIntermediateDirectories: true)
    try Data("keep".utf8).write(to: other.appendingPathComponent("notes.txt"))
    #expect(throws: GraphRenderError.self) { try writeBackwardSteps(LectureGraphs.expression(), to: other) }
    #expect(try FileManager.default.contentsOfDirectory(atPath: other.path) == ["notes.txt"])
  }

  /// Earlier frames are replaced, and those this run does not make removed.
  @Test func earlierFramesAreReplacedAndStaleOnesRemoved() throws {
    let folder = try TemporaryFolder()
    let out = folder.url.appendingPathComponent("frames")
    try FileManager.default.createDirectory(at: out, withIntermediateDirectories: true)
    for name in ["step-001.svg", "step-099.svg", "step-000.png"] {
      try Data("old".utf8).write(to: out.appendingPathComponent(name))
    }
    let urls = try writeBackwardSteps(LectureGraphs.expression(), to: out)
    #expect(
      try FileManager.default.contentsOfDirectory(atPath: out.path).sorted() == (0...7).map { "step-00\($0).svg" })
    #expect(try String(contentsOf: urls[1], encoding: .utf8).contains("step 1 of 7"))
  }

  /// A write that fails part way removes what the run wrote, and the
  /// folders it made.
  @Test func aFailedWriteLeavesNothing() throws {
    let folder = try TemporaryFolder()
    let parent = folder.url.appendingPathComponent("made")
    let out = parent.appendingPathComponent("frames")
    // A name too long for the file system fails at the first write.
    let long = out.appendingPathComponent(String(repeating: "x", count: 300))
    #expect(throws: GraphRenderError.self) { try writeBackwardSteps(LectureGraphs.expression(), to: long) }
    #expect(!FileManager.default.fileExists(atPath: parent.path))
  }
}
