import ArgumentParser
import Foundation

/// `micrograd`: the lecture figures, and a teacher's one-liner for a figure.
@main
struct MicrogradCommand: ParsableCommand {
  static let configuration = CommandConfiguration(
    commandName: "micrograd",
    abstract: "Draw micrograd's computation graphs (the lectures' figures, or your own); train makemore.",
    discussion: """
      Examples:
        micrograd figures
        micrograd draw 'e = a*b; d = e + c; L = d*f' --backward -o L.svg \\
            --set a=2 --set b=-3 --set c=10 --set f=-2
        micrograd makemore train --steps 60000 --save model.json
      """,
    subcommands: [FiguresCommand.self, DrawCommand.self, MakemoreCommand.self]
  )

  /// Parses and runs a subcommand. Bad input is one line on stderr and
  /// exit status 2 (argument parser's usage errors would be 64).
  static func main() {
    do {
      var command = try parseAsRoot()
      try command.run()
    } catch let error as InputError {
      fail(error.message)
    } catch {
      let code = exitCode(for: error)
      if code == .success {
        exit(withError: error)  // --help and friends: the help text, status 0
      }
      fail(message(for: error))
    }
  }

  /// Writes `micrograd: error: MESSAGE` to stderr and exits with status 2.
  static func fail(_ message: String, detail: String = "") -> Never {
    FileHandle.standardError.write(Data("micrograd: error: \(message)\n\(detail)".utf8))
    Foundation.exit(2)
  }
}
