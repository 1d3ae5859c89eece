import ArgumentParser

// Placeholder: replaced by the real `relax sort` implementation.
struct SortCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "sort", abstract: "(not yet implemented)")
    func run() async throws { throw ValidationError("relax sort is not implemented yet") }
}
