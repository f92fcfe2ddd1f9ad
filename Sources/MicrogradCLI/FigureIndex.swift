internal import FileOutput
import Foundation

/// `index.html` of `micrograd figures`' folder: every figure, lesson by
/// lesson, with its caption and a link to its page.
///
/// A graph's caption is its page's title (what the lesson passed as
/// `caption:`, already written as HTML text), and so is a training or
/// sampling page's; a plot's is its title (or
/// titles, for a plot of several panels); a graph without a page (the
/// bigram counts, a folded figure, a figure of the accumulation bug) is
/// listed by its name. Like every page the
/// package writes, it fetches nothing and is the same bytes every time.
enum FigureIndex {
  /// One lesson's part of the index.
  struct Lesson {
    let name: String
    let summary: String
    /// The files it wrote, in the order it wrote them (the notes' order).
    let files: [String]
  }

  /// The index page, reading each graph page's title from `folder`.
  static func html(_ lessons: [Lesson], folder: String) throws -> String {
    var sections: [String] = []
    for lesson in lessons {
      var items: [String] = []
      var framesListed: Set<String> = []
      let figures = lesson.files.filter { $0.hasSuffix(".html") || $0.hasSuffix(".svg") }
      for file in figures {
        let name = (file as NSString).deletingPathExtension
        // A graph's page stands for its figure; a page of another kind (the
        // training and sampling pages) is listed beside a plot of its name.
        let graphPage = lesson.files.contains("\(name).html") && lesson.files.contains("\(name).dot")
        if file.hasSuffix(".svg"), graphPage { continue }
        if let frames = frameName(name) {
          // name-000.svg, name-001.svg, ...: the steps of backward(), one item.
          guard framesListed.insert(frames).inserted else { continue }
          let links = figures.filter { frameName(($0 as NSString).deletingPathExtension) == frames }
            .map {
              "<a href=\"\(escape($0))\">\(escape(String(($0 as NSString).deletingPathExtension.dropFirst(frames.count + 1))))</a>"
            }
          items.append(
            "<li>\(escape(frames)): a figure per step of backward(), for slides <span class=\"other\">"
              + links.joined(separator: " ") + "</span></li>")
          continue
        }
        if file.hasSuffix(".html") {
          let caption = try title(ofPage: (folder as NSString).appendingPathComponent(file)) ?? escape(name)
          let others = ["svg", "png", "dot"].filter { graphPage && lesson.files.contains("\(name).\($0)") }
            .map { "<a href=\"\(escape(name)).\($0)\">\($0)</a>" }
          items.append(
            "<li><a href=\"\(escape(file))\">\(caption)</a> <span class=\"file\">\(escape(name))</span>"
              + (others.isEmpty ? "" : " <span class=\"other\">" + others.joined(separator: " ") + "</span>") + "</li>")
        } else {
          let titles = try plotTitles(ofPicture: (folder as NSString).appendingPathComponent(file))
          let caption = titles.isEmpty ? escape(name) : titles.joined(separator: " · ")
          items.append(
            "<li><a href=\"\(escape(file))\">\(caption)</a> <span class=\"file\">\(escape(name))</span></li>")
        }
      }
      sections.append(
        "<h2>\(escape(lesson.name)): \(escape(lesson.summary))</h2>\n<ul>\n" + items.joined(separator: "\n") + "\n</ul>"
      )
    }
    return """
      <!DOCTYPE html>
      <html lang="en">
      <head>
      <meta charset="utf-8">
      <meta http-equiv="Content-Security-Policy" content="default-src 'none'; style-src 'unsafe-inline'; img-src 'self'">
      <meta name="viewport" content="width=device-width, initial-scale=1">
      <title>swift-micrograd: the lecture figures</title>
      <style>
      body { max-width: 60em; margin: 2em auto; padding: 0 1em; font: 15px/1.5 system-ui, sans-serif; color: #222; }
      h2 { font-size: 1.05em; margin-top: 1.6em; }
      .file { color: #595959; font-family: ui-monospace, monospace; font-size: .9em; margin-left: .5em; }
      .other a { margin-left: .4em; font-size: .9em; }
      :root { color-scheme: light dark; }
      @media (prefers-color-scheme: dark) {
        body { color: #e8e8e8; background: #15171a; }
        .file { color: #b4b4b4; }
        a { color: #8cc8ff; }
        a:visited { color: #d0b0ff; }
      }
      </style>
      </head>
      <body>
      <main>
      <h1>The lecture figures</h1>
      <p>Each lesson's figures, the lessons in the order of the notes, as <code>micrograd figures</code> made them. A graph's \
      page shows each value's numbers in full precision, highlights what a value depends on, and steps through \
      <code>backward()</code> one <code>backwardStep()</code> at a time. The training page replays the moons MLP \
      learning, step by step, and the sampling page draws makemore's names one character at a time.</p>
      \(sections.joined(separator: "\n"))
      </main>
      </body>
      </html>

      """
  }

  /// `chain-step` for `chain-step-003`: the name of a sequence of frames
  /// (`writeBackwardSteps`' numbering, three digits or more); else `nil`.
  private static func frameName(_ name: String) -> String? { FrameNumber.parse(name)?.base }

  /// The text of a page's `<title>`, as the page writes it (HTML text).
  private static func title(ofPage path: String) throws -> String? {
    let page: String
    do {
      page = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw InputError(message: "cannot read \"\(path)\" for the index: \(error.localizedDescription)")
    }
    guard let start = page.range(of: "<title>"),
      let end = page.range(of: "</title>", range: start.upperBound..<page.endIndex)
    else { return nil }
    return String(page[start.upperBound..<end.lowerBound])
  }

  /// The titles a plot's SVG shows (`<text class="title" ...>`, as the
  /// Plots library writes them, already escaped), in order; none for a
  /// Graphviz figure.
  private static func plotTitles(ofPicture path: String) throws -> [String] {
    let svg: String
    do {
      svg = try String(contentsOfFile: path, encoding: .utf8)
    } catch {
      throw InputError(message: "cannot read \"\(path)\" for the index: \(error.localizedDescription)")
    }
    return svg.matches(of: /<text class="title"[^>]*>([^<]*)<\/text>/).map { String($0.1) }
  }

  private static func escape(_ text: String) -> String { Escaping.html(text) }

}
