import Foundation

/// Why a drawing could not be rendered or written.
///
/// Every case carries what a reader needs to fix it: the format that was
/// asked for and those on offer, the path and the system's reason, or
/// Graphviz's own message.
public enum GraphRenderError: Error, Equatable, Sendable {
  /// A drawing option is out of range (the message says which and why).
  case invalidOption(String)

  /// The graph needs more nodes laid out (its ``Drawing/layoutSize``) than
  /// the drawing's ``Drawing/nodeLimit``; Graphviz was not asked to lay it
  /// out.
  case tooManyNodes(count: Int, limit: Int)

  /// The installed Graphviz plugins offer no such output format.
  case unsupportedFormat(String, offered: [String])

  /// A file name whose extension names no format (none, or one Graphviz
  /// does not offer).
  case unknownFileExtension(path: String, offered: [String])

  /// Graphviz has no usable plugin configuration, so it cannot lay out
  /// anything; carries Graphviz's message.
  case graphvizNotConfigured(String)

  /// Graphviz could not parse the DOT text; carries its message.
  case invalidDOT(String)

  /// Graphviz could not lay the graph out; carries its message.
  case layoutFailed(String)

  /// Graphviz laid the graph out but could not render it in `format`.
  case renderFailed(format: String, message: String)

  /// The file could not be written; `path` is left as it was, and no
  /// temporary file remains.
  case cannotWrite(path: String, reason: String)
}

extension GraphRenderError: CustomStringConvertible, LocalizedError {
  /// What went wrong and what to do, in one sentence.
  public var description: String {
    switch self {
    case .invalidOption(let message):
      return message
    case .tooManyNodes(let count, let limit):
      return "the graph needs \(count) nodes laid out (its values and ops, and one "
        + "for each rank a long edge crosses), more than the limit of \(limit); "
        + "draw a smaller graph, or raise the node limit (layout time grows "
        + "quickly with size)"
    case .unsupportedFormat(let format, let offered):
      return "Graphviz offers no output format \"\(format)\" here; "
        + "it offers: \(offered.joined(separator: " "))"
    case .unknownFileExtension(let path, let offered):
      return "cannot tell the format of \"\(path)\" from its extension; "
        + "use one of: \(offered.joined(separator: " "))"
    case .graphvizNotConfigured(let message):
      return "Graphviz found no layout plugins, so it cannot draw anything"
        + (message.isEmpty ? "" : " (Graphviz said: \(message))")
        + ". Its plugin configuration is missing: run `dot -c` as root (on "
        + "Debian and Ubuntu, `sudo libgvc6-config-update`), or make sure "
        + "GVBINDIR is unset or names the folder that holds Graphviz's "
        + "plugins and their config6 file"
    case .invalidDOT(let message):
      return "Graphviz could not read the DOT text: \(message)"
    case .layoutFailed(let message):
      return "Graphviz could not lay the graph out: \(message)"
    case .renderFailed(let format, let message):
      return "Graphviz could not render the graph as \(format): \(message)"
    case .cannotWrite(let path, let reason):
      return "cannot write \"\(path)\": \(reason)"
    }
  }

  /// The same as ``description``, for `localizedDescription`.
  public var errorDescription: String? { description }
}
