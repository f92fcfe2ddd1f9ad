import Foundation
import Testing

/// What output/'s plots show: the lessons' numbers on axes a reader of
/// matplotlib expects (ticks at 1, 2 or 5 × 10ⁿ, labels without float
/// noise), titled and labelled, in the graphs' font.
@Suite struct PlotFigureTests {
  static let plots = [
    "moons-boundary.svg", "moons-training.svg", "training-loss.svg", "derivative.svg", "tanh.svg",
    "makemore-embedding.svg", "makemore-learning-rate.svg", "makemore-loss.svg",
  ]

  func svg(_ file: String) throws -> String {
    try String(contentsOf: outputFolder.appendingPathComponent(file), encoding: .utf8)
  }

  /// The texts of each `<g class="NAME">` group, one list per group.
  func groupTexts(_ svg: String, _ name: String) -> [[String]] {
    svg.components(separatedBy: "<g class=\"\(name)\">\n").dropFirst().map { group in
      let body = group.components(separatedBy: "</g>\n")[0]
      return body.matches(of: /<text[^>]*>([^<]*)<\/text>/).map { String($0.1) }
    }
  }

  /// The texts of the `<text class="NAME">` elements.
  func texts(_ svg: String, class name: String) -> [String] {
    svg.matches(of: /<text class="([a-z]+)"[^>]*>([^<]*)<\/text>/).filter { $0.1 == name }.map { String($0.2) }
  }

  @Test(arguments: plots)
  func niceTicksInTheGraphsFont(_ file: String) throws {
    let svg = try svg(file)
    let texts = svg.components(separatedBy: "<text ").dropFirst()
    #expect(!texts.isEmpty && texts.allSatisfy { $0.contains("font-family=\"Times,serif\"") }, "\(file)")
    for ticks in groupTexts(svg, "xticks") + groupTexts(svg, "yticks") {
      let values = try ticks.map { try #require(Double($0.replacingOccurrences(of: "\u{2212}", with: "-")), "\($0)") }
      #expect(values.count >= 3, "\(file): \(ticks)")
      // Evenly spaced by 1, 2 or 5 × 10ⁿ, every label as many decimals.
      let step = values[1] - values[0]
      let mantissa = step / pow(10, (log10(step)).rounded(.down))
      #expect([1, 2, 5].contains { abs(mantissa - Double($0)) < 1e-9 }, "\(file): \(ticks)")
      #expect(zip(values, values.dropFirst()).allSatisfy { abs($1 - $0 - step) < step * 1e-9 }, "\(file): \(ticks)")
      #expect(Set(ticks.map { $0.split(separator: ".").dropFirst().first?.count ?? 0 }).count == 1, "\(file): \(ticks)")
    }
  }

  @Test func trainingLoss() throws {
    let svg = try svg("training-loss.svg")
    #expect(groupTexts(svg, "xticks") == [["0", "10", "20", "30", "40", "50"]])
    // A sum of squared errors: 0 is where it is going.
    #expect(groupTexts(svg, "yticks").first?.first == "0")
    #expect(texts(svg, class: "title") == ["training loss"] && texts(svg, class: "xlabel") == ["step"])
  }

  /// The notes' first plot: f(x) = 3x² − 4x + 5 at np.arange(-5, 5, 0.25),
  /// 40 points from f(-5) = 100 down to f(2/3) and up to f(4.75).
  @Test func derivative() throws {
    let svg = try svg("derivative.svg")
    #expect(texts(svg, class: "title") == ["f(x) = 3x² − 4x + 5"] && texts(svg, class: "xlabel") == ["x"])
    #expect(groupTexts(svg, "xticks") == [["\u{2212}4", "\u{2212}2", "0", "2", "4"]])
    #expect(groupTexts(svg, "yticks") == [["0", "20", "40", "60", "80", "100"]])
    let line = try #require(svg.firstMatch(of: /<path class="line" d="([^"]*)"/)?.1)
    #expect(line.components(separatedBy: " L").count == 40)
    #expect(!svg.contains("<g class=\"grid\">"))
  }

  /// tanh at np.arange(-5, 5, 0.2), 50 points, with plt.grid()'s lines
  /// at every tick.
  @Test func tanhWithGrid() throws {
    let svg = try svg("tanh.svg")
    #expect(texts(svg, class: "title") == ["tanh"] && texts(svg, class: "ylabel") == ["tanh(x)"])
    #expect(groupTexts(svg, "yticks") == [["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0"]])
    let line = try #require(svg.firstMatch(of: /<path class="line" d="([^"]*)"/)?.1)
    #expect(line.components(separatedBy: " L").count == 50)
    let grid = svg.components(separatedBy: "<g class=\"grid\">\n")[1].components(separatedBy: "</g>")[0]
    #expect(grid.components(separatedBy: "<path ").count - 1 == 5 + 5)
  }

  @Test func moonsTraining() throws {
    let svg = try svg("moons-training.svg")
    #expect(texts(svg, class: "title") == ["loss", "accuracy"])
    #expect(
      groupTexts(svg, "xticks") == [["0", "20", "40", "60", "80", "100"], ["0", "20", "40", "60", "80", "100"]])
    #expect(groupTexts(svg, "yticks").last == ["0", "20", "40", "60", "80", "100"])
    #expect(texts(svg, class: "ylabel").last == "accuracy (%)")
  }

  @Test func moonsBoundary() throws {
    let svg = try svg("moons-boundary.svg")
    #expect(texts(svg, class: "title") == ["decision boundary"])
    #expect(groupTexts(svg, "legend") == [["class +1", "class \u{2212}1"]])
    // micrograd's 100 moons: 50 of each class.
    let points = svg.components(separatedBy: "<g class=\"points\">\n")[1].components(separatedBy: "</g>")[0]
    #expect(points.components(separatedBy: "<circle ").count - 1 == 100)
    #expect(points.components(separatedBy: "fill=\"#2171b5\"").count - 1 == 50)
    #expect(points.components(separatedBy: "fill=\"#cb181d\"").count - 1 == 50)
    #expect(groupTexts(svg, "xticks") == [["\u{2212}2", "\u{2212}1", "0", "1", "2"]])
    #expect(groupTexts(svg, "yticks") == [["\u{2212}1.0", "\u{2212}0.5", "0.0", "0.5", "1.0", "1.5"]])
  }

  /// makemore part 2's pictures: the search's loss against lre from −3
  /// to 0, the log loss of the training run, the 27 characters in C.
  @Test func makemorePictures() throws {
    let search = try svg("makemore-learning-rate.svg")
    #expect(
      groupTexts(search, "xticks") == [
        ["\u{2212}3.0", "\u{2212}2.5", "\u{2212}2.0", "\u{2212}1.5", "\u{2212}1.0", "\u{2212}0.5", "0.0"]
      ])
    #expect(texts(search, class: "xlabel") == ["lre"] && texts(search, class: "ylabel") == ["loss"])
    // One point per rate.
    let line = try #require(search.firstMatch(of: /<path class="line" d="([^"]*)"/)).1
    #expect(line.components(separatedBy: " L").count == 1_000)
    let loss = try svg("makemore-loss.svg")
    #expect(texts(loss, class: "ylabel") == ["log10(loss)"])
    #expect(groupTexts(loss, "xticks") == [["0", "5000", "10000", "15000", "20000"]])
    let embedding = try svg("makemore-embedding.svg")
    let points = embedding.components(separatedBy: "<g class=\"points\">\n")[1].components(separatedBy: "</g>")[0]
    let labels = points.matches(of: /<text[^>]*>([^<]*)<\/text>/).map { String($0.1) }
    #expect(labels == ["."] + "abcdefghijklmnopqrstuvwxyz".map(String.init))
    #expect(texts(embedding, class: "xlabel") == ["C[:, 0]"] && texts(embedding, class: "ylabel") == ["C[:, 1]"])
  }

  /// The pixels per unit along an axis (`x` or `y`), from its first and
  /// last ticks.
  func pixelsPerUnit(_ svg: String, _ axis: String) throws -> Double {
    let groups = svg.components(separatedBy: "<g class=\"\(axis)ticks\">\n")
    try #require(groups.count == 2)
    let body = groups[1].components(separatedBy: "</g>")[0]
    let places = body.matches(of: /<path d="M([-0-9.]+),([-0-9.]+)/).map { axis == "x" ? Double($0.1)! : Double($0.2)! }
    let values = groupTexts(svg, "\(axis)ticks")[0].map { Double($0.replacingOccurrences(of: "\u{2212}", with: "-"))! }
    try #require(places.count >= 2 && values.count == places.count)
    return abs(places.last! - places[0]) / abs(values.last! - values[0])
  }

  /// The lecture's picture of C: trained long enough, the vowels group.
  /// Every vowel's dot is closer to the vowels' centre than the 21
  /// consonants' dots are on average, read from the dots' places in the
  /// committed figure (its axes are equal, so pixels are units). After
  /// 1,000 steps, u still sat among the consonants (1.9 times their
  /// average distance), and after 15,000 too.
  @Test func theEmbeddingGroupsTheVowels() throws {
    let embedding = try svg("makemore-embedding.svg")
    // One unit as long across as up.
    #expect(abs(try pixelsPerUnit(embedding, "x") - pixelsPerUnit(embedding, "y")) < 0.05)
    let dots = embedding.matches(of: /<circle cx="([-0-9.]+)" cy="([-0-9.]+)"/).map {
      (x: Double($0.1)!, y: Double($0.2)!)
    }
    try #require(dots.count == 27)
    let letters = Array("abcdefghijklmnopqrstuvwxyz")
    let place = Dictionary(uniqueKeysWithValues: zip(letters, dots.dropFirst()))
    let vowels = Array("aeiou").map { place[$0]! }
    let centre = (x: vowels.map(\.x).reduce(0, +) / 5, y: vowels.map(\.y).reduce(0, +) / 5)
    func distance(_ p: (x: Double, y: Double)) -> Double { hypot(p.x - centre.x, p.y - centre.y) }
    let consonants = letters.filter { !"aeiou".contains($0) }.map { distance(place[$0]!) }
    #expect(consonants.count == 21)
    let average = consonants.reduce(0, +) / 21
    for vowel in "aeiou" {
      #expect(
        distance(place[vowel]!) < average,
        "\(vowel) is \(distance(place[vowel]!)) px from the vowels' centre, the consonants \(average) on average")
    }
    // The title says how long it trained.
    #expect(texts(embedding, class: "title").first?.contains(/after [0-9,]+ steps/) == true)
  }
}
