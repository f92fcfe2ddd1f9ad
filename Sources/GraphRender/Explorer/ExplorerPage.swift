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
    let body = """
      <header>
      <h1 id="title">\(PageShell.escapeHTML(title))</h1>
      <div id="controls" role="toolbar" aria-label="backward(), step by step">
      \(PageShell.stepButtons(first: ("Step 0, the forward pass (Home)", "step 0, the forward pass")))
      <span id="step" aria-live="polite">the figure as drawn</span>
      </div>
      <div id="options" role="group" aria-label="how the steps play">
      <button type="button" id="figure" title="The figure as drawn, after backward()" aria-label="the figure as drawn">figure</button>
      \(PageShell.speedChoice)
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
      """
    // The view saved as PNG is drawn from an image the page makes (blob:).
    return PageShell.page(
      title: title, generator: "GraphRender", style: style, body: body, dataID: "graph-data", json: json,
      scripts: [script], blobImages: true)
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
}
