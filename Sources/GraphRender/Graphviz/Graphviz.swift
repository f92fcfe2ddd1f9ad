internal import CGraphviz
import Foundation
import Synchronization

/// The one door to Graphviz's C libraries.
///
/// cgraph and gvc keep global state (the parser, the error channel, the
/// plugin registry), so every `ag*` and `gv*` call in the process goes
/// through ``withLock(_:)``: one lock, and one lazily made context that is
/// reused for every render.
///
/// The lock is held for a whole render, so a render blocks its thread
/// while others run, and layouts of thousands of nodes take seconds (see
/// ``Drawing/defaultNodeLimit``).
enum Graphviz {
  /// What the lock protects.
  struct State: ~Copyable {
    /// The gvc context, made on first use and kept for the process.
    var context: OpaquePointer?
    /// The device (output format) names the installed plugins offer.
    var formats: [String] = []
    /// Contexts made: one per process, which a test checks.
    var contextsMade = 0
  }

  private static let state = Mutex(State())

  /// What Graphviz reported (errors and warnings) since the last
  /// ``takeMessages()``. A lock of its own, because Graphviz calls the
  /// error callback while ``state`` is held.
  private static let messages = Mutex<[String]>([])

  /// Runs `body` with the process-wide Graphviz lock held.
  static func withLock<T: Sendable>(_ body: (inout sending State) throws -> T) throws -> T {
    try state.withLock { state in try body(&state) }
  }

  /// Clears and returns what Graphviz reported, joined into one message.
  static func takeMessages() -> String {
    let lines = messages.withLock { list in
      defer { list.removeAll() }
      return list
    }
    // Graphviz sends "Error", ": " and the message as three calls.
    return lines.joined()
      .split(separator: "\n", omittingEmptySubsequences: true)
      .map { line in
        let text = line.trimmingCharacters(in: .whitespaces)
        return text.hasPrefix("Error: ") ? String(text.dropFirst(7)) : text
      }
      .joined(separator: "; ")
  }

  /// Where Graphviz's `agerr` messages go instead of stderr.
  fileprivate static let errorFunction: @convention(c) (UnsafeMutablePointer<CChar>?) -> Int32 = {
    message in
    if let message {
      let text = String(cString: message)
      Graphviz.messages.withLock { $0.append(text) }
    }
    return 0
  }
}

// MARK: - The context

extension Graphviz.State {
  /// The context, made on first use.
  ///
  /// - Throws: ``GraphRenderError/graphvizNotConfigured(_:)`` when Graphviz
  ///   finds no layout plugin (no plugin configuration, or `GVBINDIR`
  ///   pointing at a folder without one).
  mutating func gvc() throws -> OpaquePointer {
    if let context { return context }
    agseterrf(Graphviz.errorFunction)
    agseterr(AGWARN)
    guard let made = gvContext() else {
      throw GraphRenderError.graphvizNotConfigured(Graphviz.takeMessages())
    }
    let layouts = Self.plugins(in: made, kind: "layout")
    guard layouts.contains("dot") else {
      let said = Graphviz.takeMessages()
      gvFreeContext(made)
      throw GraphRenderError.graphvizNotConfigured(said)
    }
    _ = Graphviz.takeMessages()
    context = made
    contextsMade += 1
    formats = Self.plugins(in: made, kind: "device").filter { !Self.withheldDevices.contains($0) }
    return made
  }

  /// Devices that are not offered: `gtk`, `x11` and `xlib` open a window
  /// instead of writing bytes (gvRenderData would wait on a display), and
  /// `vrml` writes a PNG file per node into the current folder.
  static let withheldDevices = ["gtk", "vrml", "x11", "xlib"]

  /// The names of one kind of plugin, sorted, without duplicates.
  private static func plugins(in gvc: OpaquePointer, kind: String) -> [String] {
    var count: Int32 = 0
    guard let list = mg_plugin_list(gvc, kind, &count) else { return [] }
    defer { mg_free_plugin_list(list, count) }
    var names: [String] = []
    for i in 0..<Int(count) {
      guard let name = list[i] else { continue }
      // Entries may carry the plugin package ("png:cairo"); keep the format.
      let format = String(cString: name).prefix { $0 != ":" }
      names.append(String(format))
    }
    names.sort()
    return names.enumerated().filter { i, name in i == 0 || names[i - 1] != name }.map(\.element)
  }
}
