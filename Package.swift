// swift-tools-version: 6.0
import PackageDescription

/// The lessons, in the notes' order, each named once: a whole program in
/// Examples/<name> (Figures' lessonMain is its plumbing), with the modules
/// it imports beside Figures (Plots for a lesson that draws charts). `micrograd figures` runs them, so the command
/// and the end-to-end tests depend on them all.
let lessons: [(name: String, imports: [Target.Dependency])] = [
  ("derivative", ["Plots"]),
  ("add", ["Micrograd"]),
  ("chain", ["Micrograd"]),
  ("expression", ["Micrograd", "Lectures"]),
  ("neuron", ["Micrograd", "Plots"]),
  ("accumulation", ["Micrograd", "Lectures"]),
  ("mlp", ["Micrograd", "GraphRender", "Plots"]),
  ("training", ["Micrograd", "Plots"]),
  ("moons", ["Micrograd", "Plots"]),
  ("bigram", ["Micrograd", "Makemore", "Plots"]),
  ("makemore-mlp", ["Makemore", "Plots"]),
]
let lessonTargets: [Target.Dependency] = lessons.map { .target(name: $0.name) }

let package = Package(
  name: "swift-micrograd",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Micrograd", targets: ["Micrograd"]),
    .library(name: "GraphRender", targets: ["GraphRender"]),
    .library(name: "Makemore", targets: ["Makemore"]),
    .library(name: "GraphSnapshotTesting", targets: ["GraphSnapshotTesting"]),
    .library(name: "Plots", targets: ["Plots"]),
    .library(name: "Figures", targets: ["Figures"]),
    .executable(name: "micrograd", targets: ["MicrogradCLI"]),
  ],
  dependencies: [
    // Only for `swift package generate-documentation`; nothing links against it.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    .package(url: "https://github.com/apple/swift-argument-parser", from: "1.8.2"),
    // GraphSnapshotTesting's strategies, and the tests' snapshots.
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
  ],
  targets: [
    .target(name: "Micrograd", dependencies: ["CLaneKernels"]),
    // The compiled form's dot-group kernels in C, so that an x86-64 machine
    // with AVX2 runs them four doubles at a time (chosen at run time).
    .target(name: "CLaneKernels"),
    // Graphviz's C libraries, found through pkg-config (libgvc).
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
    ),
    // The explorer page's script and style sheet are files in
    // GraphRender/Explorer/Web, put into the module as strings at build time.
    .target(
      name: "GraphRender",
      dependencies: ["Micrograd", "CGraphviz", "FileOutput"],
      exclude: ["Explorer/Web"],
      plugins: ["EmbedExplorerFiles"]
    ),
    .plugin(name: "EmbedExplorerFiles", capability: .buildTool(), dependencies: ["embed-files"]),
    .executableTarget(name: "embed-files", path: "Plugins/embed-files"),
    // swift-snapshot-testing strategies for Value graphs (DOT, and SVG that
    // survives another Graphviz), also used for output/'s check.
    .target(
      name: "GraphSnapshotTesting",
      dependencies: [
        "GraphRender", "Micrograd",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ]
    ),
    // makemore: names, bigrams, PyTorch's generator, the MLP language model.
    // It carries makemore's names.txt (Resources/README.md says whence).
    .target(
      name: "Makemore",
      dependencies: ["Micrograd", "FileOutput"],
      exclude: ["Resources/README.md"],
      resources: [.copy("Resources/names.txt")]
    ),
    // Writing a file whole or not at all, for every writer: GraphRender,
    // Figures, Makemore's model files, the command.
    .target(name: "FileOutput", dependencies: ["CFileSystem"]),
    // The one file-system call Swift cannot make: swapping two folders.
    .target(name: "CFileSystem"),
    // Every picture that is not a computation graph: line plots, the
    // decision boundary, the count matrix, the loss curve, labelled points,
    // the network diagram. Each is a value that makes its SVG or DOT text.
    .target(name: "Plots", dependencies: ["Micrograd", "GraphRender", "FileOutput"]),
    // The lessons' runtime: FigureWriter (a lesson's graphs, plots and pages
    // into a folder, and its list of files written), lessonMain (a lesson's
    // command line and process), and the training and sampling pages, whose
    // scripts are in GraphRender/Explorer/Web, with the explorer's, embedded
    // by the same plugin (GraphRender's ExplorerFiles).
    .target(name: "Figures", dependencies: ["Plots", "Micrograd", "GraphRender", "FileOutput", "Makemore"]),
    // `micrograd draw`'s expression language: parser and evaluator. Not a
    // product; the command is its only user.
    .target(name: "DrawLanguage", dependencies: ["Micrograd", "FileOutput"]),
    // The command-line tool. Neither its module nor its folder is called
    // "micrograd", which is "Micrograd" on a case-insensitive file system.
    .executableTarget(
      name: "MicrogradCLI",
      dependencies: [
        "Micrograd", "GraphRender", "Makemore", "Plots", "Figures", "FileOutput", "CFileSystem", "DrawLanguage",
        .product(name: "ArgumentParser", package: "swift-argument-parser"),
      ]
        // `micrograd figures` runs the lesson programs built beside it: not
        // linked, but built with it, so `swift run micrograd figures` works.
        + lessonTargets
    ),
    // makemore part 2 as one short program to read; FileOutput for its
    // one-line errors (Terminal.fail shows control characters visibly).
    .executableTarget(name: "names-mlp", dependencies: ["Makemore", "FileOutput"], path: "Examples/names-mlp"),
    .executableTarget(
      name: "bench",
      dependencies: ["Micrograd", "GraphRender", "Makemore", "TestSupport", "FileOutput"],
      path: "Benchmarks/bench"
    ),
    // The notes' graphs that a lesson builds and the tests draw too, written
    // once (Examples/Lectures), beside the lessons that read them.
    .target(name: "Lectures", dependencies: ["Micrograd"], path: "Examples/Lectures"),
    // What the tests, render-probe and bench share: running a program, a
    // temporary folder, the lecture's graphs. No Testing in it: bench links it.
    .target(name: "TestSupport", dependencies: ["Micrograd", "Lectures"], path: "Tests/TestSupport"),
    .testTarget(name: "MicrogradTests", dependencies: ["Micrograd", "Lectures", "TestSupport"]),
    .testTarget(
      name: "GraphRenderTests",
      dependencies: [
        "GraphRender", "Micrograd", "TestSupport", "render-probe",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      exclude: ["__Snapshots__"]
    ),
    .testTarget(
      name: "GraphSnapshotTestingTests",
      dependencies: [
        "GraphSnapshotTesting", "GraphRender", "Micrograd", "TestSupport",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      // Graphviz-16.1.0: real SVG of another Graphviz, for the version rule.
      exclude: ["__Snapshots__", "Graphviz-16.1.0"]
    ),
    // The built programs run as a user runs them: the figures against
    // output/, the examples, and micrograd's commands, outputs and errors.
    .testTarget(
      name: "EndToEndTests",
      dependencies: [
        "GraphSnapshotTesting", "TestSupport", "MicrogradCLI", "names-mlp",
        // Not run by the Swift tests: built with them for the browser tests.
        "explorer-probe",
      ]
        // The lessons: the tests run them, and so does `micrograd figures`.
        + lessonTargets
    ),
    .testTarget(name: "MakemoreTests", dependencies: ["Makemore", "TestSupport"]),
    .testTarget(name: "DrawLanguageTests", dependencies: ["DrawLanguage", "Micrograd"]),
    .testTarget(name: "PlotsTests", dependencies: ["Plots", "GraphRender", "Makemore", "Micrograd"]),
    .testTarget(name: "FiguresTests", dependencies: ["Figures", "Plots", "GraphRender", "Makemore", "TestSupport"]),
    .testTarget(name: "FileOutputTests", dependencies: ["FileOutput", "TestSupport"]),
    // The repository itself: a layout macOS can hold, nothing read from beside it.
    .testTarget(name: "RepositoryTests"),
    // Run by the browser tests (Tests/Browser): a lecture graph's HTML page,
    // and what the engine says each step of it must show.
    .executableTarget(
      name: "explorer-probe",
      dependencies: ["GraphRender", "Micrograd", "TestSupport"],
      path: "Tests/ExplorerProbe"
    ),
    // The fuzz targets (Tests/Fuzz/README.md): each reader of user text. A
    // plain build replays files through them; `make fuzz` links libFuzzer.
    .executableTarget(
      name: "fuzz",
      dependencies: ["DrawLanguage", "GraphRender", "GraphSnapshotTesting", "Makemore", "Micrograd"],
      path: "Tests/Fuzz",
      exclude: ["Corpus", "README.md"]
    ),
    // Run by GraphRenderTests in fresh processes (determinism, GVBINDIR).
    .executableTarget(
      name: "render-probe",
      dependencies: ["GraphRender", "TestSupport"],
      path: "Tests/RenderProbe"
    ),
  ]
    + lessons.map { lesson in
      .executableTarget(name: lesson.name, dependencies: ["Figures"] + lesson.imports, path: "Examples/\(lesson.name)")
    },
  swiftLanguageModes: [.v6]
)
