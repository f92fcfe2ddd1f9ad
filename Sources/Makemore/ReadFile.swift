import Foundation

/// The bytes of a regular file: a folder, a device such as `/dev/zero` or
/// a pipe (which could be read forever) is an error, as is a missing file.
///
/// - Throws: ``MakemoreError/unreadable(path:reason:)``.
func readRegularFile(_ url: URL) throws -> Data {
  let attributes: [FileAttributeKey: Any]
  do {
    attributes = try FileManager.default.attributesOfItem(atPath: url.path)
  } catch {
    let missing = !FileManager.default.fileExists(atPath: url.path)
    throw MakemoreError.unreadable(
      path: url.path, reason: missing ? "no such file" : (error as NSError).localizedFailureReason ?? "\(error)")
  }
  switch attributes[.type] as? FileAttributeType {
  case .typeRegular?: break
  case .typeDirectory?: throw MakemoreError.unreadable(path: url.path, reason: "it is a folder, not a file")
  default: throw MakemoreError.unreadable(path: url.path, reason: "it is not a regular file")
  }
  do {
    return try Data(contentsOf: url)
  } catch {
    throw MakemoreError.unreadable(
      path: url.path, reason: (error as NSError).localizedFailureReason ?? error.localizedDescription)
  }
}
