import AlgorithmicSupervision
import ExactArithmetic
import Foundation
import ProofSupport

extension AlgorithmProofs {
    /// The `While` expectation (arXiv 2110.05651, §3.3) run by the reference interpreter on
    /// exact rationals: for every continue-probability sequence `c_0 … c_{L−1}` from
    /// {0, ¼, ½, ¾, 1} (then `c_L = 0`) and `max_iter` ∈ {L, 2}, the weight of stopping after
    /// `t` iterations — read off as the expectation of a one-hot iteration indicator — is
    /// `≥ 0`, equals `(Π_{u<t} c_u)(1 − c_t)` (the last executed state also receives the
    /// truncated tail `Π_{u≤T} c_u`), and the weights sum to exactly 1 (probability mass is
    /// preserved: the expectation of the constant 1 is 1).
    static let whileClaim = "the While stopping weights of the reference interpreter are ≥ 0, equal Π_{u<t} c_u·(1 − c_t) (the truncated tail going to the last state) and sum to exactly 1"
    static let whileDomain = "c_t ∈ {0, 1/4, 1/2, 3/4, 1}, L ≤ 4 iterations (then c_L = 0), max_iter ∈ {L, 2}, ε = 0, exact rationals (exhaustive)"
    static let whileSampledDomain = "c_t = k/2^20 for k from a fixed multiplicative sequence, L ≤ 12, max_iter ≤ 14, ε = 0, exact rationals"

    public static func whileWeights() -> Certificate {
        exhaustive("algorithm.while.weights", whileClaim, whileDomain,
                   evidence: ["program: one-hot iteration indicator e and constant 1 through While(c_iter) { e[iter] ← 0; iter += 1; e[iter] ← 1 }"]) { cases in
            for L in 0...4 {
                var sequences: [[Rational]] = [[]]
                for _ in 0..<L { sequences = sequences.flatMap { s in quarters.map { s + [$0] } } }
                for c in sequences {
                    for maxIterations in Set([L, 2]) {
                        cases += 1
                        if let bad = try checkWhile(c, maxIterations: maxIterations) { return "c = \(c), max_iter = \(maxIterations): \(bad)" }
                    }
                }
            }
            return nil
        }
    }

    /// The same claim on longer sequences of "random" rationals with large denominators.
    public static func whileWeightsSampled() -> Certificate {
        var log = ProofLog(name: "algorithm.while.weights-sampled", claim: whileClaim, domain: whileSampledDomain)
        var state: UInt64 = 0x2110_0565_1
        func next(_ bound: Int) -> Int {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Int((state >> 33) % UInt64(bound + 1))
        }
        var cases = 0
        do {
            for _ in 0..<60 {
                let L = next(12)
                let c = (0..<L).map { _ in Rational(next(1 << 20)) / Rational(1 << 20) }
                let m = 1 + next(13)
                cases += 1
                if let bad = try checkWhile(c, maxIterations: m) { log.fail("c = \(c), max_iter = \(m): \(bad)"); break }
            }
        } catch { log.fail("error: \(error)") }
        log.sample(cases: cases, seed: "64-bit LCG from 0x211005651", notCovered: "other rational sequences, L > 12")
        return log.finish(figure: "\(cases) sequences")
    }

    static func checkWhile(_ c: [Rational], maxIterations: Int) throws -> String? {
        let L = c.count
        let program = try Program<Rational>(epsilon: 0, maxIterations: maxIterations) {
            Input("one")
            Var("e", constant: { _ in ([1] + [Rational](repeating: 0, count: L + 1), [L + 2]) })
            VarInt("iter") { _ in 0 }
            While(Condition { s in s.constant(try s.int("iter") < L ? c[try s.int("iter")] : 0) }) {
                Let("e", at: ["iter"], 0)
                LetInt("iter") { s in try s.int("iter") + 1 }
                Let("e", at: ["iter"], 1)
            }
            Output("e")
            Output("one")
        }
        let r = try program.run(["one": Batched(shape: [1], values: [1])])
        let w = r.outputs["e"]!.values
        guard r.outputs["one"]!.values == [1] else { return "E[1] = \(r.outputs["one"]!.values[0])" }
        guard w.allSatisfy({ $0 >= 0 }) else { return "negative weight in \(w)" }
        guard w.reduce(0, +) == 1 else { return "weights sum to \(w.reduce(0, +))" }
        // Closed form: the loop runs T = min(first t with P_t = 0, max_iter) iterations.
        var expected = [Rational](repeating: 0, count: L + 2)
        var P: Rational = c.first ?? 0
        expected[0] = 1 - P
        var t = 0
        while P > 0, t < maxIterations {
            let next = P * (t + 1 < L ? c[t + 1] : 0)
            expected[t + 1] = P - next
            P = next
            t += 1
        }
        expected[t] += P
        return w == expected ? nil : "weights \(w) ≠ closed form \(expected)"
    }
}

