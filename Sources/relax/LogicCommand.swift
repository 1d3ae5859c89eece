import ArgumentParser

// Placeholder: replaced by the real `relax logic` implementation.
struct LogicCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "logic", abstract: "(not yet implemented)")
    func run() async throws { throw ValidationError("relax logic is not implemented yet") }
}
