import GraphRender
import Micrograd
import Testing

@Suite struct NumberFormatTests {
  /// The data field of a leaf holding `x`, drawn with `format`.
  func dataField(_ x: Double, _ format: NumberFormat = .fixed(4)) throws -> String {
    let dot = try drawDot(Value(x), options: .init(numberFormat: format)).dot
    let start = try #require(dot.range(of: "data "))
    return String(dot[start.upperBound...].prefix { $0 != " " })
  }

  @Test func fixedDecimalsAsPythonWritesThem() throws {
    #expect(try dataField(2) == "2.0000")
    #expect(try dataField(-6.000000000000001) == "-6.0000")
    #expect(try dataField(0.88137358701954) == "0.8814")
    #expect(try dataField(1234567.891) == "1234567.8910")
    #expect(try dataField(1e-7) == "0.0000")
    #expect(try dataField(2.5, .fixed(0)) == "2")  // "%.0f" rounds half to even
    #expect(try dataField(0.1, .fixed(17)) == "0.10000000000000001")
  }

  @Test func negativeZeroIsWrittenAsZero() throws {
    #expect(try dataField(-0.0) == "0.0000")
    #expect(try dataField(-0.00001) == "0.0000")
    #expect(try dataField(-0.00005000001) == "-0.0001")
    #expect(try dataField(-0.4, .fixed(0)) == "0")
    #expect(try dataField(-0.0, .shortest) == "0.0")
  }

  @Test func nanAndInfinitiesAreReadable() throws {
    #expect(try dataField(.nan) == "nan")
    #expect(try dataField(.infinity) == "inf")
    #expect(try dataField(-.infinity) == "-inf")
    #expect(try dataField(.nan, .shortest) == "nan")
    // And they render: Graphviz draws them as text.
    let svg = try drawDot(Value(.nan) + Value(-.infinity)).svg()
    #expect(svg.contains(">data nan</text>"))
    #expect(svg.contains(">data &#45;inf</text>"))
  }

  @Test func shortestIsFullPrecision() throws {
    #expect(try dataField(0.1, .shortest) == "0.1")
    #expect(try dataField(-1.4999999999999993, .shortest) == "-1.4999999999999993")
    #expect(try dataField(1e-5, .shortest) == "1e-05")
  }

  @Test(arguments: [-1, 18, 1000])
  func decimalsOutOfRangeAreRejected(_ decimals: Int) {
    #expect(throws: GraphRenderError.self) { try drawDot(Value(1), options: .init(numberFormat: .fixed(decimals))) }
    do {
      _ = try drawDot(Value(1), options: .init(numberFormat: .fixed(decimals)))
    } catch {
      #expect("\(error)".contains(".fixed(\(decimals))"))
      #expect("\(error)".contains("from 0 to 17"))
    }
  }
}
