internal import FileOutput

/// What every page of the package is written in: the explorer pages
/// (``ExplorerPage``) and Figures' training and sampling pages. The HTML
/// around a page's markup, its data as JSON and its scripts, under one
/// content security policy (nothing fetched), and the stepping controls
/// that the shared stepper (`Web/stepper.js`) drives.
package enum PageShell {
  /// A whole page: `title` as its title, `style` and `scripts` inline,
  /// `body` as written, and `json` (made safe inside the element) in a
  /// `<script type="application/json">` element with id `dataID`.
  /// `generator` names the module that wrote it. With `blobImages`, the
  /// page may show images it makes itself (`img-src blob:`), as the
  /// explorer does to save its view as PNG; no other page may.
  package static func page(
    title: String, generator: String, style: String, body: String, dataID: String, json: String,
    scripts: [String], blobImages: Bool = false
  ) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
    script-src 'unsafe-inline'\(blobImages ? "; img-src blob:" : "")">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="generator" content="swift-micrograd \(generator)">
    <title>\(escapeHTML(title))</title>
    <style>
    \(style)</style>
    </head>
    <body>
    \(body)
    <script type="application/json" id="\(dataID)">\(Escaping.scriptSafe(json))</script>
    <script>
    \(scripts.joined(separator: "\n"))</script>
    </body>
    </html>

    """
  }

  /// Text for HTML (FileOutput's one escaping).
  package static func escapeHTML(_ s: String) -> String { Escaping.html(s) }
}

extension PageShell {
  /// The stepping buttons, by the stepper's ids, side by side: first,
  /// back, play, forward, last. `first` is the first button's title and spoken
  /// label: a page says what its first step is.
  package static func stepButtons(first: (title: String, label: String)) -> String {
    """
    <button type="button" id="first" title="\(first.title)" aria-label="\(first.label)">|◀</button>
    <button type="button" id="prev" title="The step before (←)" aria-label="the step before">◀</button>
    <button type="button" id="play" title="Play the steps (P)" aria-label="play">play</button>
    <button type="button" id="next" title="The next step (→)" aria-label="the next step">▶</button>
    <button type="button" id="last" title="The last step (End)" aria-label="the last step">▶|</button>
    """
  }

  /// The playing speed's choice, by the stepper's id `speed`: the seconds
  /// a step takes while playing.
  package static let speedChoice = """
    <label for="speed">speed</label>
    <select id="speed" title="Seconds a step while playing">
    <option value="1600">slow</option><option value="800" selected>normal</option>\
    <option value="250">fast</option><option value="40">fastest</option>
    </select>
    """

  /// The stepping controls of a page that steps through a recording: the
  /// buttons, the speed, a slider over the steps, and the step's
  /// description, read out when it changes. `label` names the toolbar.
  package static func stepper(_ label: String) -> String {
    """
    <div id="controls" role="toolbar" aria-label="\(escapeHTML(label))">
    \(stepButtons(first: ("The first step (Home)", "the first step")))
    </div>
    <div id="options" role="group" aria-label="how the steps play">
    \(speedChoice)
    </div>
    <input type="range" id="slider" min="0" max="0" value="0" aria-label="\(escapeHTML(label)): the step">
    <p id="step" aria-live="polite"></p>
    """
  }
}
