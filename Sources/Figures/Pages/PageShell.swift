internal import FileOutput

/// What the training and sampling pages share: the HTML around their
/// markup, their recorded data as JSON and their scripts, with the same
/// content security policy as the explorer pages (nothing fetched).
enum PageShell {
  /// A whole page: `title` as its title, `style` and `scripts` inline,
  /// `body` as written, and `json` in a `<script type="application/json">`
  /// element with id `dataID`.
  static func page(title: String, style: String, body: String, dataID: String, json: String, scripts: [String])
    -> String
  {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="generator" content="swift-micrograd Figures">
    <title>\(escapeHTML(title))</title>
    <style>
    \(style)</style>
    </head>
    <body>
    \(body)
    <script type="application/json" id="\(dataID)">\(scriptSafe(json))</script>
    <script>
    \(scripts.joined(separator: "\n"))</script>
    </body>
    </html>

    """
  }

  /// JSON made safe inside a `<script>` element (FileOutput's one
  /// escaping).
  static func scriptSafe(_ json: String) -> String { Escaping.scriptSafe(json) }

  /// Text for HTML (FileOutput's one escaping).
  static func escapeHTML(_ s: String) -> String { Escaping.html(s) }
}

extension PageShell {
  /// The stepping controls, with the explorer pages' ids and speeds, which
  /// their shared stepper (GraphRender's Explorer/Web/stepper.js) drives:
  /// first, back, play, forward, last on one line, the speed, a slider over
  /// the steps, and the step's description, read out when it changes.
  static func stepper(_ label: String) -> String {
    """
    <div id="controls" role="toolbar" aria-label="\(escapeHTML(label))">
    <button type="button" id="first" title="The first step (Home)" aria-label="the first step">|◀</button>
    <button type="button" id="prev" title="The step before (←)" aria-label="the step before">◀</button>
    <button type="button" id="play" title="Play the steps (P)" aria-label="play">play</button>
    <button type="button" id="next" title="The next step (→)" aria-label="the next step">▶</button>
    <button type="button" id="last" title="The last step (End)" aria-label="the last step">▶|</button>
    </div>
    <div id="options" role="group" aria-label="how the steps play">
    <label for="speed">speed</label>
    <select id="speed" title="Seconds a step while playing">
    <option value="1600">slow</option><option value="800" selected>normal</option>\
    <option value="250">fast</option><option value="40">fastest</option>
    </select>
    </div>
    <input type="range" id="slider" min="0" max="0" value="0" aria-label="\(escapeHTML(label)): the step">
    <p id="step" aria-live="polite"></p>
    """
  }
}

/// A self-contained HTML page that a ``FigureWriter`` writes as
/// `name.html`: its recorded numbers, style and script inline, nothing
/// fetched (the content security policy forbids any request).
public protocol HTMLPage {
  /// The page's title: its heading, and its caption in `index.html`.
  var title: String { get }
  /// The whole page; the same bytes for the same page.
  func html() -> String
}
