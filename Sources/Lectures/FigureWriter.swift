import Foundation
import GraphRender
import Makemore
import Micrograd

/// Writes a lecture's figures into a folder and its printed lines to
/// standard output (and keeps both, for tests).
public struct FigureWriter {
  /// Where the figures go.
  public let folder: URL
  /// Whether ``say(_:)`` prints.
  public var echo: Bool
  /// The file names written so far, in order.
  public private(set) var written: [String] = []
  /// The lines said so far.
  public private(set) var lines: [String] = []
  /// makemore's word list (`names.txt`), for the steps that read it
  /// (``Lecture/readsNames``); ``defaultNames`` unless given.
  public var names: URL

  /// makemore's `names.txt` unless `--names` says otherwise: the copy the
  /// package carries (`Words.namesFile`), found from any folder.
  public static var defaultNames: URL { Words.namesFile }

  /// Makes the folder if need be.
  ///
  /// - Parameters:
  ///   - folder: Where the figures go.
  ///   - echo: Whether ``say(_:)`` prints.
  ///   - names: makemore's word list, for the steps that read it.
  /// - Throws: ``FigureError/cannotMakeFolder(_:_:)``.
  public init(folder: URL, echo: Bool = true, names: URL = FigureWriter.defaultNames) throws {
    self.folder = folder
    self.echo = echo
    self.names = names
    // Say plainly when a file stands where a folder must be.
    var ancestor = folder.standardizedFileURL
    while ancestor.path != "/" {
      var isFolder: ObjCBool = false
      if FileManager.default.fileExists(atPath: ancestor.path, isDirectory: &isFolder) {
        guard isFolder.boolValue else {
          throw FigureError.cannotMakeFolder(folder.path, "\(ancestor.path) is a file, not a folder")
        }
        break
      }
      ancestor.deleteLastPathComponent()
    }
    do {
      try FileManager.default.createDirectory(at: folder, withIntermediateDirectories: true)
    } catch {
      let reason = (error as NSError).userInfo[NSUnderlyingErrorKey].map { "\($0)" }
      throw FigureError.cannotMakeFolder(folder.path, reason ?? error.localizedDescription)
    }
  }

  /// Prints a line, as the notes print it.
  public mutating func say(_ line: String) {
    lines.append(line)
    if echo { print(line) }
  }

  /// The most nodes a drawing may have to get a PNG too: larger graphs
  /// make bitmaps of megabytes that are too small to read anyway.
  public static let pngNodeLimit = 400

  /// Draws the graph of `root` as `name.dot`, `name.svg` and, for graphs
  /// of at most ``pngNodeLimit`` nodes, `name.png`.
  public mutating func draw(_ root: Value, _ name: String) throws {
    try draw(try drawDot(root), name)
  }

  /// Writes a drawing (of DOT text made elsewhere, say) as `name.dot`,
  /// `name.svg` and, for at most ``pngNodeLimit`` nodes, `name.png`.
  public mutating func draw(_ drawing: Drawing, _ name: String) throws {
    let formats = drawing.nodeCount <= Self.pngNodeLimit ? ["dot", "svg", "png"] : ["dot", "svg"]
    for ext in formats {
      try drawing.write(to: folder.appendingPathComponent("\(name).\(ext)"))
      written.append("\(name).\(ext)")
    }
  }

  /// Writes an SVG picture (a plot) as `name.svg`.
  public mutating func picture(_ svg: String, _ name: String) throws {
    let url = folder.appendingPathComponent("\(name).svg")
    do {
      try Data(svg.utf8).write(to: url, options: .atomic)
    } catch {
      throw FigureError.cannotWrite(url.path, error.localizedDescription)
    }
    written.append("\(name).svg")
  }
}

/// Why a lecture's figures could not be written, or its data read.
public enum FigureError: Error, CustomStringConvertible {
  /// The output folder could not be made.
  case cannotMakeFolder(String, String)
  /// A picture could not be written.
  case cannotWrite(String, String)
  /// makemore's word list could not be read: its path, and why.
  case cannotReadNames(String, String)

  /// What went wrong, with the path.
  public var description: String {
    switch self {
    case .cannotMakeFolder(let path, let reason): "cannot make the folder \"\(path)\": \(reason)"
    case .cannotWrite(let path, let reason): "cannot write \"\(path)\": \(reason)"
    case .cannotReadNames(let path, let reason):
      "cannot read the names file \"\(path)\": \(reason.hasSuffix(".") ? String(reason.dropLast()) : reason); "
        + "pass --names PATH (makemore's names.txt, one name per line)"
    }
  }
}
