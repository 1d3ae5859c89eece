import AlgorithmicSupervision
import ExactArithmetic
import Foundation
import ProofSupport

/// Exact proofs about the relaxed-program language of arXiv 2110.05651, computed by running the
/// reference interpreter itself on GMP rationals where β plays no part (blends, `While`
/// weights, t-conorm accumulation, probabilistic writes, the traceback's mass transport).
/// Each claim is checked exhaustively over a stated finite domain, so its verdict is `proved`
/// (or `failed` with the first counterexample); sampled checks live in the tests.
public enum AlgorithmProofs {
    /// Every proof, in catalogue order.
    public static let all: [(name: String, run: @Sendable () -> Certificate)] = [
        ("algorithm-while-weights", whileWeights),
        ("algorithm-if-blend", ifBlend),
        ("algorithm-tconorms", tConorms),
        ("algorithm-probabilistic-write", probabilisticWrites),
        ("algorithm-traceback-mass", tracebackMass),
    ]

    /// A small grid of probabilities.
    static let quarters: [Rational] = [0, 1, 2, 3, 4].map { Rational($0) / Rational(4) }

    static func certificate(_ name: String, _ claim: String, domain: String, start: Date, cases: Int,
                            failure: String?, evidence: [String]) -> Certificate {
        Certificate(name: name, claim: claim + " [domain: \(domain)]", verdict: failure == nil ? .proved : .failed,
                    evidence: evidence + (failure.map { ["counterexample: \($0)"] } ?? ["all \(cases) cases checked exactly"]),
                    figure: failure == nil ? "\(cases) cases, exhaustive" : "failed", seconds: Date().timeIntervalSince(start))
    }

    static func run(_ body: () throws -> String?) -> String? {
        do { return try body() } catch { return "error: \(error)" }
    }
}
