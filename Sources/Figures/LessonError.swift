/// Why a lesson program stopped: a bad command line, or a data file it
/// could not read.
public enum LessonError: Error, Equatable, Sendable, CustomStringConvertible {
  /// An option came last, without its value: the option, and what it
  /// needs (`a folder`).
  case missingValue(String, String)
  /// An argument the program does not take: the argument, and the usage.
  case unknownArgument(String, usage: String)
  /// makemore's word list could not be read: its path, and why.
  case cannotReadNames(path: String, reason: String)

  /// What went wrong, in one line, with what to do.
  public var description: String {
    switch self {
    case .missingValue(let option, let what):
      "\(option) needs \(what)"
    case .unknownArgument(let argument, let usage):
      "unknown argument '\(argument)' (usage: \(usage))"
    case .cannotReadNames(let path, let reason):
      "cannot read the names file \"\(path)\": \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason); "
        + "pass --names PATH (makemore's names.txt, one name per line)"
    }
  }
}
