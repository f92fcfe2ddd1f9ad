import Foundation

extension Words {
  /// makemore's `names.txt`, as the package carries it: 32,033 names of
  /// a to z, one per line (the lectures' data set).
  ///
  /// It is a resource of the Makemore target, so it is found from any
  /// folder, on Linux and on macOS:
  ///
  /// ```swift
  /// let words = try Words(contentsOf: Words.namesFile)
  /// ```
  ///
  /// SwiftPM's `Bundle.module` stops the program when the resource bundle
  /// is not where the build put it (a binary copied elsewhere without its
  /// `swift-micrograd_Makemore` bundle). So it is asked only when the
  /// bundle is beside the program; otherwise the bundle is looked for
  /// beside the program's file and the test bundle, then the package's
  /// own copy in its sources, and if none is there, this is where the
  /// bundle should be, and reading it fails with
  /// ``MakemoreError/unreadable(path:reason:)``.
  public static var namesFile: URL {
    let main = Bundle.main.bundleURL.appendingPathComponent(resourceBundleName)
    if FileManager.default.fileExists(atPath: main.path) {
      return Bundle.module.url(forResource: "names", withExtension: "txt")
        ?? main.appendingPathComponent("names.txt")
    }
    var places = Bundle.allBundles.filter { $0.bundlePath.hasSuffix(".xctest") }.map {
      $0.bundleURL.deletingLastPathComponent()
    }
    if let program = Bundle.main.executableURL?.resolvingSymlinksInPath() {
      places.insert(program.deletingLastPathComponent(), at: 0)
    }
    let source = URL(fileURLWithPath: #filePath).deletingLastPathComponent().appendingPathComponent(
      "Resources/names.txt")
    return locateNames(in: places, source: source, missing: main.appendingPathComponent("names.txt"))
  }

  /// The 32,033 names of ``namesFile``, read and checked.
  ///
  /// - Throws: ``MakemoreError`` if the package's copy cannot be read.
  public static func names() throws -> Words {
    try Words(contentsOf: namesFile)
  }

  /// The name SwiftPM gives the Makemore target's resource bundle.
  static var resourceBundleName: String {
    #if os(macOS) || os(iOS) || os(tvOS) || os(watchOS) || os(visionOS)
      "swift-micrograd_Makemore.bundle"
    #else
      "swift-micrograd_Makemore.resources"
    #endif
  }

  /// `names.txt` in the first of `places` that holds the resource bundle,
  /// else `source` if that file exists, else `missing`.
  static func locateNames(in places: [URL], source: URL, missing: URL) -> URL {
    for place in places {
      let url = place.appendingPathComponent(resourceBundleName)
      guard FileManager.default.fileExists(atPath: url.path) else { continue }
      if let file = Bundle(url: url)?.url(forResource: "names", withExtension: "txt") { return file }
      return url.appendingPathComponent("names.txt")
    }
    return FileManager.default.fileExists(atPath: source.path) ? source : missing
  }
}
