import ArgumentParser

@main
struct Relax: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relax",
        abstract: "Differentiable relaxations: verify, check fixtures, sort, prove.",
        subcommands: [])
}
