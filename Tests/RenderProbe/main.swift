import Foundation
import GraphRender
import TestSupport

// A small program that GraphRenderTests runs in fresh processes: to show
// that two processes write the same bytes, that the locale does not change
// numbers, what happens without Graphviz's plugin configuration, and that
// repeated renders do not leak.
//
//   render-probe dot|svg|png [--locale]   the lecture's neuron, to stdout
//   render-probe leak N                   peak resident bytes after 100 and N renders
//   render-probe parse-leak N             the same after 100 and N parses (Drawing(dot:))
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// The largest resident set size so far, in bytes (getrusage).
func peakResidentBytes() -> Int {
  var usage = rusage()
  #if os(Linux)
    getrusage(RUSAGE_SELF.rawValue, &usage)
    return Int(usage.ru_maxrss) * 1024  // kilobytes on Linux
  #else
    getrusage(RUSAGE_SELF, &usage)
    return Int(usage.ru_maxrss)  // bytes on macOS
  #endif
}

let arguments = CommandLine.arguments.dropFirst()
do {
  if arguments.contains("--locale") {
    // As a program that honours the user's locale would; the caller
    // chooses a locale with a decimal comma, and must get it.
    setlocale(LC_ALL, "")
    guard let conventions = localeconv(), let point = conventions.pointee.decimal_point,
      String(cString: point) == ","
    else {
      FileHandle.standardError.write(Data("render-probe: no decimal-comma locale in effect\n".utf8))
      exit(3)
    }
  }
  switch arguments.first {
  case "dot", "svg", "png":
    let drawing = try drawDot(LectureGraphs.neuron().o, options: .init(style: .teaching))
    let bytes = try drawing.render(OutputFormat(rawValue: arguments.first!))
    FileHandle.standardOutput.write(bytes)
  case "leak":
    let count = Int(arguments.dropFirst().first ?? "") ?? 1000
    let drawing = try drawDot(LectureGraphs.neuron().o)
    var before = 0
    for i in 1...count {
      _ = try drawing.render(.svg)
      if i == 100 { before = peakResidentBytes() }
    }
    print(before, peakResidentBytes())
  case "parse-leak":
    let count = Int(arguments.dropFirst().first ?? "") ?? 1000
    let dot = try drawDot(LectureGraphs.neuron().o).dot
    var before = 0
    for i in 1...count {
      _ = try Drawing(dot: dot)
      if i == 100 { before = peakResidentBytes() }
    }
    print(before, peakResidentBytes())
  default:
    FileHandle.standardError.write(Data("usage: render-probe dot|svg|png [--locale] | leak N | parse-leak N\n".utf8))
    exit(2)
  }
} catch {
  FileHandle.standardError.write(Data("render-probe: \(error)\n".utf8))
  exit(1)
}
