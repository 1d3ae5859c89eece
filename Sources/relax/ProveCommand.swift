import ArgumentParser

// Placeholder: replaced by the real `relax prove` implementation.
struct ProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "prove", abstract: "(not yet implemented)")
    func run() async throws { throw ValidationError("relax prove is not implemented yet") }
}
