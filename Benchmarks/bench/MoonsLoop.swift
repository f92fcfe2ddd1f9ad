import Foundation

/// `bench --moons-loop STEPS`: W1 compiled alone (`CompiledMoonsStep`,
/// seed 1337), `warmup` steps and then `steps` timed ones, for `perf
/// record` and for timings steadier than W1's median of a few runs. The
/// learning rate follows W1's schedule over each block of 100 steps.
///
/// Prints one tab-separated line: steps, then microseconds per step for
/// forward, for backward with the update (each the wall clock summed over
/// the steps), for the whole step in the process's CPU time, and the last
/// loss.
struct MoonsLoop {
  let steps: Int
  let warmup: Int

  func run() throws {
    var workload = try CompiledMoonsStep(seed: 1337)
    for _ in 0..<warmup {
      _ = workload.forward()
      workload.backward()
      workload.step %= 100
    }
    var forward = 0.0
    var backward = 0.0
    var loss = 0.0
    let cpu = processSeconds()
    for _ in 0..<steps {
      var start = ContinuousClock.now
      loss = workload.forward()
      forward += seconds(since: start)
      start = ContinuousClock.now
      workload.backward()
      backward += seconds(since: start)
      workload.step %= 100
    }
    let used = processSeconds() - cpu
    func perStep(_ s: Double) -> String { String(format: "%.2f", s / Double(steps) * 1e6) }
    print("\(steps)\t\(perStep(forward))\t\(perStep(backward))\t\(perStep(used))\t\(String(format: "%.6f", loss))")
  }
}
