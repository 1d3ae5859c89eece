import ArgumentParser
import Foundation
import Imaging
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
            of P for the first vector (rows = inputs, columns = output positions).
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

    @Option(name: .customLong("art-lambda"), help: "λ of logistic_phi, in [0, 1).")
    var artLambda: Double = 0.25

    @Option(help: "Implementation: reference or optimized.")
    var implementation: String = "optimized"

    @Flag(help: "Print y only (the values-only path never builds P).")
    var valuesOnly = false

    @Option(help: "Write a PNG heatmap of P (first vector) to this file.")
    var png: String?

    func run() async throws {
        guard let kind = SortingNetwork.Kind(rawValue: network) else { throw ValidationError("unknown network '\(network)' (bitonic, odd_even)") }
        guard let construction = SortingNetwork.Construction(rawValue: construction) else {
            throw ValidationError("unknown construction '\(self.construction)' (valid, authors)")
        }
        guard let family = SigmoidFamily(rawValue: family) else { throw ValidationError("unknown family '\(self.family)'") }
        guard let impl = Implementation(rawValue: implementation) else { throw ValidationError("unknown implementation '\(implementation)'") }
        let text: String
        if let input, input != "-" {
            guard let data = FileManager.default.contents(atPath: input), let s = String(data: data, encoding: .utf8) else {
                throw ValidationError("cannot read '\(input)'")
            }
            text = s
        } else {
            var lines: [String] = []
            while let line = readLine(strippingNewline: false) { lines.append(line) }
            text = lines.joined()
        }
        let rows = try VectorInput.parse(text)
        let n = rows[0].count
        var config = SortConfiguration(network: kind, construction: construction, family: family, steepness: steepness, artLambda: artLambda)
        if let familyFile { config.customFamily = try SigmoidProve.sortFamily(familyFile) }
        let familyName = config.customFamily?.name ?? family.rawValue
        let sorter = try impl.makeSorter(n: n, configuration: config)
        let out = try sorter.sort(rows.flatMap { $0 }, computeP: !valuesOnly || png != nil)
        var json = "{\"config\": {\"network\": \"\(kind.rawValue)\", \"construction\": \"\(construction.rawValue)\", "
        json += "\"distribution\": \"\(familyName)\", \"steepness\": \(steepness), \"art_lambda\": \(artLambda), \"n\": \(n)},\n"
        json += " \"y\": [" + (0..<rows.count).map { b in VectorInput.json(Array(out.y[b * n..<(b + 1) * n])) }.joined(separator: ", ") + "]"
        if !valuesOnly, let p = out.p {
            json += ",\n \"p\": [" + (0..<rows.count).map { b in
                "[" + (0..<n).map { j in VectorInput.json(Array(p[(b * n + j) * n..<(b * n + j + 1) * n])) }.joined(separator: ", ") + "]"
            }.joined(separator: ",\n  ") + "]"
        }
        print(json + "}")
        if let png, let p = out.p {
            let matrix = (0..<n).map { j in Array(p[j * n..<(j + 1) * n]) }
            let bytes = try Heatmap.png(matrix, cell: max(2, min(32, 512 / max(n, 1))))
            guard FileManager.default.createFile(atPath: png, contents: Data(bytes)) else { throw ValidationError("cannot write '\(png)'") }
            FileHandle.standardError.write(Data("wrote \(png) (\(n)×\(n) heatmap of P)\n".utf8))
        }
    }
}

/// Parsing of vectors given as JSON or CSV, with clear errors.
enum VectorInput {
    struct Error: Swift.Error, CustomStringConvertible {
        let description: String
    }

    static func parse(_ text: String) throws -> [[Double]] {
        let trimmed = text.trimmingCharacters(in: .whitespacesAndNewlines)
        guard !trimmed.isEmpty else { throw Error(description: "no input: give a JSON array or CSV lines") }
        var rows: [[Double]]
        if trimmed.hasPrefix("[") {
            guard let object = try? JSONSerialization.jsonObject(with: Data(trimmed.utf8)) else {
                throw Error(description: "malformed JSON input")
            }
            if let flat = object as? [NSNumber] {
                rows = [flat.map(\.doubleValue)]
            } else if let nested = object as? [[NSNumber]] {
                rows = nested.map { $0.map(\.doubleValue) }
            } else {
                throw Error(description: "JSON input must be an array of numbers or an array of arrays of numbers")
            }
        } else {
            rows = try trimmed.split(whereSeparator: \.isNewline).enumerated().compactMap { (lineNumber, line) -> [Double]? in
                let fields = line.split(separator: ",").map { $0.trimmingCharacters(in: .whitespaces) }
                if fields.allSatisfy(\.isEmpty) { return nil }
                return try fields.map { field in
                    guard let v = Double(field) else { throw Error(description: "CSV line \(lineNumber + 1): '\(field)' is not a number") }
                    return v
                }
            }
        }
        guard let n = rows.first?.count, n >= 1 else { throw Error(description: "vectors must have at least one element") }
        for (b, row) in rows.enumerated() where row.count != n {
            throw Error(description: "vector \(b) has \(row.count) elements, the first has \(n): all vectors need the same length")
        }
        return rows
    }

    static func json(_ v: [Double]) -> String {
        "[" + v.map { $0.isFinite ? "\($0)" : "\"\($0.isNaN ? "NaN" : ($0 > 0 ? "Infinity" : "-Infinity"))\"" }.joined(separator: ", ") + "]"
    }
}
