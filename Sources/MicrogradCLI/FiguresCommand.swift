import ArgumentParser
import Foundation
import GraphRender
import Lectures

/// `micrograd figures`: every lecture figure into a folder.
struct FiguresCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "figures",
    abstract: "Render every figure of the lecture notes (what `make figures` runs).",
    discussion: """
      Runs each lecture step (add, chain, expression, neuron, mlp, training, moons, \
      bigram), printing what the notes print, and writes its figures as DOT, SVG and \
      PNG (plots as SVG; no PNG for graphs of more than 400 nodes) into the folder, \
      with GRAPHVIZ_VERSION, the Graphviz that rendered them. Each step is also an \
      example: swift run neuron. The bigram step reads makemore's names.txt (the \
      package's copy unless --names says otherwise).

      Examples:
        micrograd figures
        micrograd figures --out /tmp/figures --quiet
        micrograd figures --names /data/names.txt
      """
  )

  @Option(name: .long, help: "The folder to write into.")
  var out = "output"

  @Flag(name: .long, help: "Print only the files written, not the lectures' numbers.")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "makemore's word list, one name per line, for the bigram step (default: the package's names.txt).",
      valueName: "file"))
  var names: String?

  func run() throws {
    for lecture in allLectures {
      if !quiet { print("== \(lecture.name): \(lecture.summary)") }
      var figures = try FigureWriter(
        folder: URL(fileURLWithPath: out), echo: !quiet, names: names.map { URL(fileURLWithPath: $0) } ?? FigureWriter.defaultNames)
      do {
        try lecture.run(&figures)
      } catch {
        throw InputError(message: "\(lecture.name): \(error)", column: nil)
      }
      for file in figures.written { print("wrote \(out)/\(file)") }
    }
    // SVG and PNG bytes depend on Graphviz's version: say which made them.
    let version = try graphvizVersion()
    let url = URL(fileURLWithPath: out).appendingPathComponent("GRAPHVIZ_VERSION")
    do {
      try Data((version + "\n").utf8).write(to: url, options: .atomic)
    } catch {
      throw InputError(message: "cannot write \"\(url.path)\": \(error.localizedDescription)", column: nil)
    }
    print("wrote \(out)/GRAPHVIZ_VERSION (Graphviz \(version))")
  }
}
