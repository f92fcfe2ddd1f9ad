internal import FileOutput
import Foundation
import Makemore

/// Reports training progress on standard error: a line that updates in
/// place on a terminal (step, loss, examples per second, time left), a
/// line at every tenth of the run otherwise, nothing when quiet.
struct TrainingProgress {
  enum Mode { case terminal, lines, quiet }

  let mode: Mode
  let steps: Int
  let batchSize: Int
  private let start = ContinuousClock.now
  private var lastShown = ContinuousClock.now
  private var recent: [Double] = []

  init(steps: Int, batchSize: Int, quiet: Bool) {
    self.steps = steps
    self.batchSize = batchSize
    mode = quiet ? .quiet : isatty(STDERR_FILENO) == 1 ? .terminal : .lines
  }

  /// Called after every step.
  mutating func report(_ step: TrainingStep) {
    guard mode != .quiet else { return }
    // The mean of the last 100 minibatch losses: one batch's is noisy.
    recent.append(step.loss)
    if recent.count > 100 { recent.removeFirst() }
    let done = step.step + 1
    let now = ContinuousClock.now
    switch mode {
    case .terminal:
      guard now - lastShown >= .milliseconds(200) || done == steps else { return }
      lastShown = now
      write("\r\u{1B}[K" + line(done, now) + (done == steps ? "\n" : ""))
    case .lines:
      // At each tenth of the run (every step of a run under ten), and the last.
      guard done * 10 / steps != (done - 1) * 10 / steps || done == steps else { return }
      write(line(done, now) + "\n")
    case .quiet:
      return
    }
  }

  private func line(_ done: Int, _ now: ContinuousClock.Instant) -> String {
    let elapsed = seconds(now - start)
    let rate = Double(done * batchSize) / max(elapsed, 1e-9)
    let left = elapsed / Double(done) * Double(steps - done)
    let mean = recent.reduce(0, +) / Double(recent.count)
    return "step \(grouped(done))/\(grouped(steps))  loss \(loss(mean))  "
      + "\(grouped(Int(rate))) examples/s  \(duration(left)) left"
  }

  private func write(_ text: String) {
    Terminal.writeError(text)
  }
}

/// A duration in seconds.
func seconds(_ d: Duration) -> Double {
  Double(d.components.seconds) + Double(d.components.attoseconds) * 1e-18
}

/// `75.4` seconds as `1m15s`.
func duration(_ seconds: Double) -> String {
  let s = Int(seconds.rounded())
  if s < 60 { return "\(s)s" }
  if s < 3600 { return "\(s / 60)m\(String(format: "%02d", s % 60))s" }
  return "\(s / 3600)h\(String(format: "%02d", s / 60 % 60))m"
}
