// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "swift-micrograd",
  platforms: [.macOS(.v15)],
  products: [
    .library(name: "Micrograd", targets: ["Micrograd"]),
    .library(name: "GraphRender", targets: ["GraphRender"]),
  ],
  dependencies: [
    // Only for `swift package generate-documentation`; nothing links against it.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    // GraphRenderTests' DOT snapshots.
    .package(url: "https://github.com/pointfreeco/swift-snapshot-testing", from: "1.19.7"),
  ],
  targets: [
    .target(name: "Micrograd"),
    // Graphviz's C libraries, found through pkg-config (libgvc).
    .systemLibrary(
      name: "CGraphviz",
      pkgConfig: "libgvc",
      providers: [.apt(["libgraphviz-dev"]), .brew(["graphviz"])]
    ),
    .target(name: "GraphRender", dependencies: ["Micrograd", "CGraphviz"]),
    .executableTarget(
      name: "expression",
      dependencies: ["Micrograd"],
      path: "Examples/expression"
    ),
    .executableTarget(
      name: "bench",
      dependencies: ["Micrograd", "GraphRender"],
      path: "Benchmarks/bench"
    ),
    .testTarget(name: "MicrogradTests", dependencies: ["Micrograd"]),
    .testTarget(
      name: "GraphRenderTests",
      dependencies: [
        "GraphRender", "Micrograd", "render-probe",
        .product(name: "SnapshotTesting", package: "swift-snapshot-testing"),
      ],
      exclude: ["__Snapshots__"]
    ),
    // Run by GraphRenderTests in fresh processes (determinism, GVBINDIR).
    .executableTarget(
      name: "render-probe",
      dependencies: ["GraphRender", "Micrograd"],
      path: "Tests/RenderProbe"
    ),
  ],
  swiftLanguageModes: [.v6]
)
