/// A mistake in the user's input: one line, printed as
/// `micrograd: error: MESSAGE` with exit status 2.
struct InputError: Error, CustomStringConvertible {
  var message: String

  /// The message alone: what argument parser prints for an error thrown
  /// from `validate()`.
  var description: String { message }
}
