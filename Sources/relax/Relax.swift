import ArgumentParser

@main
struct Relax: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "relax",
        abstract: "Differentiable relaxations: verify, check fixtures, sort, prove.",
        subcommands: [
            VerifyCommand.self, CheckCommand.self, RenderCommand.self, SortCommand.self, ProveCommand.self, BenchCommand.self, LogicCommand.self, TopKCommand.self,
            FixturesCommand.self, AlgoCommand.self],
        defaultSubcommand: VerifyCommand.self)
}
