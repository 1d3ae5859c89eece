import ArgumentParser

// Placeholder: replaced by the real `relax verify` implementation.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "verify", abstract: "(not yet implemented)")
    func run() async throws { throw ValidationError("relax verify is not implemented yet") }
}
