#if FUZZING
  import Foundation

  /// libFuzzer's driver, from libclang_rt.fuzzer_no_main (which `make fuzz`
  /// links): it parses libFuzzer's options from argv and calls `callback`
  /// with each input. Swift's `-sanitize=fuzzer` would link the libFuzzer
  /// that brings its own `main`, which clashes with this program's.
  @_silgen_name("LLVMFuzzerRunDriver")
  private func LLVMFuzzerRunDriver(
    _ argc: UnsafeMutablePointer<Int32>,
    _ argv: UnsafeMutablePointer<UnsafeMutablePointer<UnsafeMutablePointer<CChar>?>?>,
    _ callback: @convention(c) (UnsafePointer<UInt8>?, Int) -> Int32
  ) -> Int32

  enum Fuzzer {
    /// Fuzzes `target` with libFuzzer's `arguments`; returns its exit status.
    static func run(_ target: FuzzTarget, arguments: [String], scratch: URL) -> Int32 {
      // The callback is a C function: it gets its target and folder from
      // the environment, set here before the driver starts.
      // One input first, outside libFuzzer's clock and leak checks: Graphviz
      // makes its context and fontconfig reads its font list on first use.
      target.run(Data("a".utf8), scratch: scratch)
      setenv("FUZZ_TARGET", target.rawValue, 1)
      setenv("FUZZ_SCRATCH", scratch.path, 1)
      var argv: [UnsafeMutablePointer<CChar>?] = arguments.map { strdup($0) } + [nil]
      defer { argv.forEach { free($0) } }
      var argc = Int32(arguments.count)
      return argv.withUnsafeMutableBufferPointer { buffer in
        var base = buffer.baseAddress
        return LLVMFuzzerRunDriver(&argc, &base) { data, size in
          let input = data.map { Data(bytes: $0, count: size) } ?? Data()
          let target = FuzzTarget(rawValue: String(cString: getenv("FUZZ_TARGET")))!
          target.run(input, scratch: URL(fileURLWithPath: String(cString: getenv("FUZZ_SCRATCH"))))
          return 0
        }
      }
    }
  }
#endif
