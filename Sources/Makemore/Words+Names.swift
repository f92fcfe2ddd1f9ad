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
  public static var namesFile: URL {
    Bundle.module.url(forResource: "names", withExtension: "txt")
      ?? Bundle.module.bundleURL.appendingPathComponent("names.txt")
  }

  /// The 32,033 names of ``namesFile``, read and checked.
  ///
  /// - Throws: ``MakemoreError`` if the package's copy cannot be read.
  public static func names() throws -> Words {
    try Words(contentsOf: namesFile)
  }
}
