import Foundation
import GraphRender
import Synchronization
import TestSupport

// A small program that GraphRenderTests runs in fresh processes: to show
// that two processes write the same bytes, that the locale does not change
// numbers, what happens without Graphviz's plugin configuration, and that
// repeated renders do not leak.
//
//   render-probe dot|svg|png [--locale]   the lecture's neuron, to stdout
//   render-probe leak N                   peak resident bytes after 100 and N renders
//   render-probe parse-leak N             the same after 100 and N parses (Drawing(dot:))
//   render-probe concurrent T N           T threads rendering N times each, all agreeing
//                                         (what `make sanitize` runs under ThreadSanitizer)
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

/// `threads` threads rendering the lecture's neuron `count` times each,
/// as ConcurrencyTests does: half of the renders share one drawing, half
/// draw the graph anew (each render reads its DOT into a graph of its own
/// and lays it out; every call into Graphviz takes GraphRender's lock).
///
/// - Returns: How many SVGs differ from the first one, and the errors thrown.
func renderConcurrently(threads: Int, count: Int) throws -> (differing: Int, errors: [String]) {
  let shared = try drawDot(LectureGraphs.neuron().o)
  let reference = try shared.svg()
  let differing = Mutex(0)
  let errors = Mutex<[String]>([])
  DispatchQueue.concurrentPerform(iterations: threads) { thread in
    for i in 0..<count {
      do {
        let drawing = (thread + i).isMultiple(of: 2) ? shared : try drawDot(LectureGraphs.neuron().o)
        if try drawing.svg() != reference { differing.withLock { $0 += 1 } }
      } catch {
        errors.withLock { $0.append("\(error)") }
      }
    }
  }
  return (differing.withLock { $0 }, errors.withLock { $0 })
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
  case "concurrent":
    let threads = Int(arguments.dropFirst().first ?? "") ?? 8
    let count = Int(arguments.dropFirst(2).first ?? "") ?? 100
    let (differing, errors) = try renderConcurrently(threads: threads, count: count)
    guard differing == 0, errors.isEmpty else {
      FileHandle.standardError.write(
        Data("render-probe: \(differing) SVGs differ, \(errors.count) errors: \(errors.prefix(3))\n".utf8))
      exit(1)
    }
    print("\(threads * count) renders on \(threads) threads, all the same SVG")
  default:
    FileHandle.standardError.write(
      Data("usage: render-probe dot|svg|png [--locale] | leak N | parse-leak N | concurrent T N\n".utf8))
    exit(2)
  }
} catch {
  FileHandle.standardError.write(Data("render-probe: \(error)\n".utf8))
  exit(1)
}
