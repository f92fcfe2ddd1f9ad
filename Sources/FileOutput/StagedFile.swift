import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A file written for its destination but not yet put there
/// (``AtomicFile/stage(_:to:)``): ``commit()`` puts it in place,
/// ``discard()`` removes it, and one that is neither is discarded when it
/// goes away.
///
/// `micrograd draw --backward-steps DIR -o FILE` stages FILE, then swaps
/// the frames in, then commits FILE: what is left to fail after the frames
/// are in place is one rename in a folder that was checked for it.
public final class StagedFile {
  enum Pending {
    /// A locked, flushed temporary file beside `file`.
    case rename(temporary: String, descriptor: Int32, file: String)
    /// Bytes for standard output, a pipe or a device.
    case stream(Data)
    case done
  }

  /// The path it was staged for, as given.
  public let path: String
  private var pending: Pending

  init(path: String, pending: Pending) {
    self.path = path
    self.pending = pending
  }

  /// Puts the file in place: renames it over its destination, or writes
  /// the bytes to the stream. A second call does nothing.
  ///
  /// - Throws: ``AtomicFileError``; the destination is as it was, and the
  ///   temporary file is removed.
  public func commit() throws(AtomicFileError) {
    let pending = self.pending
    self.pending = .done
    switch pending {
    case .done:
      return
    case .stream(let data):
      try AtomicFile.write(data, to: path)
    case .rename(let temporary, let fd, let file):
      // Renamed while still locked, so that no cleaner takes it for a leftover.
      if rename(temporary, file) != 0 {
        let error = AtomicFile.failure(path)
        unlink(temporary)
        close(fd)
        throw error
      }
      close(fd)
    }
  }

  /// Removes the staged file and leaves the destination as it was. A
  /// second call, or one after ``commit()``, does nothing.
  public func discard() {
    if case .rename(let temporary, let fd, _) = pending {
      unlink(temporary)
      close(fd)
    }
    pending = .done
  }

  deinit { discard() }
}
