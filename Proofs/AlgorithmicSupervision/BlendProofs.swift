import AlgorithmicSupervision
import ExactArithmetic
import Foundation
import ProofSupport

extension AlgorithmProofs {
    /// Relaxed `If` on exact rationals: the merged state is `p·v_true + (1 − p)·v_false`
    /// exactly, `p ∈ {0, 1}` selects a branch exactly, and branches holding probability
    /// vectors merge into a probability vector (mass preserved exactly).
    static let ifClaim = "the reference If merges p·v_true + (1 − p)·v_false exactly, selects exactly for p ∈ {0, 1}, and merges probability vectors into probability vectors"
    static let ifDomain = "p ∈ {0, 1/4, 1/2, 3/4, 1}; values in {−2, −1/3, 0, 1/2, 3}; 4 distributions on 3 points; exact rationals"

    public static func ifBlend() -> Certificate {
        let values: [Rational] = [-2, Rational(-1) / Rational(3), 0, Rational(1) / Rational(2), 3]
        let distributions: [[Rational]] = [[1, 0, 0], [0, 1, 0], [Rational(1) / Rational(2), Rational(1) / Rational(4), Rational(1) / Rational(4)],
                                           [Rational(1) / Rational(3), Rational(1) / Rational(3), Rational(1) / Rational(3)]]
        return exhaustive("algorithm.if.blend", ifClaim, ifDomain, evidence: ["program: If(p) { y ← a } else: { y ← b }"]) { cases in
            for p in quarters {
                for a in values {
                    for b in values {
                        cases += 1
                        let program = try Program<Rational>(epsilon: 0) {
                            Input("x")
                            Var("y", 0)
                            If(Condition { s in s.constant(p) }) { Let("y", .number(a)) } else: { Let("y", .number(b)) }
                            Output("y")
                        }
                        let y = try program.run(["x": Batched(shape: [1], values: [0])]).outputs["y"]!.values[0]
                        guard y == p * a + (1 - p) * b else { return "p = \(p), a = \(a), b = \(b): y = \(y)" }
                        if p == 0 && y != b || p == 1 && y != a { return "p = \(p) does not select exactly" }
                    }
                }
                for u in distributions {
                    for v in distributions {
                        cases += 1
                        let program = try Program<Rational>(epsilon: 0) {
                            Input("x")
                            Var("y", constant: { _ in ([0, 0, 0], [3]) })
                            If(Condition { s in s.constant(p) }) { Let("y", .constant(values: u, shape: [3])) } else: { Let("y", .constant(values: v, shape: [3])) }
                            Output("y")
                        }
                        let y = try program.run(["x": Batched(shape: [1], values: [0])]).outputs["y"]!.values
                        guard y.reduce(0, +) == 1, y.allSatisfy({ $0 >= 0 }) else { return "p = \(p), \(u) ⊕ \(v) = \(y)" }
                    }
                }
            }
            return nil
        }
    }

    /// Probabilistic writes `x ← w·v + (1 − w)·x`: a one-hot weight equals the hard-index write,
    /// an all-zero weight is a no-op.
    static let writeClaim = "a probabilistic write with a one-hot weight equals the hard-index write; an all-zero weight is a no-op"
    static let writeDomain = "n ≤ 4 positions, every one-hot and the zero weight, v ∈ {−1, 0, 2/3, 5}, exact rationals"

    public static func probabilisticWrites() -> Certificate {
        let values: [Rational] = [-1, 0, Rational(2) / Rational(3), 5]
        return exhaustive("algorithm.write.probabilistic", writeClaim, writeDomain, evidence: []) { cases in
            for n in 1...4 {
                let x0: [Rational] = (0..<n).map { Rational($0 * 3 - 2) / Rational(7) }
                for v in values {
                    for target in -1..<n {
                        cases += 1
                        let w: [Rational] = (0..<n).map { $0 == target ? 1 : 0 }
                        let soft = try Program<Rational> {
                            Input("x")
                            Let("x", weights: .constant(values: w, shape: [n]), .number(v))
                            Output("x")
                        }
                        let y = try soft.run(["x": Batched(shape: [1, n], values: x0)]).outputs["x"]!.values
                        if target < 0 {
                            guard y == x0 else { return "zero weight changed \(x0) to \(y)" }
                        } else {
                            let hard = try Program<Rational> { Input("x"); Let("x", at: [.literal(target)], .number(v)); Output("x") }
                            let z = try hard.run(["x": Batched(shape: [1, n], values: x0)]).outputs["x"]!.values
                            var expected = x0
                            expected[target] = v
                            guard y == z, z == expected else { return "n = \(n), index \(target), v = \(v): \(y) vs hard \(z)" }
                        }
                    }
                }
            }
            return nil
        }
    }
}
