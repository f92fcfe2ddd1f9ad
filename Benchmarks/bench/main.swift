import FileOutput
import Foundation
import GraphRender
import Makemore
import Micrograd

// swift run -c release bench [--repeat N] [--tsv] [--layout-scaling] [--names FILE]
//                            [--makemore-loop STEPS [--engine compiled|eager] [--warmup W]]
//
// Times forward (building the graph), backward and freeing for each
// workload, `repeat` times, and prints the median of each phase; then
// times drawing graphs (trace, DOT, SVG, PNG, the HTML page and its size). With --tsv, only the
// engine's rows, tab-separated (what compare-peers.sh reads). With
// --layout-scaling, only how layout time grows with the graph's size.
// With --makemore-loop, only the lecture's makemore training loop, STEPS
// steps timed after W (default 500) of warm-up (MakemoreLoop.swift; what
// compare-makemore.sh runs). W4 (makemore's MLP step) reads the names.txt
// the package carries, or
// --names FILE, and is left out (with a note) if that cannot be read.

struct Timing {
  var forward: Double = 0  // seconds
  var backward: Double = 0
  var free: Double = 0
  var total: Double { forward + backward + free }
}

func seconds(since start: ContinuousClock.Instant) -> Double {
  let d = ContinuousClock.now - start
  return Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

func median(_ xs: [Double]) -> Double {
  let s = xs.sorted()
  return s.count % 2 == 1 ? s[s.count / 2] : (s[s.count / 2 - 1] + s[s.count / 2]) / 2
}

/// Runs a workload `repeats` times; returns the median timings, the node
/// count and the first run's root data (to check against other engines).
func measure(_ workload: inout some Workload, repeats: Int) -> (Timing, nodes: Int, firstData: Double) {
  var runs: [Timing] = []
  var nodes = 0
  var firstData = 0.0
  for run in 0..<repeats {
    var t = Timing()
    var start = ContinuousClock.now
    var root: Value? = workload.forward()
    t.forward = seconds(since: start)
    if run == 0 {
      nodes = root!.topologicalOrder().count
      firstData = root!.data
    }
    start = ContinuousClock.now
    workload.backward(root!)
    t.backward = seconds(since: start)
    start = ContinuousClock.now
    root = nil
    t.free = seconds(since: start)
    runs.append(t)
  }
  let m = Timing(
    forward: median(runs.map(\.forward)),
    backward: median(runs.map(\.backward)),
    free: median(runs.map(\.free)))
  return (m, nodes, firstData)
}

Terminal.reportBrokenPipes()
var repeats = 11
var tsv = false
var layoutScaling = false
var namesURL = Words.namesFile
var makemoreLoop: Int?
var moonsLoop: Int?
var loopEngine = TrainingEngine.compiled
var loopWarmup = 500
var arguments = CommandLine.arguments.dropFirst()
while let argument = arguments.popFirst() {
  switch argument {
  case "--repeat":
    guard let n = arguments.popFirst().flatMap(Int.init), n > 0 else { fail("--repeat needs a positive whole number") }
    repeats = n
  case "--tsv": tsv = true
  case "--layout-scaling": layoutScaling = true
  case "--names":
    guard let path = arguments.popFirst() else { fail("--names needs a file") }
    namesURL = URL(fileURLWithPath: path)
  case "--makemore-loop":
    guard let n = arguments.popFirst().flatMap(Int.init), n > 0 else {
      fail("--makemore-loop needs a positive whole number of steps")
    }
    makemoreLoop = n
  case "--moons-loop":
    guard let n = arguments.popFirst().flatMap(Int.init), n > 0 else {
      fail("--moons-loop needs a positive whole number of steps")
    }
    moonsLoop = n
  case "--engine":
    guard let e = arguments.popFirst().flatMap(TrainingEngine.init(rawValue:)) else {
      fail("--engine needs compiled or eager")
    }
    loopEngine = e
  case "--warmup":
    guard let n = arguments.popFirst().flatMap(Int.init), n >= 0 else { fail("--warmup needs a whole number") }
    loopWarmup = n
  case "-h", "--help":
    print(
      "usage: bench [--repeat N] [--tsv] [--layout-scaling] [--names FILE]   (median of N runs, default 11)\n"
        + "       bench --makemore-loop STEPS [--engine compiled|eager] [--warmup W] [--names FILE]\n"
        + "       bench --moons-loop STEPS [--warmup W]")
    Terminal.exit("bench")
  default:
    fail("unknown argument '\(argument)' (try --help)")
  }
}

if let makemoreLoop {
  do {
    let loop = MakemoreLoop(steps: makemoreLoop, warmup: loopWarmup, engine: loopEngine)
    try loop.run(names: Words(contentsOf: namesURL))
    Terminal.exit("bench")
  } catch {
    fail("\(error)", status: 1)
  }
}

if let moonsLoop {
  do {
    try MoonsLoop(steps: moonsLoop, warmup: loopWarmup).run()
    Terminal.exit("bench")
  } catch {
    fail("\(error)", status: 1)
  }
}

if layoutScaling {
  do {
    try benchmarkLayoutScaling()
    Terminal.exit("bench")
  } catch {
    fail("\(error)", status: 1)
  }
}

/// Runs a compiled workload `repeats` times, as `measure` does.
func measure(compiled workload: inout some CompiledWorkload, repeats: Int) -> (Timing, nodes: Int, firstData: Double) {
  var runs: [Timing] = []
  var firstData = 0.0
  for run in 0..<repeats {
    var t = Timing()
    var start = ContinuousClock.now
    let data = workload.forward()
    t.forward = seconds(since: start)
    if run == 0 { firstData = data }
    start = ContinuousClock.now
    workload.backward()
    t.backward = seconds(since: start)
    runs.append(t)
  }
  let m = Timing(forward: median(runs.map(\.forward)), backward: median(runs.map(\.backward)))
  return (m, workload.nodes, firstData)
}

var w1 = MoonsStep(seed: 1337)
var w2 = Chain()
var w3 = Wide(seed: 7)
var w1Compiled: CompiledMoonsStep
do {
  w1Compiled = try CompiledMoonsStep(seed: 1337)
} catch {
  fail("W1 does not compile: \(error)", status: 1)
}
var results = [
  (w1.name, measure(&w1, repeats: repeats)),
  (w1Compiled.name, measure(compiled: &w1Compiled, repeats: repeats)),
  (w2.name, measure(&w2, repeats: repeats)),
  (w3.name, measure(&w3, repeats: repeats)),
]
// W4 only in the table: the peers comparison (--tsv) has no makemore.
var makemoreNote: String?
if !tsv {
  do {
    let names = try Words(contentsOf: namesURL)
    var w4 = try MakemoreStep(names: names, chains: false)
    var w4Chains = try MakemoreStep(names: names, chains: true)
    var w4Compiled = try CompiledMakemoreStep(names: names)
    results.append((w4.name, measure(&w4, repeats: repeats)))
    results.append((w4Chains.name, measure(&w4Chains, repeats: repeats)))
    results.append((w4Compiled.name, measure(compiled: &w4Compiled, repeats: repeats)))
  } catch {
    makemoreNote = "W4 makemore left out: \(error)".withVisibleControlCharacters
  }
}

func ms(_ s: Double) -> String { String(format: "%.2f", s * 1e3) }
func ns(_ s: Double, _ n: Int) -> String { String(format: "%.1f", s * 1e9 / Double(n)) }

if tsv {
  print("engine\tworkload\tnodes\tforward_s\tbackward_s\tfree_s\tfirst_data")
  for (name, (t, nodes, first)) in results {
    // A compiled row is another engine on the same workload.
    let (engine, workload) =
      name.hasSuffix(", compiled")
      ? ("swift, compiled", String(name.dropLast(", compiled".count))) : ("swift", name)
    print("\(engine)\t\(workload)\t\(nodes)\t\(t.forward)\t\(t.backward)\t\(t.free)\t\(first)")
  }
} else {
  print("median of \(repeats) runs; ns/node = time / nodes in the graph")
  let header = [
    "workload", "nodes", "forward ms", "ns/node", "backward ms", "ns/node", "free ms", "ns/node", "total ms", "ns/node",
  ]
  let rows = results.map { name, r in
    let (t, n, _) = r
    return [
      name, String(n), ms(t.forward), ns(t.forward, n), ms(t.backward), ns(t.backward, n),
      ms(t.free), ns(t.free, n), ms(t.total), ns(t.total, n),
    ]
  }
  printTable(header, rows)
  if let makemoreNote {
    print(makemoreNote)
  } else {
    print(
      "W4 steps per second (forward + backward + free):",
      results.suffix(3).map { name, r in
        "\(name) \(String(format: "%.1f", 1 / r.0.total))"
      }.joined(separator: ", "))
    let total = Dictionary(uniqueKeysWithValues: results.map { ($0.0, $0.1.0.total) })
    for (eager, compiled) in [("W1 moons", "W1 moons, compiled"), ("W4 makemore", "W4 makemore, compiled")] {
      print("\(compiled) is \(String(format: "%.1f", total[eager]! / total[compiled]!)) times faster than \(eager)")
    }
  }
  do {
    try benchmarkDrawings(repeats: repeats)
  } catch {
    fail("\(error)", status: 1)
  }
}
Terminal.exit("bench")

/// Writes `bench: MESSAGE` to stderr, control characters (in an argument
/// or a path) shown as visible text, and exits with `status`.
func fail(_ message: String, status: Int32 = 2) -> Never {
  Terminal.fail("bench", message, status: status)
}

/// Prints rows under a header: the first column left-aligned, the rest
/// right-aligned.
func printTable(_ header: [String], _ rows: [[String]]) {
  let widths = header.indices.map { i in ([header] + rows).map { $0[i].count }.max()! }
  for row in [header] + rows {
    print(
      row.indices.map { i in
        i == 0
          ? row[i].padding(toLength: widths[i], withPad: " ", startingAt: 0)
          : String(repeating: " ", count: widths[i] - row[i].count) + row[i]
      }.joined(separator: "  "))
  }
}
