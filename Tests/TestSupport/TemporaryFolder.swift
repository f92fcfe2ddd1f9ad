import Foundation

/// A fresh, empty folder under the system's temporary folder, removed
/// with everything in it when the last reference goes.
///
/// ```swift
/// let folder = try TemporaryFolder()
/// try drawing.write(to: folder.url.appendingPathComponent("L.svg"))
/// #expect(try folder.files() == ["L.svg"])
/// ```
public final class TemporaryFolder {
  /// The folder.
  public let url: URL

  /// Makes the folder, named `swift-micrograd-` and a UUID.
  public init() throws {
    url = FileManager.default.temporaryDirectory
      .appendingPathComponent("swift-micrograd-\(UUID().uuidString)")
    try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
  }

  deinit { try? FileManager.default.removeItem(at: url) }

  /// The names of the entries in the folder, sorted.
  public func files() throws -> [String] {
    try FileManager.default.contentsOfDirectory(atPath: url.path).sorted()
  }
}
