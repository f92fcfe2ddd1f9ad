import Foundation
@testable import GraphRender
import Micrograd
import Testing

@Suite struct ConcurrencyTests {
  @Test func eightTasksRenderingAHundredTimesEachAgree() async throws {
    let shared = try drawDot(LectureGraphs.neuron().o)
    let reference = try shared.svg()
    let results = try await withThrowingTaskGroup(of: [String].self) { group in
      for task in 0..<8 {
        group.addTask {
          var svgs: [String] = []
          for i in 0..<100 {
            // Half the renders share one drawing, half draw their own graph.
            let drawing = (task + i).isMultiple(of: 2) ? shared : try drawDot(LectureGraphs.neuron().o)
            svgs.append(try drawing.svg())
          }
          return svgs
        }
      }
      var all: [String] = []
      for try await svgs in group { all += svgs }
      return all
    }
    #expect(results.count == 800)
    #expect(results.allSatisfy { $0 == reference })
  }

  @Test func oneContextAndEveryGraphClosed() throws {
    let drawing = try drawDot(LectureGraphs.expression())
    let before = try Graphviz.counts()
    for _ in 0..<1_000 { _ = try drawing.render(.svg) }
    // Errors close what they opened, too.
    _ = try? drawing.render("png:nosuchplugin")
    _ = try? Graphviz.render(drawing.dot, format: "svg", engine: "nosuchengine")
    _ = try? Graphviz.render("digraph {", format: "svg")
    let after = try Graphviz.counts()
    #expect(after.contexts == 1)
    #expect(after.opened - before.opened >= 1_002)
    #expect(after.opened == after.closed)
    #expect(after.laidOut == after.freed)
  }
}
