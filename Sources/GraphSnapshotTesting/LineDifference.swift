/// The lines only in `old` (`-`) and only in `new` (`+`), each after an
/// `@@ -line +line @@` mark where a run of changes starts; `nil` when the
/// texts are the same bytes. Lines are compared as UTF-8 bytes (not as
/// Swift strings, which equate other normalizations of the same text) and
/// split at every line feed. At most ``maximumLines`` changed lines are
/// listed.
///
/// swift-snapshot-testing's own line diff takes minutes on a figure of a
/// few thousand lines that repeat (`</g>` once per node), so figures use
/// this one: common head and tail are trimmed, the rest is a longest
/// common subsequence of at most 4 million cells (or, past that, all of
/// one side against all of the other); no recursion.
func lineDifference(_ old: String, _ new: String) -> String? {
  guard !old.utf8.elementsEqual(new.utf8) else { return nil }
  // Each distinct line (as bytes) gets a number; lines compare by number.
  var numbers: [[UInt8]: Int] = [:]
  func lines(_ text: String) -> (text: [String], number: [Int]) {
    let split = text.utf8.split(separator: UInt8(ascii: "\n"), omittingEmptySubsequences: false)
    let number = split.map { line in
      let bytes = Array(line)
      if let n = numbers[bytes] { return n }
      numbers[bytes] = numbers.count
      return numbers.count - 1
    }
    return (split.map { String(decoding: $0, as: UTF8.self) }, number)
  }
  let (a, aNumber) = lines(old)
  let (b, bNumber) = lines(new)
  var head = 0
  while head < a.count, head < b.count, aNumber[head] == bNumber[head] { head += 1 }
  var tail = 0
  while tail < a.count - head, tail < b.count - head, aNumber[a.count - 1 - tail] == bNumber[b.count - 1 - tail] {
    tail += 1
  }
  let x = Array(a[head..<(a.count - tail)])
  let y = Array(b[head..<(b.count - tail)])
  let xNumber = Array(aNumber[head..<(a.count - tail)])
  let yNumber = Array(bNumber[head..<(b.count - tail)])

  // Which lines of x and y are kept, by a longest common subsequence.
  var keptX = [Bool](repeating: false, count: x.count)
  var keptY = [Bool](repeating: false, count: y.count)
  if x.count * y.count <= 4_000_000, !x.isEmpty, !y.isEmpty {
    let width = y.count + 1
    var lcs = [Int32](repeating: 0, count: (x.count + 1) * width)
    for i in stride(from: x.count - 1, through: 0, by: -1) {
      for j in stride(from: y.count - 1, through: 0, by: -1) {
        lcs[i * width + j] =
          xNumber[i] == yNumber[j]
          ? lcs[(i + 1) * width + j + 1] + 1 : max(lcs[(i + 1) * width + j], lcs[i * width + j + 1])
      }
    }
    var (i, j) = (0, 0)
    while i < x.count, j < y.count {
      if xNumber[i] == yNumber[j] {
        keptX[i] = true
        keptY[j] = true
        i += 1
        j += 1
      } else if lcs[(i + 1) * width + j] >= lcs[i * width + j + 1] {
        i += 1
      } else {
        j += 1
      }
    }
  }

  // Walk both, writing the changed lines with a mark before each run.
  var out: [String] = []
  var changed = 0
  var (i, j) = (0, 0)
  var inRun = false
  while i < x.count || j < y.count {
    if i < x.count, j < y.count, keptX[i], keptY[j] {
      i += 1
      j += 1
      inRun = false
      continue
    }
    if !inRun {
      out.append("@@ -\(head + i + 1) +\(head + j + 1) @@")
      inRun = true
    }
    if i < x.count, !keptX[i] {
      if changed < maximumLines { out.append("-" + x[i]) }
      i += 1
    } else {
      if changed < maximumLines { out.append("+" + y[j]) }
      j += 1
    }
    changed += 1
  }
  if changed > maximumLines { out.append("... \(changed - maximumLines) more changed lines") }
  return out.joined(separator: "\n")
}

/// The most changed lines ``lineDifference(_:_:)`` lists.
let maximumLines = 60
