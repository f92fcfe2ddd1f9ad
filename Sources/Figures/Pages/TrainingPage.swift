import GraphRender
import Micrograd

/// The page that replays a `RecordedTraining` step by step: a slider and
/// ◀ ▶ over the recorded steps, and at each step the decision boundary over
/// the points, the loss and accuracy curves with a cursor at the step, and
/// the network with each neuron one circle (its `Σ w·x + b` folded) and
/// each weight an edge, blue for positive and red for negative, wider the
/// larger. Hovering or focusing a neuron shades its own region of the
/// plane: where its output is positive.
///
/// The page draws only what was recorded (the Swift run's regions, losses
/// and weights); it computes nothing of the model's. Play, its speed,
/// `#step=N` (N a training step; the address follows the slider), the
/// keyboard (← → Home End P), a phone's width and dark mode work as on the
/// explorer pages. It fetches nothing.
///
/// ```swift
/// try figures.write(TrainingPage(recording, title: "the moons MLP learning"), "moons-training")
/// ```
public struct TrainingPage: HTMLPage {
  /// The run to replay.
  public let recording: RecordedTraining
  /// The page's title and heading.
  public let title: String

  /// A page for `recording`, titled `title`.
  public init(_ recording: RecordedTraining, title: String) {
    self.recording = recording
    self.title = title
  }

  /// The page: the recording's JSON (`RecordedTraining.json()`) and the
  /// script that draws it.
  public func html() -> String {
    let body = """
      <header>
      <h1>\(PageShell.escapeHTML(title))</h1>
      \(PageShell.stepper("training, step by step"))
      </header>
      <main id="panels">
      <section class="panel" aria-labelledby="plane-heading">
      <h2 id="plane-heading">decision boundary</h2>
      <svg id="plane" role="img" aria-labelledby="plane-caption"></svg>
      <p id="plane-caption" class="caption"></p>
      </section>
      <section class="panel" aria-labelledby="curves-heading">
      <h2 id="curves-heading">loss and accuracy</h2>
      <svg id="curves" role="img" aria-label="the loss and the accuracy at every recorded step, a cursor at this one"></svg>
      </section>
      <section class="panel wide" aria-labelledby="network-heading">
      <h2 id="network-heading">the network</h2>
      <svg id="network" role="group" aria-label="the network: each neuron a circle, each weight an edge"></svg>
      <p class="caption">Each neuron is one circle, its Σ w·x + b folded. Edges: <span class="pos">blue</span> a positive \
      weight, <span class="neg">red</span> a negative one, wider the larger. Hover or focus a neuron to see where its \
      output is positive.</p>
      </section>
      </main>
      """
    return PageShell.page(
      title: title, generator: "Figures", style: ExplorerFiles.pageCSS + ExplorerFiles.replayCSS, body: body,
      dataID: "training-data",
      json: recording.json(),
      scripts: [ExplorerFiles.stepperJS, ExplorerFiles.trainingJS])
  }
}
