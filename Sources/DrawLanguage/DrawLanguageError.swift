/// A mistake in a program of the `draw` language (a syntax error, an
/// unknown name, a name given twice, ...), with the column it is at when
/// there is one.
package struct DrawLanguageError: Error, Equatable, CustomStringConvertible {
  /// What is wrong, in one line.
  package var message: String
  /// Where, 1-based, in the program's characters; `nil` when the mistake
  /// is not at one place (an empty program, an unused `--set`).
  package var column: Int?

  /// An error with `message`, at `column` when there is one.
  package init(message: String, column: Int?) {
    self.message = message
    self.column = column
  }

  /// The message alone.
  package var description: String { message }
}
