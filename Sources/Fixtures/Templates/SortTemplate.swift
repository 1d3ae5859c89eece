import SortingNetworks

/// `sort` templates: random rows per size with cotangents on y (and on P for n ≤ 13), plus the
/// hard cases — exact ties, the n = 22 permutation that the authors' bitonic wiring leaves
/// unsorted (steepness 1000), magnitudes 10⁶ and 10⁻⁶, and a steep case.
public enum SortTemplate: FixtureTemplateMaker {
    public static let method = "sort"
    public static let outputs = ["y", "p", "grad_x"]
    public static let defaultSizes = [2, 3, 5, 8, 13, 22, 32]
    public static let defaultParams: [String: JSONValue] = [
        "network": .string("bitonic"), "construction": .string("authors"), "distribution": .string("cauchy"),
        "steepness": .number(10), "art_lambda": .number(0.25),
    ]
    public static let tolerance = FixtureTolerance.contractDefault
    /// A permutation of 0…21 that the authors' bitonic wiring does not sort (arXiv 2105.04019's
    /// construction as diffsort builds it; found by `relax prove zero-one-bitonic-authors`).
    static let n22DefectInput: [Double] = [9, 17, 16, 3, 11, 13, 7, 5, 2, 0, 4, 19, 15, 14, 6, 8, 10, 21, 18, 1, 12, 20]

    public static func cases(sizes: [Int], options: TemplateOptions, params: [String: JSONValue], rng: inout SplitMix64) throws -> [JSONValue] {
        let steepness = params["steepness"]?.doubleValue ?? 10
        let b = options.batch
        func rows(_ n: Int, scale: Double) -> JSONValue { .tensor(rng.values(b * n, in: -scale...scale), shape: [b, n]) }
        func withCotangents(_ n: Int, _ x: JSONValue) -> [String: JSONValue] {
            var input: [String: JSONValue] = ["x": x, "cotangent_y": .tensor(rng.values(b * n, in: -1...1), shape: [b, n])]
            if n <= 13 { input["cotangent_p"] = .tensor(rng.values(b * n * n, in: -1...1), shape: [b, n, n]) }
            return input
        }
        var cases: [JSONValue] = sizes.map { n in
            templateCase("n\(n)-random", input: withCotangents(n, rows(n, scale: 3 / steepness * 3)))
        }
        guard options.hardCases else { return cases }
        // Exact ties: few distinct values per row.
        let ties = (0..<(b * 6)).map { _ in Double(Int.random(in: 0..<3, using: &rng)) * 1.5 / steepness }
        cases.append(templateCase("ties-n6", input: withCotangents(6, .tensor(ties, shape: [b, 6]))))
        cases.append(templateCase("n22-bitonic-authors-defect", params: ["steepness": .number(1000)],
                                  input: ["x": .tensor(n22DefectInput, shape: [1, 22]), "cotangent_y": .tensor(rng.values(22, in: -1...1), shape: [1, 22])]))
        cases.append(templateCase("large-magnitude-n8", input: withCotangents(8, .tensor(rng.values(b * 8, in: -1...1).map { $0 * 1e6 }, shape: [b, 8]))))
        cases.append(templateCase("small-magnitude-n8", input: withCotangents(8, .tensor(rng.values(b * 8, in: -1...1).map { $0 * 1e-6 }, shape: [b, 8]))))
        cases.append(templateCase("steep-n13", params: ["steepness": .number(1000)], input: withCotangents(13, rows(13, scale: 1))))
        return cases
    }
}

/// `topk-loss` templates: random logits and labels per size, plus ties, saturated logits
/// (magnitudes up to 60) and the true class at the minimum and maximum logit.
public enum TopKLossTemplate: FixtureTemplateMaker {
    public static let method = "topk-loss"
    public static let outputs = ["loss", "grad_logits", "topk_probabilities"]
    public static let defaultSizes = [5, 8, 22]
    public static let defaultParams: [String: JSONValue] = [
        "method": .string("bitonic"), "construction": .string("authors"), "distribution": .string("cauchy"),
        "steepness": .number(10), "art_lambda": .number(0.25), "p_k": .array([.number(0.5), .number(0), .number(0), .number(0), .number(0.5)]),
        "m": .null, "top1_mode": .string("sm"),
    ]
    public static let tolerance = FixtureTolerance(abs: 1e-11, rel: 1e-9)

    public static func cases(sizes: [Int], options: TemplateOptions, params: [String: JSONValue], rng: inout SplitMix64) throws -> [JSONValue] {
        let k = params["p_k"]?.arrayValue?.count ?? 5
        if let small = sizes.first(where: { $0 < max(k, 2) }) { throw TemplateError("topk-loss needs n ≥ max(2, K) = \(max(k, 2)) (K = length of p_k); got n = \(small)") }
        let b = options.batch
        func labels(_ n: Int) -> JSONValue { .integers(rng.indices(b, below: n), shape: [b]) }
        var cases: [JSONValue] = sizes.map { n in
            templateCase("n\(n)-random", input: ["logits": .tensor(rng.values(b * n, in: -2...2), shape: [b, n]), "labels": labels(n)])
        }
        guard options.hardCases else { return cases }
        let n = sizes.max()!
        let ties = (0..<(b * n)).map { _ in Double(Int.random(in: 0..<3, using: &rng)) * 0.5 }
        cases.append(templateCase("ties-n\(n)", input: ["logits": .tensor(ties, shape: [b, n]), "labels": labels(n)]))
        cases.append(templateCase("saturated-n\(n)", input: ["logits": .tensor(rng.values(b * n, in: -60...60), shape: [b, n]), "labels": labels(n)]))
        let logits = rng.values(b * n, in: -3...3)
        let extremes = (0..<b).map { row in
            let r = Array(logits[row * n..<(row + 1) * n])
            return row % 2 == 0 ? r.indices.min { r[$0] < r[$1] }! : r.indices.max { r[$0] < r[$1] }!
        }
        cases.append(templateCase("label-at-min-and-max-n\(n)", input: ["logits": .tensor(logits, shape: [b, n]), "labels": .integers(extremes, shape: [b])]))
        if !sizes.contains(22) {
            cases.append(templateCase("n22-bitonic", input: ["logits": .tensor(rng.values(b * 22, in: -2...2), shape: [b, 22]), "labels": .integers(rng.indices(b, below: 22), shape: [b])]))
        }
        return cases
    }
}
