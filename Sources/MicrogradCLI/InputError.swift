/// A mistake in the user's input, with the column it is at when there is one.
struct InputError: Error, CustomStringConvertible {
  var message: String
  var column: Int?

  /// The message alone: what argument parser prints for an error thrown
  /// from `validate()`.
  var description: String { message }
}
