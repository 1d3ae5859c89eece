import ArgumentParser

// Placeholder: replaced by the real `relax check` implementation.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "check", abstract: "(not yet implemented)")
    func run() async throws { throw ValidationError("relax check is not implemented yet") }
}
