import Foundation

// `fuzz TARGET FILE-OR-FOLDER...` runs each file (each file in a folder)
// through one target and says how many it ran: a replay of the corpus, or
// of an input the fuzzer saved. Built by `make fuzz` (with libFuzzer
// linked in and FUZZING defined), `fuzz TARGET [libFuzzer options]
// [corpus folders]` fuzzes the target instead. See Tests/Fuzz/README.md.

let usage = "usage: fuzz {\(FuzzTarget.allCases.map(\.rawValue).joined(separator: "|"))} [FILE-OR-FOLDER...]"
let arguments = CommandLine.arguments
guard arguments.count >= 2, let target = FuzzTarget(rawValue: arguments[1]) else {
  FileHandle.standardError.write(Data((usage + "\n").utf8))
  exit(2)
}
let scratch = FileManager.default.temporaryDirectory.appendingPathComponent("fuzz-\(getpid())")
try FileManager.default.createDirectory(at: scratch, withIntermediateDirectories: true)

#if FUZZING
  exit(Fuzzer.run(target, arguments: [arguments[0]] + arguments.dropFirst(2), scratch: scratch))
#else
  var files: [URL] = []
  for path in arguments.dropFirst(2) {
    let url = URL(fileURLWithPath: path)
    if let names = try? FileManager.default.contentsOfDirectory(atPath: path) {
      files += names.sorted().map { url.appendingPathComponent($0) }
    } else {
      files.append(url)
    }
  }
  for file in files {
    target.run(try Data(contentsOf: file), scratch: scratch)
  }
  try? FileManager.default.removeItem(at: scratch)
  print("fuzz \(target.rawValue): \(files.count) inputs replayed")
#endif
