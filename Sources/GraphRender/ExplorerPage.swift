/// The HTML page of ``Drawing/html(title:)``: its markup, its data as
/// JSON, its style sheet and its script (the files in `Explorer/Web`).
enum ExplorerPage {
  /// The whole page around the SVG and the data.
  static func page(title: String, svg: String, json: String) -> String {
    """
    <!DOCTYPE html>
    <html lang="en">
    <head>
    <meta charset="utf-8">
    <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; script-src 'unsafe-inline'">
    <meta name="viewport" content="width=device-width, initial-scale=1">
    <meta name="generator" content="swift-micrograd GraphRender">
    <title>\(escapeHTML(title))</title>
    <style>
    \(ExplorerFiles.explorerCSS)</style>
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
    <button type="button" id="figure" title="The figure as drawn" aria-label="the figure as drawn">figure</button>
    <span id="step" aria-live="polite">the figure as drawn</span>
    </div>
    <div id="tools">
    <input id="search" type="search" placeholder="find a value by its label (/)" aria-label="find a value by its label" autocomplete="off">
    <span id="found" aria-live="polite"></span>
    <button type="button" id="fit" title="Fit the graph to the window (0)">fit</button>
    <button type="button" id="zoom-in" title="Zoom in (+)" aria-label="zoom in">+</button>
    <button type="button" id="zoom-out" title="Zoom out (−)" aria-label="zoom out">−</button>
    </div>
    </header>
    <main id="view" tabindex="0" aria-label="the graph: Tab to its values; drag or Shift with the arrow keys to pan, the wheel or + and − to zoom">
    \(svg)</main>
    <section id="panel" aria-live="polite"></section>
    <div id="tip" role="tooltip" hidden></div>
    <script type="application/json" id="graph-data">\(json)</script>
    <script>
    \(ExplorerFiles.explorerJS)</script>
    </body>
    </html>

    """
  }

  /// The page's data: `{"nodes": [[label, op, data, grad], ...], "edges":
  /// [[from, to], ...], "root": [grad, text], "steps": [[node, grad,
  /// [[edge, grad after, its text, formula], ...]], ...]}`, numbers as
  /// their shortest text and, for what the figure shows, in its format.
  /// Call inside `NumberFormat.inPOSIXLocale`.
  static func json(_ graph: ExplorerGraph) -> String {
    let full = NumberFormat.shortest
    var out = "{\"nodes\":["
    for i in graph.labels.indices {
      if i > 0 { out += "," }
      out += "[" + string(graph.labels[i]) + "," + string(graph.ops[i]?.description ?? "") + ","
        + string(full.format(graph.data[i])) + "," + string(full.format(graph.grads[i])) + "]"
    }
    out += "],\n\"edges\":["
    out += graph.edges.map { "[\($0.from),\($0.to)]" }.joined(separator: ",")
    out += "],\n\"showGrad\":\(graph.showGrad),\"root\":[\"1.0\"," + string(graph.numberFormat.format(1)) + "],"
    out += "\n\"steps\":["
    for (k, step) in graph.steps.steps.enumerated() {
      if k > 0 { out += ",\n" }
      let formulas = graph.formulas(step)
      let updates = step.updates.enumerated().map { j, update in
        "[\(update.edge)," + string(full.format(update.gradAfter)) + ","
          + string(graph.numberFormat.format(update.gradAfter)) + "," + string(formulas[j]) + "]"
      }
      out += "[\(step.node)," + string(full.format(step.grad)) + ",[" + updates.joined(separator: ",") + "]]"
    }
    return out + "]}"
  }

  /// A JSON string that is also safe inside a `<script>` element: `<`,
  /// `>` and `&` are written as `\u003c` and so on, so no label can write
  /// `</script>` or `<!--`, and neither can U+2028 or U+2029 end a line.
  static func string(_ s: String) -> String {
    var out = "\""
    for c in s.unicodeScalars {
      switch c {
      case "\"": out += "\\\""
      case "\\": out += "\\\\"
      case "\n": out += "\\n"
      case "<", ">", "&", "\u{2028}", "\u{2029}": out += unicodeEscape(c.value)
      case _ where c.value < 0x20 || c.value == 0x7F: out += unicodeEscape(c.value)
      default: out.unicodeScalars.append(c)
      }
    }
    return out + "\""
  }

  private static func unicodeEscape(_ value: UInt32) -> String {
    let hex = String(value, radix: 16)
    return "\\u" + String(repeating: "0", count: 4 - hex.count) + hex
  }

  /// Text for HTML: `&`, `<`, `>` and quotes as character references.
  static func escapeHTML(_ s: String) -> String {
    var out = ""
    for c in s.unicodeScalars {
      switch c {
      case "&": out += "&amp;"
      case "<": out += "&lt;"
      case ">": out += "&gt;"
      case "\"": out += "&quot;"
      case "'": out += "&#39;"
      default: out.unicodeScalars.append(c)
      }
    }
    return out
  }
}
