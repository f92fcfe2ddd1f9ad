// The sanitizer stage's check of itself: `make sanitize` builds this
// program with AddressSanitizer and runs it with the stage's own
// ASAN_OPTIONS and LSAN_OPTIONS (lsan.supp included) before the tests.
// Each case is a real defect, and the stage stops unless the sanitizer
// reports it and the program fails: suppressions too broad, leak
// checking switched off or an unwinder that loses the frames would make
// every later "clean" meaningless.
//
//   canary leak       Swift objects in reference cycles that nothing holds
//   canary c-leak     malloc'd blocks whose pointers are dropped
//   canary overflow   a write one past the end of a heap block
//
// Built and run by hand:
//
//   swiftc -sanitize=address -g Tests/Sanitizers/canary.swift -o /tmp/canary
//   LSAN_OPTIONS=suppressions=Tests/Sanitizers/lsan.supp /tmp/canary leak   # exit 23, "detected memory leaks"
#if canImport(Glibc)
  import Glibc
#elseif canImport(Darwin)
  import Darwin
#endif

/// One end of a reference cycle.
final class Node {
  var next: Node?
}

/// Makes `count` two-node cycles and drops them: each keeps the other
/// alive, and nothing reaches either.
@inline(never)
func leakCycles(_ count: Int) {
  for _ in 0..<count {
    let a = Node()
    let b = Node()
    a.next = b
    b.next = a
  }
}

/// Allocates `count` blocks with malloc and drops every pointer.
@inline(never)
func leakBlocks(_ count: Int) {
  var kept = 0
  for i in 0..<count {
    let block = malloc(64 + i)!
    kept &+= Int(bitPattern: block) & 1
  }
  if kept < 0 { print(kept) }
}

/// Writes one byte past the end of an 8-byte heap block.
@inline(never)
func overflow() {
  let block = UnsafeMutablePointer<UInt8>.allocate(capacity: 8)
  block.initialize(repeating: 0, count: 8)
  block[8] = 1
  print(block[0])
  block.deallocate()
}

switch CommandLine.arguments.dropFirst().first {
case "leak": leakCycles(100)
case "c-leak": leakBlocks(100)
case "overflow": overflow()
default:
  fputs("usage: canary leak|c-leak|overflow\n", stderr)
  exit(2)
}
