import Makemore

extension FigureWriter {
  /// makemore's words, read from ``names``.
  ///
  /// - Throws: ``FigureError/cannotReadNames(_:_:)``, which says to pass
  ///   `--names`, when the file cannot be read; a `MakemoreError` naming
  ///   the file (and line) when it is not a list of names.
  func words() throws -> Words {
    do {
      return try Words(contentsOf: names)
    } catch MakemoreError.unreadable(let path, let reason) {
      throw FigureError.cannotReadNames(path, reason)
    }
  }
}
