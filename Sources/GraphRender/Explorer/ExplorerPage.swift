internal import FileOutput
import Micrograd

/// The HTML page of ``Drawing/html(title:)``: its markup, its data as
/// JSON, its style sheet and its script (the files in `Explorer/Web`).
enum ExplorerPage {
  /// The page's script files, in the order the page runs them: the
  /// shared parts first (each defines one part of `window.Micrograd`:
  /// `PanZoom`, `Stepper`, `Exporter`), then the page's own.
  static let script = [
    ExplorerFiles.panZoomJS, ExplorerFiles.stepperJS, ExplorerFiles.exportJS, ExplorerFiles.explorerJS,
  ].joined()

  /// The page's style sheets: the shared layout, colours, dark and print
  /// styles first, then the graph's own.
  static let style = [ExplorerFiles.pageCSS, ExplorerFiles.explorerCSS].joined()

  /// The whole page around the SVG and the data.
  static func page(title: String, svg: String, json: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; \
    script-src 'unsafe-inline'; img-src blob:">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="color-scheme" content="light dark">
    <meta name="generator" content="swift-micrograd GraphRender">
    <title>\(escapeHTML(title))</title>
    <style>
    \(style)</style>
    </head>
    <body>
    <header>
    <h1 id="title">\(escapeHTML(title))</h1>
    <div id="controls" role="toolbar" aria-label="backward(), step by step">
    <button type="button" id="first" title="Step 0, the forward pass (Home)" aria-label="step 0, the forward pass">|◀</button>
    <button type="button" id="prev" title="The step before (←)" aria-label="the step before">◀</button>
    <button type="button" id="play" title="Play the steps (P)" aria-label="play">play</button>
    <button type="button" id="next" title="The next step (→)" aria-label="the next step">▶</button>
    <button type="button" id="last" title="The last step (End)" aria-label="the last step">▶|</button>
    <span id="step" aria-live="polite">the figure as drawn</span>
    </div>
    <div id="options" role="group" aria-label="how the steps play">
    <button type="button" id="figure" title="The figure as drawn, after backward()" aria-label="the figure as drawn">figure</button>
    <label for="speed">speed</label>
    <select id="speed" title="Seconds a step while playing">
    <option value="1600">slow</option><option value="800" selected>normal</option>\
    <option value="250">fast</option><option value="40">fastest</option>
    </select>
    <label title="Step over the values that pass nothing on (leaves)"><input type="checkbox" id="skip"> skip leaves</label>
    </div>
    <div id="tools" role="toolbar" aria-label="the view">
    <input id="search" type="search" placeholder="find a value (/)" title="Find a value by its label; Enter: the next" \
    aria-label="find a value by its label" autocomplete="off">
    <span id="found" aria-live="polite"></span>
    <button type="button" id="fit" title="Fit the graph to the window (0)">fit</button>
    <button type="button" id="zoom-in" title="Zoom in (+)" aria-label="zoom in">+</button>
    <button type="button" id="zoom-out" title="Zoom out (−)" aria-label="zoom out">−</button>
    </div>
    </header>
    <div id="layout">
    <main id="view" tabindex="0" aria-label="the graph: Tab to its values; drag, or Shift with the arrow keys, to pan; \
    the wheel, a pinch or + and − to zoom">
    \(svg)</main>
    <aside id="panel" aria-label="details">
    <ul id="mg-legend" aria-label="what the colours mean"></ul>
    <div id="panel-tools">
    <label id="precision"><input type="checkbox" id="full"> full precision</label>
    <span id="save">save the view as
    <button type="button" id="save-svg" title="Save the view as an SVG file" aria-label="save the view as SVG">SVG</button>
    <button type="button" id="save-png" title="Save the view as a PNG file" aria-label="save the view as PNG">PNG</button>
    </span>
    </div>
    <div id="now" aria-live="polite"></div>
    <div id="details"></div>
    </aside>
    </div>
    <script type="application/json" id="graph-data">\(json)</script>
    <script>
    \(script)</script>
    </body>
    </html>

    """
  }

  /// The page's data, numbers as their shortest text (full) and as the
  /// figure writes them (text):
  ///
  /// - `nodes`: `[label, op, data, grad, data text, grad text]` per value;
  /// - `edges`: `[from, to]`, operand edges in ``Trace`` order;
  /// - `root`, `zero`: `[full, text]` of 1 and 0;
  /// - `rules`: the rule of each operation in the graph, by its op text;
  /// - `steps`: `[node, grad, grad text, updates]` per `backwardStep()`,
  ///   an update `[edge, grad after, its text, local derivative's formula,
  ///   local derivative, its text, contribution, its text]`, the formula
  ///   with `{j}` for value `j`'s name (``ExplorerGraph/localDerivativeTemplate(_:_:operands:)``).
  ///
  /// Call inside `NumberFormat.inPOSIXLocale`.
  static func json(_ graph: ExplorerGraph) -> String {
    let full = NumberFormat.shortest
    let drawn = graph.numberFormat
    func pair(_ x: Double) -> String { string(full.format(x)) + "," + string(drawn.format(x)) }
    var out = "{\"nodes\":["
    for i in graph.labels.indices {
      if i > 0 { out += "," }
      out +=
        "[" + string(graph.labels[i]) + "," + string(graph.ops[i]?.description ?? "") + ","
        + string(full.format(graph.data[i])) + "," + string(full.format(graph.grads[i])) + ","
        + string(drawn.format(graph.data[i])) + "," + string(drawn.format(graph.grads[i])) + "]"
    }
    out += "],\n\"edges\":["
    out += graph.edges.map { "[\($0.from),\($0.to)]" }.joined(separator: ",")
    out += "],\n\"showGrad\":\(graph.showGrad),\"root\":[" + pair(1) + "],\"zero\":[" + pair(0) + "],"
    // Each operation's rule once, in the order the graph first uses it.
    var ops: [Operation] = []
    for case let op? in graph.ops where !ops.contains(op) { ops.append(op) }
    out += "\n\"rules\":{"
    out += ops.map { string($0.description) + ":" + string(ExplorerGraph.rule($0)) }.joined(separator: ",")
    out += "},\n\"steps\":["
    for (k, step) in graph.steps.steps.enumerated() {
      if k > 0 { out += ",\n" }
      let operands = step.updates.map(\.operand)
      let updates = step.updates.enumerated().map { j, update in
        "[\(update.edge)," + pair(update.gradAfter) + ","
          + string(graph.localDerivativeTemplate(step.node, j, operands: operands)) + ","
          + pair(update.localDerivative) + "," + pair(update.contribution) + "]"
      }
      out += "[\(step.node)," + pair(step.grad) + ",[" + updates.joined(separator: ",") + "]]"
    }
    return out + "]}"
  }

  /// A JSON string that is also safe inside a `<script>` element
  /// (FileOutput's `Escaping.json`).
  static func string(_ s: String) -> String { Escaping.json(s) }

  /// Text for HTML: `&`, `<`, `>` and quotes as character references
  /// (FileOutput's `Escaping.html`).
  static func escapeHTML(_ s: String) -> String { Escaping.html(s) }
}
