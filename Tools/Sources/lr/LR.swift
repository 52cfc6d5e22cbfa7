import ArgumentParser
import LRCommandLine

/// `lr`: the swift-loginradius command line. The operation commands and `lr emulator` live in
/// LRCommandLine; the executable adds its own commands.
@main
struct LR: AsyncParsableCommand {
    static let configuration = LRCommandLine.configuration(extraSubcommands: [DemoCommand.self, SOTTCommand.self])

    /// Reads `--flag true|false` as `--flag` / `--no-flag`, and prints through LRCommandLine.
    static func main() async {
        await LRCommandLine.main(LR.self)
    }
}
