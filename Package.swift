// swift-tools-version: 6.0
import PackageDescription

let package = Package(
  name: "swift-micrograd",
  platforms: [.macOS(.v13)],
  products: [
    .library(name: "Micrograd", targets: ["Micrograd"]),
  ],
  dependencies: [
    // Only for `swift package generate-documentation`; nothing links against it.
    .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
  ],
  targets: [
    .target(name: "Micrograd"),
    .executableTarget(
      name: "expression",
      dependencies: ["Micrograd"],
      path: "Examples/expression"
    ),
    .executableTarget(
      name: "bench",
      dependencies: ["Micrograd"],
      path: "Benchmarks/bench"
    ),
    .testTarget(name: "MicrogradTests", dependencies: ["Micrograd"]),
  ],
  swiftLanguageModes: [.v6]
)
