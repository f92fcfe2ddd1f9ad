import GraphRender
import Makemore

/// The page that shows names being sampled, character by character, from
/// one or more `SamplingTrace`s (the bigram counts and the MLP, say):
/// at each character the context the model saw, the probabilities of the
/// 27 tokens it drew from, the uniform number `multinomial` drew, and the
/// token that number fell on.
///
/// A seed field draws again from another seed, in the page, with the
/// trace's own numbers (the bigram's `P`, the MLP's weights) and PyTorch's
/// generator (mt19937, its float64 uniform, lecture-era `multinomial`); the
/// trace's seed gives the trace's draws again. Play, speed, `#step=N`
/// (N counts the draws from 0), the keyboard, a phone's width and dark
/// mode work as on the explorer pages. It fetches nothing.
///
/// ```swift
/// let page = SamplingPage([N.trace(names: 10), try MLPWeights(model).trace(names: 10)],
///                         labels: ["bigram counts", "MLP"], title: "sampling names")
/// try figures.write(page, "makemore-sampling")
/// ```
public struct SamplingPage: HTMLPage {
  /// The traces, one per model, in the order the page offers them.
  public let traces: [SamplingTrace]
  /// Each trace's name on the page.
  public let labels: [String]
  /// The page's title and heading.
  public let title: String

  /// A page for `traces`, each offered under its label.
  ///
  /// - Precondition: at least one trace, and one label per trace.
  public init(_ traces: [SamplingTrace], labels: [String], title: String) {
    precondition(!traces.isEmpty && traces.count == labels.count, "SamplingPage: one label per trace, at least one")
    self.traces = traces
    self.labels = labels
    self.title = title
  }

  /// The page: the traces' JSON (`SamplingTrace.json()`) and the script
  /// that draws them.
  public func html() -> String {
    let options = labels.enumerated().map { k, label in
      "<option value=\"\(k)\"\(k == 0 ? " selected" : "")>\(PageShell.escapeHTML(label))</option>"
    }.joined()
    let body = """
      <header>
      <h1>\(PageShell.escapeHTML(title))</h1>
      <form id="choose" class="choose">
      <label>model <select id="model">\(options)</select></label>
      <label>seed <input id="seed" inputmode="numeric" size="12" value="\(traces[0].seed)"></label>
      <button type="submit" id="draw">draw</button>
      <span id="seed-note" aria-live="polite"></span>
      </form>
      \(PageShell.stepper("sampling, one character at a time"))
      </header>
      <main id="panels">
      <section class="panel" aria-labelledby="names-heading">
      <h2 id="names-heading">names</h2>
      <ol id="names"></ol>
      </section>
      <section class="panel" aria-labelledby="draw-heading">
      <h2 id="draw-heading">this character</h2>
      <div id="context" class="context"></div>
      <svg id="strip" role="img" aria-labelledby="why"></svg>
      <p id="why" class="caption"></p>
      </section>
      <section class="panel wide" aria-labelledby="table-heading">
      <h2 id="table-heading">the probabilities of the 27 next characters</h2>
      <table id="probabilities"><thead><tr><th scope="col">next</th><th scope="col">probability</th>\
      <th scope="col"><span class="bar-heading">bar</span></th></tr></thead><tbody></tbody></table>
      </section>
      </main>
      """
    let json = "[" + traces.map { $0.json() }.joined(separator: ",") + "]"
    return PageShell.page(
      title: title, generator: "Figures",
      style: ExplorerFiles.pageCSS + ExplorerFiles.replayCSS + ExplorerFiles.samplingCSS, body: body,
      dataID: "sampling-data",
      json: json, scripts: [ExplorerFiles.stepperJS, ExplorerFiles.samplingJS])
  }
}
