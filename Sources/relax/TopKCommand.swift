import ArgumentParser

// Placeholder: replaced by the real `relax topk` implementation.
struct TopKCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "topk", abstract: "(not yet implemented)")
    func run() async throws { throw ValidationError("relax topk is not implemented yet") }
}
