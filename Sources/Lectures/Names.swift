import Foundation
import Makemore

/// makemore's words, read from `names`.
///
/// - Throws: ``LectureError/cannotReadNames(_:_:)``, which says to pass
///   `--names`, when the file cannot be read; a `MakemoreError` naming
///   the file (and line) when it is not a list of names.
func readNames(_ names: URL) throws -> Words {
  do {
    return try Words(contentsOf: names)
  } catch MakemoreError.unreadable(let path, let reason) {
    throw LectureError.cannotReadNames(path, reason)
  }
}

/// Why a lesson could not read its data.
public enum LectureError: Error, Equatable, Sendable, CustomStringConvertible {
  /// makemore's word list could not be read: its path, and why.
  case cannotReadNames(String, String)

  /// What went wrong, with the path and what to do.
  public var description: String {
    switch self {
    case .cannotReadNames(let path, let reason):
      "cannot read the names file \"\(path)\": \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason); "
        + "pass --names PATH (makemore's names.txt, one name per line)"
    }
  }
}
