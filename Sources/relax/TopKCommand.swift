import ArgumentParser
import Fixtures
import Foundation
import InputLimits
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
    @Option(help: "λ of logistic_phi, in [0, 1) (default 0.25); an error with any other family.")
    var artLambda: Double?
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
        if artLambda != nil && family != .logisticPhi {
            throw ValidationError("--art-lambda applies to the logistic_phi family only (this run uses \(family.rawValue))")
        }
        guard let mode = Top1Mode(rawValue: top1Mode) else { throw ValidationError("unknown top1 mode \(top1Mode) (sort | sm | smce)") }
        // Every entry must be a decimal number: "0.5,,0.5" is an error, not K = 2.
        let weights: [Double]
        do { weights = try VectorInput.decimalList(pK) } catch { throw ValidationError("--p-k: \(error)") }
        return TopKConfiguration(method: method, construction: construction, family: family, steepness: steepness,
                                 artLambda: artLambda ?? 0.25, distribution: try TopKDistribution(weights), m: m, top1Mode: mode,
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
    @OptionGroup var limits: LimitOptions

    func run() async throws {
        limits.apply()
        let bytes: [UInt8]
        do { bytes = try file.map { try InputFile.read($0) } ?? InputFile.readStandardInput() } catch {
            throw ValidationError("cannot read input: \(error)")
        }
        let input = try TopKInput.parse(bytes)
        let n = input.logits[0].count
        guard let impl = TopKImplementation(rawValue: implementation) else { throw ValidationError("implementation: " + TopKImplementation.allCases.map(\.rawValue).joined(separator: " | ")) }
        let configuration = try options.configuration()
        try checkLimits(n: n, batch: input.logits.count, estimatedBytes: configuration.estimatedWorkingBytes(n: n, batch: input.logits.count))
        let loss = try impl.makeLoss(n: n, configuration: configuration)
        let r: TopKLossResult<Double> = try loss.evaluate(logits: input.logits.flatMap { $0 }, labels: input.labels, computeProbabilities: true)
        let K = loss.configuration.k
        let rows = input.labels.count
        let grad = (0..<rows).map { Array(r.gradLogits[($0 * n)..<(($0 + 1) * n)]) }
        let probs = (0..<rows).map { b in (0..<r.sorterSize).map { i in Array(r.probabilities![((b * r.sorterSize + i) * K)..<((b * r.sorterSize + i + 1) * K)]) } }
        let output: JSONValue = .object([
            "loss": .double(r.loss),
            "grad_logits": .array(grad.map { .array($0.map(JSONValue.double)) }),
            "topk_probabilities": .array(probs.map { .array($0.map { .array($0.map(JSONValue.double)) }) }),
        ])
        print(output.serialized())
    }
}
