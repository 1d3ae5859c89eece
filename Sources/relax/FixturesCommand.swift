import ArgumentParser
import Fixtures
import Foundation

/// `relax fixtures template` — the conformance kit's first step.
struct FixturesCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "fixtures",
        abstract: "Fixture tools for other implementations (conformance kit).",
        subcommands: [FixturesTemplateCommand.self])
}

struct FixturesTemplateCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "template",
        abstract: "Write a fixture template: cases with inputs and params, no expected values.",
        discussion: """
            Fill it with your implementation's outputs (tools/python/relaxations_conformance.py \
            fill TEMPLATE OUT --function module:function), then `relax check OUT` compares them with \
            every implementation of this package. Methods: \(FixtureTemplates.makers.map { $0.method }.joined(separator: ", ")).
            """)

    @Option(help: "Fixture method: \(FixtureTemplates.makers.map { $0.method }.joined(separator: ", ")).")
    var method: String

    @Option(help: "Comma-separated sizes (n for sort/topk-loss, input width for the logic methods); default: the method's.")
    var sizes: String?

    @Option(help: "Rows per case.")
    var batch: Int = 2

    @Option(help: "Seed of the input generator (same seed, same template).")
    var seed: UInt64 = 0

    @Flag(inversion: .prefixedNo, help: "Include the hard cases (ties, n = 22 bitonic, large magnitudes, saturated logits).")
    var hardCases = true

    @Option(parsing: .unconditionalSingleValue, help: "A file-level param KEY=VALUE (VALUE is JSON, or a bare string), e.g. distribution=optimal; repeat.")
    var param: [String] = []

    @Option(help: "Output directory (the file is <method>-template.json).")
    var out: String

    func run() async throws {
        var params: [String: JSONValue] = [:]
        for item in param {
            guard let eq = item.firstIndex(of: "="), eq != item.startIndex else { throw ValidationError("--param must be KEY=VALUE, got '\(item)'") }
            let key = String(item[..<eq]), text = String(item[item.index(after: eq)...])
            params[key] = (try? JSONValue.parse(text)) ?? .string(text)
        }
        var sizeList: [Int]?
        if let sizes {
            sizeList = try sizes.split(separator: ",").map { part in
                guard let n = Int(part.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("--sizes: '\(part)' is not an integer") }
                return n
            }
        }
        let document: JSONValue
        do {
            document = try FixtureTemplates.document(
                method: method, options: TemplateOptions(sizes: sizeList, batch: batch, seed: seed, hardCases: hardCases, params: params))
        } catch { throw ValidationError("\(error)") }
        try FileManager.default.createDirectory(atPath: out, withIntermediateDirectories: true)
        let path = URL(fileURLWithPath: out).appendingPathComponent("\(method)-template.json").path
        guard FileManager.default.createFile(atPath: path, contents: Data((document.text + "\n").utf8)) else {
            throw ValidationError("cannot write '\(path)'")
        }
        let count = document["cases"]?.arrayValue?.count ?? 0
        print("wrote \(path) (\(count) cases, outputs \(document["template"]?["outputs"]?.arrayValue?.compactMap(\.stringValue).joined(separator: ", ") ?? ""))")
        print("next: python3 relaxations_conformance.py fill \(path) OUT.json --function your_module:your_function && relax check OUT.json")
    }
}
