import ArgumentParser
import Foundation
import Fixtures
import Imaging
import InputLimits
import SortingNetworks

/// `relax sort` — relaxed sort of vectors read as JSON or CSV.
struct SortCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "sort",
        abstract: "Relaxed sort of vectors given as JSON or CSV; prints y and P as JSON.",
        discussion: """
            Input (a file or stdin): JSON — one vector [3, 1, 2] or a batch [[3, 1, 2], [0, 5, 4]] — \
            or CSV with one vector per line. Output: {"y": [[…]], "p": [[[…]]]} with y ascending and \
            p[b][j][i] the weight of input j at output position i (y = xᵀP). --png writes a heatmap \
            of P for the first vector (rows = inputs, columns = output positions). \
            JSON input holds numbers only (true/false and strings are errors); a UTF-8 byte-order \
            mark is ignored; CSV fields are decimal numbers (no hex, inf or nan). Sizes beyond the \
            --max-… limits are refused before anything is built.
            """)

    @Argument(help: "Input file (JSON or CSV); reads stdin when omitted or '-'.")
    var input: String?

    @Option(help: "Network: bitonic or odd_even.")
    var network: String = "bitonic"

    @Option(help: "Construction: valid (sorts every n) or authors (bit-compatible with diffsort).")
    var construction: String = "valid"

    @Option(help: "Sigmoid family: \(SigmoidFamily.allCases.map(\.rawValue).joined(separator: ", ")).")
    var family: String = "cauchy"

    @Option(name: .customLong("family-file"), help: "A relaxations-sigmoid/1 family file (your own sigmoid; replaces --family). It must be a proved sigmoid.")
    var familyFile: String?

    @Option(help: "Steepness s > 0.")
    var steepness: Double = 10

    @Option(name: .customLong("art-lambda"), help: "λ of logistic_phi, in [0, 1) (default 0.25); an error with any other family.")
    var artLambdaOption: Double?

    @Option(help: "Implementation: reference or optimized.")
    var implementation: String = "optimized"

    @Flag(help: "Print y only (the values-only path never builds P).")
    var valuesOnly = false

    @Option(help: "Write a PNG heatmap of P (first vector) to this file.")
    var png: String?

    @OptionGroup var limits: LimitOptions

    func run() async throws {
        guard let kind = SortingNetwork.Kind(rawValue: network) else { throw ValidationError("unknown network '\(network)' (bitonic, odd_even)") }
        guard let construction = SortingNetwork.Construction(rawValue: construction) else {
            throw ValidationError("unknown construction '\(self.construction)' (valid, authors)")
        }
        guard let family = SigmoidFamily(rawValue: family) else { throw ValidationError("unknown family '\(self.family)'") }
        guard let impl = SortingImplementation(rawValue: implementation) else { throw ValidationError("unknown implementation '\(implementation)'") }
        if artLambdaOption != nil && family != .logisticPhi {
            throw ValidationError("--art-lambda applies to the logistic_phi family only (this run uses \(family.rawValue))")
        }
        let artLambda = artLambdaOption ?? 0.25
        limits.apply()
        let bytes: [UInt8]
        do { bytes = try input.map { $0 == "-" ? try InputFile.readStandardInput() : try InputFile.read($0) } ?? InputFile.readStandardInput() } catch {
            throw ValidationError("cannot read input: \(error)")
        }
        let rows = try VectorInput.parse(bytes)
        let n = rows[0].count
        var config = SortConfiguration(network: kind, construction: construction, family: family, steepness: steepness, artLambda: artLambda)
        if let familyFile { config.customFamily = try SigmoidProve.sortFamily(familyFile) }
        let familyName = config.customFamily?.name ?? family.rawValue
        let computeP = !valuesOnly || png != nil
        try checkLimits(n: n, batch: rows.count,
                        estimatedBytes: config.estimatedWorkingBytes(n: n, batch: rows.count, computeP: computeP, implementation: impl))
        let sorter = try impl.makeSorter(n: n, configuration: config)
        let out = try sorter.sort(rows.flatMap { $0 }, computeP: computeP)
        // Streamed: P (batch·n² numbers) is formatted row by row, never as one string.
        var o = OutputStream()
        o.write("{\"config\": {\"network\": \"\(kind.rawValue)\", \"construction\": \"\(construction.rawValue)\", ")
        o.write("\"distribution\": \"\(familyName)\", \"steepness\": \(steepness), \"art_lambda\": \(artLambda), \"n\": \(n)},\n")
        o.write(" \"y\": [")
        for b in 0..<rows.count {
            if b > 0 { o.write(", ") }
            o.write(VectorInput.json(Array(out.y[b * n..<(b + 1) * n])))
        }
        o.write("]")
        if !valuesOnly, let p = out.p {
            o.write(",\n \"p\": [")
            for b in 0..<rows.count {
                if b > 0 { o.write(",\n  ") }
                o.write("[")
                for j in 0..<n {
                    if j > 0 { o.write(", ") }
                    o.write(VectorInput.json(Array(p[(b * n + j) * n..<(b * n + j + 1) * n])))
                }
                o.write("]")
            }
            o.write("]")
        }
        o.write("}\n")
        o.flush()
        if let png, let p = out.p {
            let matrix = (0..<n).map { j in Array(p[j * n..<(j + 1) * n]) }
            let bytes = try Heatmap.png(matrix, cell: max(2, min(32, 512 / max(n, 1))))
            guard FileManager.default.createFile(atPath: png, contents: Data(bytes)) else { throw ValidationError("cannot write '\(png)'") }
            FileHandle.standardError.write(Data("wrote \(png) (\(n)×\(n) heatmap of P)\n".utf8))
        }
    }
}
