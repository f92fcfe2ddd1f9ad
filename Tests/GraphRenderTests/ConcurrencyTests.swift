import Foundation
import Micrograd
import TestSupport
import Testing

@testable import GraphRender

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

  @Test func oneContextServesEveryRender() throws {
    let drawing = try drawDot(LectureGraphs.expression())
    for _ in 0..<100 { _ = try drawing.render(.svg) }
    _ = try? drawing.render("png:nosuchplugin")
    _ = try? Graphviz.render(drawing.dot, format: "svg", engine: "nosuchengine")
    #expect(try Graphviz.contextsMade() == 1)
  }
}
