import AlgorithmicSupervision
import SortingNetworks
import Testing

/// Seeded random batches for the property tests.
struct Draw {
    var rng: SplitMix64
    init(seed: UInt64) { rng = SplitMix64(seed: seed) }

    mutating func normals(_ count: Int, scale: Double = 1) -> [Double] { (0..<count).map { _ in rng.normal() * scale } }
    mutating func uniform(_ count: Int, in range: ClosedRange<Double>) -> [Double] {
        (0..<count).map { _ in Double.random(in: range, using: &rng) }
    }
    mutating func int(in range: ClosedRange<Int>) -> Int { Int.random(in: range, using: &rng) }
    /// Rows of letter distributions `[B, n, K]` (softmax of normals).
    mutating func distributions(_ batch: Int, _ n: Int, _ k: Int, scale: Double = 2) -> [Double] {
        var out: [Double] = []
        for _ in 0..<(batch * n) {
            let z = normals(k, scale: scale)
            let m = z.max()!
            let e = z.map { Double.exp($0 - m) }
            let s = e.reduce(0, +)
            out += e.map { $0 / s }
        }
        return out
    }
    /// Shortest-path costs in (0.2, 1.2), as in the authors' example.
    mutating func costs(_ count: Int) -> [Double] { normals(count).map { 1 / (1 + Double.exp(-4 * $0)) + 0.2 } }
}

/// `|a − b| ≤ abs + rel·|b|` for every entry; records an issue naming the first offender.
func expectClose(_ a: [Double], _ b: [Double], abs: Double, rel: Double, _ what: String,
                 sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.count == b.count, "\(what): \(a.count) vs \(b.count) entries", sourceLocation: sourceLocation)
    for k in a.indices where !(Swift.abs(a[k] - b[k]) <= abs + rel * Swift.abs(b[k])) {
        Issue.record("\(what)[\(k)]: \(a[k]) vs \(b[k]) (diff \(a[k] - b[k]))", sourceLocation: sourceLocation)
        return
    }
}

/// Runs a shipped program with one implementation.
func run(_ impl: AlgorithmImplementation, _ program: AlgorithmProgram, _ inputs: [String: Batched<Double>],
         cotangents: [String: [Double]] = [:], _ p: AlgorithmParameters) throws -> AlgorithmResult {
    try impl.runner.run(program, inputs: inputs, cotangents: cotangents, parameters: p)
}

func params(beta: Double = 10, _ configure: (inout AlgorithmParameters) -> Void = { _ in }) -> AlgorithmParameters {
    var p = AlgorithmParameters()
    p.beta = beta
    configure(&p)
    return p
}
