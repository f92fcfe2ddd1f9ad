/// Why a lesson's figures could not be written.
public enum FigureError: Error, Equatable, Sendable, CustomStringConvertible {
  /// The output folder could not be made: its path, and why.
  case cannotMakeFolder(String, String)
  /// A picture could not be written: its path, and why.
  case cannotWrite(String, String)

  /// What went wrong, with the path.
  public var description: String {
    switch self {
    case .cannotMakeFolder(let path, let reason): "cannot make the folder \"\(path)\": \(reason)"
    case .cannotWrite(let path, let reason): "cannot write \"\(path)\": \(reason)"
    }
  }
}
