import GraphRender
import Micrograd
import TestSupport
import Testing

@Suite struct TraceTests {
  @Test func expressionInTopologicalOrderWithEdgesInOperandOrder() {
    let L = LectureGraphs.expression()
    let t = trace(L)
    #expect(t.nodes.map(\.label) == ["a", "b", "e", "c", "d", "f", "L"])
    #expect(t.nodes.last === L)
    let edges = t.edges.map { [t.nodes[$0.from].label, t.nodes[$0.to].label] }
    #expect(edges == [["a", "e"], ["b", "e"], ["e", "d"], ["c", "d"], ["d", "L"], ["f", "L"]])
  }

  @Test func valueUsedTwiceHasTwoEdges() {
    let t = trace(LectureGraphs.usedTwice())
    #expect(t.nodes.count == 2)
    #expect(t.edges == [Trace.Edge(from: 0, to: 1), Trace.Edge(from: 0, to: 1)])
  }

  @Test func nodesAreToldApartByIdentityNotValue() throws {
    // Two leaves that look the same, and two sums of the same operands.
    let a = Value(1.0, label: "x")
    let b = Value(1.0, label: "x")
    let c1 = a + b
    let c2 = a + b
    let d = c1 * c2
    let t = trace(d)
    #expect(t.nodes.count == 5)
    let drawing = try drawDot(d)
    // One op node per computed value: c1, c2 and d each have their own.
    #expect(drawing.dot.contains("\tv2_op [label=\"+\"]"))
    #expect(drawing.dot.contains("\tv3_op [label=\"+\"]"))
    #expect(drawing.dot.contains("\tv4_op [label=\"*\"]"))
    #expect(drawing.nodeCount == 8)
    #expect(drawing.edgeCount == 9)
  }

  @Test func deepChainIsTracedWithoutRecursion() {
    var x = Value(1.0)
    for _ in 0..<200_000 { x = x + 1 }
    let t = trace(x)
    #expect(t.nodes.count == 400_001)
    #expect(t.edges.count == 400_000)
    #expect(t.edges.allSatisfy { $0.from < $0.to })
  }
}
