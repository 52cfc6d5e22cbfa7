// `lr-doc-coverage <symbol-graph-dir> <module>…`: counts the public symbols without a doc comment
// per module, lists them, and exits 1 when there are any (used by `make doc-coverage`).
import Foundation
import LRCatalogue

let arguments = Array(CommandLine.arguments.dropFirst())
guard arguments.count >= 2 else {
    FileHandle.standardError.write(Data("usage: lr-doc-coverage <symbol-graph-dir> <module>...\n".utf8))
    exit(64)
}
let root = URL(fileURLWithPath: FileManager.default.currentDirectoryPath)
let checker = DocCoverage(modules: Set(arguments.dropFirst()), root: root)
do {
    let report = try checker.check(directory: URL(fileURLWithPath: arguments[0]))
    for module in arguments.dropFirst() {
        for symbol in report.undocumented[module] ?? [] {
            print(
                "\(symbol.location ?? module): undocumented \(symbol.kind.lowercased()) \(symbol.module).\(symbol.path)"
            )
        }
    }
    print("")
    print("Module            Public  Undocumented")
    for module in arguments.dropFirst() {
        let name = module.padding(toLength: 16, withPad: " ", startingAt: 0)
        let checked = String(report.checked[module] ?? 0)
        let missing = String(report.undocumented[module]?.count ?? 0)
        print(
            "\(name)  \(String(repeating: " ", count: max(0, 6 - checked.count)))\(checked)  "
                + "\(String(repeating: " ", count: max(0, 12 - missing.count)))\(missing)")
    }
    print("Undocumented public symbols: \(report.total)")
    exit(report.total == 0 ? 0 : 1)
} catch {
    FileHandle.standardError.write(Data("lr-doc-coverage: \(error)\n".utf8))
    exit(2)
}
