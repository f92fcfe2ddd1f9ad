// The build step that puts the explorer's script and style sheet
// (Sources/GraphRender/Explorer/Web/*.js, *.css) into GraphRender as Swift
// strings, so that `micrograd` stays one self-contained program: no
// resource bundle beside it, and the files stay real files that an editor
// and a linter (eslint, in `make test`) read as JavaScript and CSS.
import Foundation
import PackagePlugin

@main
struct EmbedExplorerFiles: BuildToolPlugin {
  func createBuildCommands(context: PluginContext, target: Target) throws -> [Command] {
    guard let module = target as? SourceModuleTarget else { return [] }
    let folder = context.package.directoryURL.appending(path: "Sources/\(module.name)/Explorer/Web")
    let inputs = try FileManager.default.contentsOfDirectory(at: folder, includingPropertiesForKeys: nil)
      .filter { ["js", "css"].contains($0.pathExtension) }
      .sorted { $0.lastPathComponent < $1.lastPathComponent }
    let output = context.pluginWorkDirectoryURL.appending(path: "ExplorerFiles.swift")
    return [
      .buildCommand(
        displayName: "Embedding the explorer's script and style sheet in \(target.name)",
        executable: try context.tool(named: "embed-files").url,
        arguments: [output.path] + inputs.map(\.path),
        inputFiles: inputs,
        outputFiles: [output]
      )
    ]
  }
}
