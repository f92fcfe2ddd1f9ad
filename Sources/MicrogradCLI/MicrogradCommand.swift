import ArgumentParser
internal import FileOutput
import Foundation
import GraphRender

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
  ///
  /// Only the argument parser's own messages may span lines (a usage
  /// line); whatever `run()` throws is one line, whatever text it holds:
  /// a path from `-o` or `--format`'s value in a Graphviz error, say.
  static func main() {
    Terminal.reportBrokenPipes()
    var command: any ParsableCommand
    do {
      // `draw --set` given thousands of times: read here, in linear time
      // (the argument parser's repeated options take quadratic time).
      let (arguments, assignments) = DrawCommand.takeAssignments(Array(CommandLine.arguments.dropFirst()))
      command = try parseAsRoot(arguments)
      if var draw = command as? DrawCommand, !assignments.isEmpty {
        draw.assignments = assignments + draw.assignments
        command = draw
      }
    } catch {
      if exitCode(for: error) == .success { succeed(error) }  // --help and friends: the help text, status 0
      fail(lines: parserMessage(for: error))
    }
    do {
      try command.run()
    } catch let error as InputError {
      fail(error.message)
    } catch {
      if exitCode(for: error) == .success { succeed(error) }
      fail(message(for: error))
    }
    Terminal.exit("micrograd: error")
  }

  /// Prints what the argument parser says for `error` (the help text) and
  /// exits with status 0, or, when standard output cannot be written, 2.
  private static func succeed(_ error: any Error) -> Never {
    print(fullMessage(for: error))
    Terminal.exit("micrograd: error")
  }

  /// The argument parser's message for `error`, with the user's text in it
  /// visible and short. Its own line breaks (a usage line) stay, but an
  /// argument's must not; so when an argument holds a control character,
  /// or is longer than 80 characters, the message is the one for the
  /// arguments with their control characters made visible and cut to 80
  /// characters (`Terminal.quoted`, with the length), which fail alike (an
  /// unknown option stays unknown, a bad value bad) and are echoed as they
  /// are. Should they not fail, `fail` still shows the control characters
  /// within each line, and cuts each line at 2,000 characters.
  static func parserMessage(for error: any Error) -> String {
    let arguments = Array(CommandLine.arguments.dropFirst())
    let visible = arguments.map { Terminal.quoted($0.withVisibleControlCharacters) }
    if visible != arguments {
      do {
        _ = try parseAsRoot(visible)
      } catch let again where exitCode(for: again) != .success {
        return message(for: again)
      } catch {}
    }
    return message(for: error)
  }

  /// Writes `micrograd: error: MESSAGE` and then `detail` to stderr and
  /// exits with status 2 (FileOutput's `Terminal.fail`). `message` is one
  /// line: every control character in it, a line break too, is shown as
  /// visible text, so that echoed input cannot act on the terminal.
  /// `detail` is lines the program wrote, each ending with a line break;
  /// within a line, control characters are shown too.
  static func fail(_ message: String, detail: String = "") -> Never {
    Terminal.fail("micrograd: error", message, detail: detail)
  }

  /// Writes `micrograd: warning: MESSAGE` to stderr; `message` is one
  /// line, shown as `fail` shows it.
  static func warn(_ message: String) {
    Terminal.writeError(warningLine(message))
  }

  /// The line ``warn(_:)`` writes for `message`: its control characters,
  /// a line break too, shown as visible text.
  static func warningLine(_ message: String) -> String {
    "micrograd: warning: \(message.withVisibleControlCharacters)\n"
  }

  /// `fail` for a message of several lines (the argument parser's): each
  /// line shown as `fail` shows one, at most 2,000 characters.
  static func fail(lines message: String) -> Never {
    let lines = message.split(separator: "\n", omittingEmptySubsequences: false)
      .map { Terminal.quoted($0, limit: 2_000) }
    Terminal.writeError("micrograd: error: " + Terminal.visibleLines(lines.joined(separator: "\n")) + "\n")
    Foundation.exit(Terminal.failureStatus)
  }
}
