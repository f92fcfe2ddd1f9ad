import Foundation

/// Whether two paths name one file or folder, `.` and `..` resolved and
/// links followed, also where the last part does not exist yet: `-o`
/// inside `--backward-steps`, `--save` and `--loss-plot` naming one file.
func samePlace(_ a: URL, _ b: URL) -> Bool {
  resolved(a) == resolved(b)
}

/// `url`'s path with its links followed. Foundation follows none in a
/// path that does not exist, so for a file not written yet its folder's
/// are followed, and its name kept.
private func resolved(_ url: URL) -> String {
  let url = url.standardizedFileURL
  guard !FileManager.default.fileExists(atPath: url.path) else { return url.resolvingSymlinksInPath().path }
  return url.deletingLastPathComponent().resolvingSymlinksInPath().appendingPathComponent(url.lastPathComponent).path
}
