import ArgumentParser

/// `lr`: the swift-loginradius command line.
@main
struct LR: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "lr",
        abstract: "The swift-loginradius command line.",
        subcommands: [DemoCommand.self]
    )
}
