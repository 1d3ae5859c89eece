import ArgumentParser

// Placeholder: replaced by the real `relax bench` implementation.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "(not yet implemented)")
    func run() async throws { throw ValidationError("relax bench is not implemented yet") }
}
