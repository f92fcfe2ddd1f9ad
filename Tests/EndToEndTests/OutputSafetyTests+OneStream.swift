import Foundation
import TestSupport
import Testing

/// Standard output that carries a file carries that file alone: with
/// `--save -` or `--loss-plot -` the training report goes to standard
/// error (as tar's listing does with `-f -`), so that a reader gets the
/// file byte for byte; two files cannot share it.
extension OutputSafetyTests {
  /// `train --save -` writes exactly the bytes `--save FILE` writes, and
  /// `sample --model -` reads them from a pipe; the report (the sizes, the
  /// losses, the samples) is on standard error. `--loss-plot -` alike.
  @Test func oneFileOnStandardOutput() throws {
    let names = try smallNames()
    let train = ["makemore", "train"] + Self.small(names) + ["--steps", "10", "--samples", "3"]
    let model = folder.url.appendingPathComponent("model.json")
    let plot = folder.url.appendingPathComponent("loss.svg")
    let toFiles = try run("micrograd", train + ["--save", model.path, "--loss-plot", plot.path])
    #expect(toFiles.status == 0, "\(toFiles.error)")

    let saved = try run("micrograd", train + ["--save", "-"])
    #expect(saved.status == 0, "\(saved.error)")
    #expect(saved.outputData == (try Data(contentsOf: model)), "standard output is not the model file")
    let report = saved.error.split(separator: "\n").map(String.init)
    #expect(report.first?.hasPrefix("MLP: block 3") == true, "\(saved.error)")
    #expect(report.contains { $0.hasPrefix("train loss ") })
    #expect(report.contains("saved the model to standard output"))
    // The samples end the report as they end standard output without `-`.
    #expect(Array(report.suffix(3)) == toFiles.output.split(separator: "\n").suffix(3).map(String.init))

    let curve = try run("micrograd", train + ["--loss-plot", "-", "--quiet"])
    #expect(curve.status == 0, "\(curve.error)")
    #expect(curve.outputData == (try Data(contentsOf: plot)), "standard output is not the loss curve")
    #expect(curve.error.contains("wrote the loss curve to standard output\n"))

    let sampled = try run("micrograd", ["makemore", "sample", "--model", model.path, "--count", "4"])
    let piped = try shell(
      "\"$0\" \"$@\" --save - --quiet 2>/dev/null | \"$0\" makemore sample --model - --count 4", ["micrograd"] + train)
    #expect(piped.status == 0, "\(piped.error)")
    #expect(piped.output == sampled.output && sampled.output.split(separator: "\n").count == 4)
  }

  /// Two files for standard output, or a figure there with `--json`: refused
  /// before any work, with nothing written.
  @Test func twoFilesCannotShareStandardOutput() throws {
    let names = try smallNames()
    let both = try run(
      "micrograd",
      ["makemore", "train"] + Self.small(names) + ["--steps", "5", "--save", "-", "--loss-plot", "/dev/stdout"])
    #expect(both.status == 2)
    #expect(
      both.error
        == "micrograd: error: --save and --loss-plot both write to standard output; give one of them a file\n")
    #expect(both.outputData.isEmpty)
    for path in ["-", "/dev/stdout"] {
      let draw = try run("micrograd", Self.add + ["-o", path, "--json"])
      #expect(draw.status == 2)
      #expect(
        draw.error
          == "micrograd: error: --json with -o \(path): the figure and the JSON would both go to standard "
          + "output; write the figure to a file, or drop --json\n")
      #expect(draw.outputData.isEmpty)
    }
  }

  /// `--model -` with nothing on standard input, a damaged model there, or
  /// an endless stream: one line each, status 2, no hang.
  @Test func modelFromStandardInputIsChecked() throws {
    let sample = "\"$0\" makemore sample --model -"
    let empty = try shell(sample + " < /dev/null", ["micrograd"])
    #expect(empty.status == 2)
    #expect(
      empty.error == "micrograd: error: cannot load the model \"standard input\": it is damaged: not valid JSON\n")
    let endless = try shell(sample + " < /dev/zero", ["micrograd"])
    #expect(endless.status == 2)
    #expect(
      endless.error
        == "micrograd: error: --model -: standard input holds more than 320,065,536 bytes, more than any model file\n")
  }
}

extension OutputSafetyTests {
  /// `--save` and `--loss-plot` naming one file (as given, or by another
  /// spelling): refused before training; the curve would replace the model.
  @Test func saveAndLossPlotCannotBeOneFile() throws {
    let names = try smallNames()
    let result = try run(
      "micrograd",
      ["makemore", "train"] + Self.small(names) + ["--steps", "5", "--save", "m.json", "--loss-plot", "./m.json"],
      in: folder.url)
    #expect(result.status == 2)
    #expect(
      result.error
        == "micrograd: error: --save and --loss-plot name the same file, \"m.json\"; the loss curve would replace "
        + "the model\n")
    #expect(!result.output.contains("MLP:") && !result.error.contains("MLP:"), "training started")
    #expect(try folder.files() == ["names.txt"])
    // Through a link to the folder: the same file still.
    try FileManager.default.createSymbolicLink(
      atPath: folder.url.appendingPathComponent("here").path, withDestinationPath: ".")
    let linked = try run(
      "micrograd",
      ["makemore", "train"] + Self.small(names) + ["--steps", "5", "--save", "m.json", "--loss-plot", "here/m.json"],
      in: folder.url)
    #expect(linked.status == 2)
    #expect(linked.error.hasPrefix("micrograd: error: --save and --loss-plot name the same file, \"m.json\""))
    #expect(try folder.files().sorted() == ["here", "names.txt"])
  }
}
