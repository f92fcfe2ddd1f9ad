import Foundation
import Testing

/// The repository's root folder (this file is Tests/RepositoryTests/DocumentedFilesTests.swift).
private let root = URL(fileURLWithPath: #filePath)
  .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()

/// Files the docs name on purpose although this repository does not hold
/// them, each with the reason.
private let namedElsewhere: [String: String] = [
  "engine.py": "Karpathy's micrograd, which the engine is read beside",
  "nn.py": "Karpathy's micrograd",
  "Benchmarks/bench/Threads.swift": "deleted; Benchmarks/README.md names commit 97eab0c, which has it",
  "Tests/MyLessonsTests/NeuronGraphTests.swift": "a reader's own package, in TestingYourGraphs",
]

/// The docs (README, Benchmarks/README.md, docs/, the tests' READMEs and
/// the DocC catalogs) name only files that exist: a file renamed or
/// deleted leaves no reader looking for it.
@Suite struct DocumentedFilesTests {
  @Test func everyFileTheDocsNameExists() throws {
    let paths = try repositoryPaths()
    let docs = paths.filter(isDoc)
    #expect(docs.contains("README.md") && docs.contains("Sources/Micrograd/Documentation.docc/TheEngine.md"))
    var missing: [String] = []
    for doc in docs {
      let text = try String(contentsOf: root.appendingPathComponent(doc), encoding: .utf8)
      missing += missingFiles(namedIn: text, at: doc, among: paths).map { "\(doc): \($0)" }
    }
    #expect(missing.isEmpty, "files named in the docs that are not in the repository: \(missing)")
  }

  /// The check itself finds a file that is gone, named by its path, by a
  /// shorter path or by a link, and passes ones that exist.
  @Test func theCheckFindsAFileThatIsGone() {
    let paths = [
      "README.md", "Sources/Micrograd/Engine/Value.swift", "Sources/Micrograd/Engine/Operations/Tanh.swift",
      "Sources/Plots/Documentation.docc/Plots.md", "Sources/Makemore/Documentation.docc/Resources/loss.svg",
    ]
    let text = """
      Read `Sources/Micrograd/Engine/Value.swift`, then `Operations/Tanh.swift`
      and `Value+Activations.swift`; `Sources/Micrograd/Engine/Threads.swift` is gone,
      `engine.py` is micrograd's. [Plots](Sources/Plots/Documentation.docc/Plots.md),
      [Figures](Sources/Figures/Documentation.docc/Figures.md), [web](https://example.com/a.md).
      `swift run micrograd --out a b.swift` is a command, `Examples/<name>/main.swift` a pattern.
      """
    #expect(
      missingFiles(namedIn: text, at: "README.md", among: paths)
        == [
          "Value+Activations.swift", "Sources/Micrograd/Engine/Threads.swift",
          "Sources/Figures/Documentation.docc/Figures.md",
        ])
    #expect(
      missingFiles(
        namedIn: "![loss](loss.svg) ![gone](gone.svg)", at: "Sources/Makemore/Documentation.docc/A.md",
        among: paths) == ["gone.svg"])
  }
}

/// Whether `path` is documentation a reader follows.
private func isDoc(_ path: String) -> Bool {
  guard path.hasSuffix(".md"), !path.hasPrefix("output/") else { return false }
  return path == "README.md" || path == "Benchmarks/README.md" || path.hasPrefix("docs/")
    || (path.hasPrefix("Tests/") && path.hasSuffix("/README.md")) || path.contains(".docc/")
}

/// The files `text` (the doc at `doc`) names that are not among `paths`, in
/// order: every backquoted file name with a source extension (a path from
/// the root where it says, a shorter one at the end of some path), and
/// every relative link (from the doc's folder; in a DocC catalog, by its
/// name anywhere in the catalog, as DocC finds images).
func missingFiles(namedIn text: String, at doc: String, among paths: [String]) -> [String] {
  let extensions = [".swift", ".js", ".css", ".py", ".sh", ".c", ".h", ".md", ".yml"]
  let roots = ["Sources/", "Tests/", "Examples/", "Benchmarks/", "Plugins/", "docs/", ".github/", ".ci/", "output/"]
  var missing: [String] = []
  let quoted = text.components(separatedBy: "`").enumerated().filter { $0.offset % 2 == 1 }.map(\.element)
  for name in quoted where extensions.contains(where: name.hasSuffix) {
    guard !name.contains(where: { " <>*{}$\n".contains($0) }), namedElsewhere[name] == nil else { continue }
    let found =
      roots.contains(where: name.hasPrefix)
      ? paths.contains(name) : paths.contains { $0 == name || $0.hasSuffix("/" + name) }
    if !found { missing.append(name) }
  }
  let folder = (doc as NSString).deletingLastPathComponent
  let catalog = doc.range(of: ".docc/").map { String(doc[..<$0.upperBound]) }
  for link in text.matches(of: /\]\(([^)#\s]+)/).map({ String($0.1) }) {
    guard !link.contains(":") else { continue }  // https:, doc:, mailto:
    let path = ((folder.isEmpty ? link : folder + "/" + link) as NSString).standardizingPath
    let found =
      paths.contains(path)
      || catalog.map { catalog in paths.contains { $0.hasPrefix(catalog) && $0.hasSuffix("/" + link) } } == true
    if !found { missing.append(link) }
  }
  return missing
}
