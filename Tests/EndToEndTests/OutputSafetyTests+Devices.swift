import Foundation
import TestSupport
import Testing

#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// Issue 22, defects 2 and 6 at the ends of the road: character devices
/// given to every option that writes, and a trained model whose final
/// write fails after the check before training passed.
///
/// As root a command that replaced a device with a regular file would
/// replace the system's `/dev/null`; so as root each device is first a
/// private copy (`mknod` with the system device's number, in the test's
/// folder), and the system's path is used only once the copy came
/// through. As another user the system's device cannot be replaced.
extension OutputSafetyTests {
  // MARK: - Character devices, end to end

  /// `-o`, `--save` and `--loss-plot` on `/dev/null`: written into, and
  /// the device is still the same character device after; nothing is
  /// made beside it.
  @Test func devNullStaysADevice() throws {
    let names = try smallNames()
    for null in try devices("null") {
      let before = try Self.characterDevice(null)
      let draw = try run("micrograd", Self.add + ["-o", null])
      #expect(draw.status == 0, "\(draw.error)")
      #expect(draw.output.isEmpty)
      let train = try run(
        "micrograd",
        ["makemore", "train"] + Self.small(names)
          + ["--steps", "5", "--samples", "0", "--quiet", "--save", null, "--loss-plot", null])
      #expect(train.status == 0, "\(train.error)")
      #expect(
        train.output.hasSuffix("saved the model to \(null)\nwrote the loss curve to \(null)\n"), "\(train.output)")
      let after = try Self.characterDevice(null)
      try #require(after != nil && after == before, "\(null) is no longer the device it was")
    }
    #expect(try folder.files().filter { $0 != "null" } == ["names.txt"])
  }

  /// `-o /dev/stdout`, `--save /dev/stdout` and `--loss-plot /dev/stdout`
  /// with standard output a pipe: the SVG, the model and the curve (each
  /// in a run of its own) arrive in the pipe; a link to /dev/stdout is
  /// followed the same way; both links are links still.
  @Test func devStdoutIsThePipe() throws {
    let names = try smallNames()
    let link = folder.url.appendingPathComponent("out").path
    try FileManager.default.createSymbolicLink(atPath: link, withDestinationPath: "/dev/stdout")
    // The private link first: only if it is followed to the pipe is
    // /dev/stdout itself written to.
    for path in [link, "/dev/stdout"] {
      let draw = try run("micrograd", Self.add + ["-o", path])
      #expect(draw.status == 0, "\(draw.error)")
      #expect(draw.output.hasPrefix("<?xml") && draw.output.contains("</svg>"), "-o \(path)")
      // One at a time: standard output holds one file (oneFileOnStandardOutput).
      for option in ["--save", "--loss-plot"] {
        let train = try run(
          "micrograd",
          ["makemore", "train"] + Self.small(names) + ["--steps", "5", "--samples", "0", "--quiet", option, path])
        #expect(train.status == 0, "\(train.error)")
        #expect(
          option == "--save"
            ? train.output.hasPrefix("{") && train.output.contains("\"hiddenSize\"")
            : train.output.hasPrefix("<?xml") && train.output.contains("minibatch loss"),
          "\(option) \(path)")
      }
      try #require(try FileManager.default.destinationOfSymbolicLink(atPath: link) == "/dev/stdout")
      try #require(try FileManager.default.destinationOfSymbolicLink(atPath: "/dev/stdout").hasSuffix("fd/1"))
    }
    #expect(try folder.files() == ["names.txt", "out"])
  }

  // MARK: - A model whose final write fails

  // Linux: /dev/full and inotify.
  #if canImport(Glibc)
    /// `--save` on a device that cannot take it (a full disk: /dev/full's
    /// kind). The check before training passes, as a device is writable;
    /// the write fails. The model is kept in $TMPDIR, not in the device's
    /// folder (/dev), loads, is the model a good save writes, and the error
    /// says where it is.
    @Test func aModelTheDeviceRefusedIsKeptInTheTemporaryFolder() throws {
      let names = try smallNames()
      let temporary = folder.url.appendingPathComponent("tmp")
      try FileManager.default.createDirectory(at: temporary, withIntermediateDirectories: true)
      let train = ["makemore", "train"] + Self.small(names) + ["--steps", "5", "--samples", "0", "--quiet"]
      let good = folder.url.appendingPathComponent("good.json").path
      #expect(try run("micrograd", train + ["--save", good]).status == 0)
      for full in try devices("full") {
        let result = try run("micrograd", train + ["--save", full], environment: ["TMPDIR": temporary.path])
        #expect(result.status == 2)
        #expect(
          result.error.hasPrefix("micrograd: error: cannot save the model to \"\(full)\": No space left on device; "))
        let kept = try #require(Self.keptModel(result.error), "\(result.error)")
        #expect((kept as NSString).deletingLastPathComponent == temporary.path, "\(kept)")
        try expectTheSameModel(kept, as: good)
        try FileManager.default.removeItem(atPath: kept)
        #expect(try Self.characterDevice(full) != nil)
      }
      #expect(try FileManager.default.contentsOfDirectory(atPath: "/dev").filter { $0.hasPrefix("micrograd-") } == [])
      #expect(try folder.files().filter { $0 != "full" } == ["good.json", "names.txt", "tmp"])
    }

    /// The final write of `--save` into a regular file fails after the
    /// check before training passed: the name became a folder meanwhile.
    /// The model is saved beside it, loads, is the model a good save
    /// writes, and the error says where it is.
    ///
    /// Deterministic: standard error is a pipe filled to the brim, so the
    /// first progress line of training waits for the test to read; the
    /// test makes the folder once inotify has seen the check remove its
    /// probe file, then reads.
    @Test func aModelWhoseFileBecameAFolderIsKeptBesideIt() throws {
      let names = try smallNames()
      let models = folder.url.appendingPathComponent("models")
      try FileManager.default.createDirectory(at: models, withIntermediateDirectories: true)
      let target = models.appendingPathComponent("m.json")
      let train = ["makemore", "train"] + Self.small(names) + ["--steps", "20", "--samples", "0"]
      let good = folder.url.appendingPathComponent("good.json").path
      #expect(try run("micrograd", train + ["--save", good, "--quiet"]).status == 0)

      let watch = inotify_init1(Int32(IN_CLOEXEC))
      try #require(watch >= 0)
      defer { close(watch) }
      try #require(inotify_add_watch(watch, models.path, UInt32(IN_DELETE)) >= 0)
      var errorPipe: [Int32] = [0, 0]
      #expect(pipe(&errorPipe) == 0)
      // Close-on-exec: no program another test starts may keep it open
      // (Process gives the child its own copy, as standard error).
      for fd in errorPipe { _ = fcntl(fd, F_SETFD, FD_CLOEXEC) }
      let filled = Self.fill(errorPipe[1])
      try #require(filled > 0)

      let process = Process()
      process.executableURL = productsFolder.appendingPathComponent("micrograd")
      process.arguments = train + ["--save", target.path]
      process.standardError = FileHandle(fileDescriptor: errorPipe[1], closeOnDealloc: false)
      let output = Pipe()
      process.standardOutput = output
      try process.run()
      close(errorPipe[1])
      var ready = pollfd(fd: watch, events: Int16(POLLIN), revents: 0)
      let checked = poll(&ready, 1, 120_000) == 1
      #expect(checked, "the check before training did not remove its probe within 120 s")
      if checked {
        try FileManager.default.createDirectory(at: target, withIntermediateDirectories: false)
      } else {
        kill(process.processIdentifier, SIGKILL)
      }
      let messages = FileHandle(fileDescriptor: errorPipe[0], closeOnDealloc: true).readDataToEndOfFile()
      _ = output.fileHandleForReading.readDataToEndOfFile()
      process.waitUntilExit()
      let text = String(decoding: messages.dropFirst(filled), as: UTF8.self)
      #expect(process.terminationStatus == 2)
      let last = text.split(separator: "\n").last.map(String.init) ?? ""
      #expect(
        last.hasPrefix("micrograd: error: cannot save the model to \"\(target.path)\": Is a directory; "), "\(text)")
      let kept = try #require(Self.keptModel(last), "\(text)")
      #expect((kept as NSString).deletingLastPathComponent == models.path, "\(kept)")
      try expectTheSameModel(kept, as: good)
      #expect(
        try FileManager.default.contentsOfDirectory(atPath: models.path).sorted()
          == ["m.json", (kept as NSString).lastPathComponent].sorted())
    }

    /// Fills the pipe whose writing end is `fd` until it takes no more, in
    /// whole pages, so that the next write of any size waits for a reader.
    ///
    /// - Returns: How many bytes it wrote.
    static func fill(_ fd: Int32) -> Int {
      let flags = fcntl(fd, F_GETFL)
      _ = fcntl(fd, F_SETFL, flags | O_NONBLOCK)
      defer { _ = fcntl(fd, F_SETFL, flags) }
      let page = [UInt8](repeating: UInt8(ascii: "#"), count: 4096)
      var filled = 0
      while true {
        let n = page.withUnsafeBytes { Glibc.write(fd, $0.baseAddress, $0.count) }
        guard n > 0 else { return filled }
        filled += n
      }
    }
  #endif

  // MARK: - Helpers

  /// The paths of the system's `/dev/NAME` to write in a test: as root, a
  /// private copy (made in the folder), then the system's; otherwise the
  /// system's only.
  func devices(_ name: String) throws -> [String] {
    let system = "/dev/" + name
    guard geteuid() == 0 else { return [system] }
    var info = stat()
    try #require(stat(system, &info) == 0 && info.st_mode & S_IFMT == S_IFCHR, "\(system) is not a device")
    let copy = folder.url.appendingPathComponent(name).path
    try #require(
      mknod(copy, S_IFCHR | 0o666, info.st_rdev) == 0,
      "as root, cannot make a private \(name) device to test on (mknod: \(String(cString: strerror(errno))))")
    return [copy, system]
  }

  /// The device number of the character device at `path` (links
  /// followed), or `nil` when it is not one.
  static func characterDevice(_ path: String) throws -> UInt64? {
    var info = stat()
    guard stat(path, &info) == 0, info.st_mode & S_IFMT == S_IFCHR else { return nil }
    return UInt64(info.st_rdev)
  }

  /// Where an error says the model was saved instead (`the model is
  /// saved in "PATH" instead`).
  static func keptModel(_ error: String) -> String? {
    guard let start = error.range(of: "the model is saved in \""),
      let end = error.range(of: "\" instead", range: start.upperBound..<error.endIndex)
    else { return nil }
    return String(error[start.upperBound..<end.lowerBound])
  }

  /// `kept` loads (micrograd samples from it) and holds the same bytes as
  /// `good`, which the same training saved where it could.
  func expectTheSameModel(_ kept: String, as good: String) throws {
    #expect(FileManager.default.contents(atPath: kept) == FileManager.default.contents(atPath: good))
    let sample = try run("micrograd", ["makemore", "sample", "--model", kept, "--count", "3"])
    #expect(sample.status == 0, "\(sample.error)")
    #expect(sample.output.split(separator: "\n").count == 3)
  }
}
