import ArgumentParser
internal import FileOutput
import Figures
import Foundation
import GraphRender
import Lectures
import Makemore

/// `micrograd figures`: every lecture figure into a folder, replaced as a
/// whole and only when every step succeeded (``StagedFolder``).
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

      The figures are made in a new hidden folder beside the output folder \
      (.NAME.partial-RANDOM), which replaces the output folder only when every step \
      succeeded: no figure that is no longer made lingers, and a failure leaves the \
      folder exactly as it was. Its hidden files and folders (.gitkeep, .DS_Store) \
      are moved into the new folder, not replaced. Only a missing folder (made, with \
      its missing parents, which a failure removes again), an empty one, or one that \
      micrograd figures made (it holds GRAPHVIZ_VERSION) is replaced; any other is \
      refused before anything is written. A symbolic link is followed: the folder it \
      leads to is replaced and the link kept.

      Examples:
        micrograd figures
        micrograd figures --out /tmp/figures --quiet
        micrograd figures --names /data/names.txt
      """
  )

  @Option(name: .long, help: "The folder to write, replaced only when every step succeeded.")
  var out = "output"

  @Flag(name: .long, help: "Print only the files written, not the lectures' numbers.")
  var quiet = false

  @Option(
    name: .long,
    help: ArgumentHelp(
      "makemore's word list, one name per line, for the bigram step (default: the package's names.txt).",
      valueName: "file"))
  var names: String?

  /// Renders into the staging folder and swaps it in; only then says
  /// which files were written, so that no `wrote` line names a file that
  /// is not there.
  func run() throws {
    let folder = try StagedFolder(out: out)
    let rendered: (files: [String], version: String)
    do {
      rendered = try render(into: URL(fileURLWithPath: folder.staging))
    } catch {
      folder.discard()
      throw error
    }
    if let warning = try folder.commit() {
      MicrogradCommand.warn(warning)
    }
    for file in rendered.files { print("wrote \(out)/\(file)") }
    print("wrote \(out)/GRAPHVIZ_VERSION (Graphviz \(rendered.version))")
  }

  /// Runs every lecture into `folder`, GRAPHVIZ_VERSION last.
  ///
  /// - Returns: The figures' file names, in the order written, and
  ///   Graphviz's version.
  private func render(into folder: URL) throws -> (files: [String], version: String) {
    var files: [String] = []
    for lecture in allLectures {
      if !quiet { print("== \(lecture.name): \(lecture.summary)") }
      var figures = try FigureWriter(folder: folder, echo: !quiet)
      do {
        try lecture.run(&figures, readingNamesFrom: names.map { URL(fileURLWithPath: $0) } ?? Words.namesFile)
      } catch {
        throw InputError(message: "\(lecture.name): \(error)")
      }
      files += figures.written
    }
    // SVG and PNG bytes depend on Graphviz's version: say which made them.
    let version = try graphvizVersion()
    do {
      try AtomicFile.write(version + "\n", to: folder.appendingPathComponent("GRAPHVIZ_VERSION").path)
    } catch {
      throw InputError(message: error.description)
    }
    return (files, version)
  }
}
