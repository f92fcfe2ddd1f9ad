internal import CFileSystem
internal import FileOutput
import Foundation

#if canImport(Glibc)
  import Glibc
#elseif canImport(Musl)
  import Musl
#elseif canImport(Darwin)
  import Darwin
#endif

/// A lesson program run by `micrograd figures`, in this program's process
/// group (so that Ctrl-C at a terminal reaches both) and watched:
///
/// - SIGINT or SIGTERM sent to `micrograd` is passed on to the lesson,
///   which is waited for (and killed after 5 s more); the run then ends
///   with ``Interruption``, for the caller to clean up and exit 130 or 143;
/// - a lesson that runs longer than the time limit is stopped the same way,
///   with a clear error;
/// - should `micrograd` itself be killed, the lesson ends too
///   (FileOutput's `Terminal.endWithParent()`).
///
/// Its standard error (and standard output, when captured) goes to a
/// temporary file that is removed from its folder as soon as it is
/// opened: nothing is left behind, however the run ends.
struct LessonProcess {
  /// The signals passed on to the lesson.
  static let stops = [SIGINT, SIGTERM]

  /// Blocks SIGINT and SIGTERM in this thread (and those it starts), so
  /// that they wait for ``run(_:_:quiet:capture:timeLimit:)`` to see them
  /// instead of ending the program before it has cleaned up.
  static func holdStops() {
    var set = stopSet()
    pthread_sigmask(SIG_BLOCK, &set, nil)
  }

  /// How the lesson ended, and what it wrote.
  struct Ended {
    /// The exit status, or the signal that stopped it.
    let status: Int32
    /// Whether `status` is a signal.
    let signalled: Bool
    /// Its standard output, when captured.
    let output: String
    /// Its standard error.
    let error: String
  }

  /// Runs `program` with `arguments` and waits for it.
  ///
  /// - Parameters:
  ///   - quiet: Send its standard output to /dev/null.
  ///   - capture: Keep its standard output (for `--help`).
  ///   - timeLimit: How long it may run.
  ///   - environment: Variables added to this process's environment for it.
  /// - Throws: ``Interruption`` when a stop signal came; `InputError` when
  ///   it could not be run or ran past `timeLimit`.
  static func run(
    _ program: String, _ arguments: [String], quiet: Bool, capture: Bool, timeLimit: Duration,
    environment: [String: String] = [:]
  ) throws -> Ended {
    let name = (program as NSString).lastPathComponent
    let errorFile = try hiddenFile(for: name)
    defer { close(errorFile) }
    let outputFile = capture ? try hiddenFile(for: name) : quiet ? open("/dev/null", O_WRONLY | O_CLOEXEC) : -1
    defer { if outputFile >= 0 { close(outputFile) } }
    // The lesson writes to this program's standard output, after what
    // this one printed.
    do {
      try Terminal.write([])
    } catch {
      throw InputError(message: error.message)
    }
    let pid = try spawn(program, arguments, output: outputFile, error: errorFile, environment: environment)
    let start = ContinuousClock.now
    var status: Int32 = 0
    while true {
      let done = waitpid(pid, &status, WNOHANG)
      if done == pid { break }
      if done < 0, errno != EINTR {
        throw InputError(message: "cannot wait for \(name): \(String(cString: strerror(errno)))")
      }
      if let signal = takeStop() {
        stop(pid, with: signal)
        throw Interruption(signal: signal)
      }
      if ContinuousClock.now - start > timeLimit {
        stop(pid, with: SIGTERM)
        throw InputError(
          message: "\(name) ran longer than --lesson-time-limit (\(seconds(timeLimit)) s) and was stopped; "
            + "pass a larger --lesson-time-limit if it is only slow")
      }
      usleep(10_000)
    }
    // Ctrl-C at a terminal reaches the lesson and this program together:
    // the lesson may be gone before the loop saw the signal, which is
    // still pending here. It is an interruption, not a failed lesson.
    try throwIfStopped()
    // WIFEXITED and friends are macros, which Swift does not import.
    let signalled = status & 0x7F != 0
    return Ended(
      status: signalled ? status & 0x7F : (status >> 8) & 0xFF, signalled: signalled,
      output: capture ? contents(of: outputFile) : "", error: contents(of: errorFile))
  }

  /// Throws ``Interruption`` when SIGINT or SIGTERM came and waits
  /// (``holdStops()``), taking it: called between lessons and before
  /// `micrograd figures` puts its folder in place.
  static func throwIfStopped() throws {
    if let signal = takeStop() { throw Interruption(signal: signal) }
  }

  /// A duration in seconds as `--lesson-time-limit` takes it: `0.3`, `600`.
  static func seconds(_ duration: Duration) -> String {
    let (whole, attoseconds) = duration.components
    let value = Double(whole) + Double(attoseconds) / 1e18
    return value == value.rounded() ? String(Int64(value)) : String(value)
  }

  /// SIGINT and SIGTERM, as a set.
  private static func stopSet() -> sigset_t {
    var set = sigset_t()
    sigemptyset(&set)
    for signal in stops { sigaddset(&set, signal) }
    return set
  }

  /// A stop signal that came (and is now taken), if any.
  private static func takeStop() -> Int32? {
    var pending = sigset_t()
    sigpending(&pending)
    for signal in stops where sigismember(&pending, signal) == 1 {
      var one = sigset_t()
      sigemptyset(&one)
      sigaddset(&one, signal)
      var taken: Int32 = 0
      sigwait(&one, &taken)
      return signal
    }
    return nil
  }

  /// Sends `signal` to the lesson and waits for it to end; after 5 s,
  /// kills it.
  private static func stop(_ pid: pid_t, with signal: Int32) {
    kill(pid, signal)
    var status: Int32 = 0
    for _ in 0..<500 {
      if waitpid(pid, &status, WNOHANG) == pid { return }
      usleep(10_000)
    }
    kill(pid, SIGKILL)
    waitpid(pid, &status, 0)
  }

  /// Starts `program` with its standard output on `output` (inherited when
  /// -1) and its standard error on `error`, its stop signals at their
  /// defaults and unblocked, and this process's ID and `added` in its
  /// environment.
  private static func spawn(
    _ program: String, _ arguments: [String], output: Int32, error: Int32, environment added: [String: String]
  ) throws -> pid_t {
    #if canImport(Darwin)
      var attributes: posix_spawnattr_t? = nil
      var actions: posix_spawn_file_actions_t? = nil
    #else
      var attributes = posix_spawnattr_t()
      var actions = posix_spawn_file_actions_t()
    #endif
    posix_spawnattr_init(&attributes)
    posix_spawn_file_actions_init(&actions)
    defer {
      posix_spawnattr_destroy(&attributes)
      posix_spawn_file_actions_destroy(&actions)
    }
    var none = sigset_t()
    sigemptyset(&none)
    posix_spawnattr_setsigmask(&attributes, &none)
    var defaults = stopSet()
    sigaddset(&defaults, SIGPIPE)
    posix_spawnattr_setsigdefault(&attributes, &defaults)
    posix_spawnattr_setflags(&attributes, Int16(POSIX_SPAWN_SETSIGMASK | POSIX_SPAWN_SETSIGDEF))
    if output >= 0 { posix_spawn_file_actions_adddup2(&actions, output, 1) }
    posix_spawn_file_actions_adddup2(&actions, error, 2)
    var environment = ProcessInfo.processInfo.environment.merging(added) { $1 }
    environment[Terminal.parentVariable] = String(getpid())
    let argv = ([program] + arguments).map { strdup($0) } + [nil]
    let envp = environment.sorted { $0.key < $1.key }.map { strdup("\($0.key)=\($0.value)") } + [nil]
    defer {
      for p in argv { free(p) }
      for p in envp { free(p) }
    }
    var pid: pid_t = 0
    let failed = posix_spawn(&pid, program, &actions, &attributes, argv, envp)
    guard failed == 0 else {
      throw InputError(message: "cannot run the lesson program \"\(program)\": \(String(cString: strerror(failed)))")
    }
    return pid
  }

  /// A new temporary file, open for reading and writing, whose name is
  /// removed at once: it goes when the last descriptor is closed.
  private static func hiddenFile(for name: String) throws -> Int32 {
    // A file without a name where the system has them (Linux): a kill at
    // any moment leaves nothing. Elsewhere a name, removed at once.
    let unnamed = cfs_open_unnamed(NSTemporaryDirectory())
    if unnamed >= 0 { return unnamed }
    var template = Array((NSTemporaryDirectory() + "/micrograd-\(name)-XXXXXX").utf8CString)
    let fd = template.withUnsafeMutableBufferPointer { mkstemp($0.baseAddress!) }
    guard fd >= 0 else {
      throw InputError(
        message: "cannot make a temporary file for \(name)'s messages in \"\(NSTemporaryDirectory())\": "
          + String(cString: strerror(errno)))
    }
    template.withUnsafeBufferPointer { _ = unlink($0.baseAddress!) }
    _ = fcntl(fd, F_SETFD, FD_CLOEXEC)
    return fd
  }

  /// What was written to the temporary file `fd`.
  private static func contents(of fd: Int32) -> String {
    var bytes: [UInt8] = []
    var buffer = [UInt8](repeating: 0, count: 65_536)
    var offset: off_t = 0
    while true {
      let n = buffer.withUnsafeMutableBytes { pread(fd, $0.baseAddress, $0.count, offset) }
      guard n > 0 else { break }
      bytes += buffer[..<n]
      offset += off_t(n)
    }
    return String(decoding: bytes, as: UTF8.self)
  }
}

/// A stop signal (SIGINT, SIGTERM) that came while a lesson ran: passed
/// on to it, and it has ended.
struct Interruption: Error {
  let signal: Int32
}
