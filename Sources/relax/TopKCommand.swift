import ArgumentParser
import Foundation
import SortingNetworks
import TopK

/// `relax topk` — the differentiable top-k classification loss (arXiv 2206.07290).
struct TopKCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "topk",
        abstract: "Differentiable top-k cross-entropy: evaluate, train a classifier, benchmark.",
        subcommands: [TopKLossCommand.self, TopKTrainCommand.self, TopKBenchCommand.self],
        defaultSubcommand: TopKLossCommand.self)
}

/// The loss options shared by the subcommands (defaults: `TopKConfiguration`'s documented ones).
struct TopKLossOptions: ParsableArguments {
    @Option(help: "Sorter: bitonic, splitter_selection, odd_even, neuralsort, softsort.")
    var method: String = "bitonic"
    @Option(help: "Bitonic wiring: authors or valid.")
    var construction: String = "valid"
    @Option(help: "Sigmoid family of the networks: logistic, logistic_phi, gaussian, reciprocal, cauchy, optimal.")
    var family: String = "cauchy"
    @Option(help: "Inverse temperature (network steepness; 1/τ for NeuralSort/SoftSort).")
    var steepness: Double = 10
    @Option(help: "λ of logistic_phi.")
    var artLambda: Double = 0.25
    @Option(help: "P_K as comma-separated weights, e.g. 0.5,0,0,0,0.5.")
    var pK: String = "0.5,0,0,0,0.5"
    @Option(help: "Top-m pre-selection (K < m < n).")
    var m: Int?
    @Option(help: "Top-1 handling: sort, sm, smce.")
    var top1Mode: String = "sm"
    @Flag(help: "Evaluate the full network instead of the pruned cone.")
    var noPruning = false

    func configuration() throws -> TopKConfiguration {
        guard let method = TopKMethod(authorsName: method) else {
            throw ValidationError("unknown method \(method); known: \(TopKMethod.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let construction = SortingNetwork.Construction(rawValue: construction) else {
            throw ValidationError("unknown construction \(construction) (authors | valid)")
        }
        guard let family = SigmoidFamily(rawValue: family) else {
            throw ValidationError("unknown family \(family); known: \(SigmoidFamily.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        guard let mode = Top1Mode(rawValue: top1Mode) else { throw ValidationError("unknown top1 mode \(top1Mode) (sort | sm | smce)") }
        let weights = try pK.split(separator: ",").map { part -> Double in
            guard let v = Double(part.trimmingCharacters(in: .whitespaces)) else { throw ValidationError("p_k entry \"\(part)\" is not a number") }
            return v
        }
        return TopKConfiguration(method: method, construction: construction, family: family, steepness: steepness,
                                 artLambda: artLambda, distribution: try TopKDistribution(weights), m: m, top1Mode: mode,
                                 pruned: !noPruning)
    }
}

/// `relax topk loss`: loss, gradient and top-k membership probabilities for logits and labels
/// given as JSON `{"logits": [[…]], "labels": […]}` (file or stdin).
struct TopKLossCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "loss", abstract: "Evaluate the top-k loss on JSON {\"logits\": [[…]], \"labels\": […]}.")

    @OptionGroup var options: TopKLossOptions
    @Option(help: "reference or optimized.")
    var implementation: String = "optimized"
    @Argument(help: "JSON file (default: stdin).")
    var file: String?

    func run() async throws {
        let data: Data
        if let file {
            guard let d = FileManager.default.contents(atPath: file) else { throw ValidationError("cannot read \(file)") }
            data = d
        } else {
            data = FileHandle.standardInput.readDataToEndOfFile()
        }
        struct Input: Decodable { let logits: [[Double]]; let labels: [Int] }
        let input: Input
        do { input = try JSONDecoder().decode(Input.self, from: data) } catch {
            throw ValidationError("input must be JSON {\"logits\": [[numbers]], \"labels\": [integers]}: \(error)")
        }
        guard let n = input.logits.first?.count, input.logits.allSatisfy({ $0.count == n }) else {
            throw ValidationError("logits must be a non-empty list of equally long rows")
        }
        guard let impl = TopKImplementation(rawValue: implementation) else { throw ValidationError("implementation: reference | optimized") }
        let loss = try impl.makeLoss(n: n, configuration: try options.configuration())
        let r: TopKLossResult<Double> = try loss.evaluate(logits: input.logits.flatMap { $0 }, labels: input.labels, computeProbabilities: true)
        let K = loss.configuration.k
        let rows = input.labels.count
        let grad = (0..<rows).map { Array(r.gradLogits[($0 * n)..<(($0 + 1) * n)]) }
        let probs = (0..<rows).map { b in (0..<r.sorterSize).map { i in Array(r.probabilities![((b * r.sorterSize + i) * K)..<((b * r.sorterSize + i + 1) * K)]) } }
        struct Output: Encodable { let loss: Double; let grad_logits: [[Double]]; let topk_probabilities: [[[Double]]] }
        let encoder = JSONEncoder()
        encoder.outputFormatting = [.sortedKeys]
        print(String(decoding: try encoder.encode(Output(loss: r.loss, grad_logits: grad, topk_probabilities: probs)), as: UTF8.self))
    }
}
