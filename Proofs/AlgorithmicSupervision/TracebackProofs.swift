import AlgorithmicSupervision
import ExactArithmetic
import Foundation
import ProofSupport

extension AlgorithmProofs {
    /// The t-conorms of the relaxed shortest path (arXiv 2110.05651, §4.2) as the shipped
    /// program computes them, on a rational grid: values in [0, 1], `S(a, 0) = a`,
    /// commutative, monotone in each argument, associative.
    static let tConormClaim = "the shortest-path t-conorms (probabilistic, Yager p = 1, Hamacher q) map [0,1]² to [0,1], have 0 as identity, and are commutative, monotone and associative"
    static let tConormDomain = "a, b, c ∈ {0, 1/6, …, 1}; Hamacher q ∈ {0, 1/2, 1, 2, 5} (q = 0 includes the 0/0 corner a = b = 1, defined by its limit 1); exact rationals"

    public static func tConorms() -> Certificate {
        let grid: [Rational] = (0...6).map { Rational($0) / Rational(6) }
        let tape = Tape<Rational>()
        func S(_ kind: TConorm, _ q: Rational, _ a: Rational, _ b: Rational) throws -> Rational {
            let x = Tensor<Rational>.constant([a], shape: [1], on: tape), y = Tensor<Rational>.constant([b], shape: [1], on: tape)
            return try RelaxedPrograms.tConorm(kind, q: q, x, y).values[0]
        }
        let configurations: [(TConorm, Rational)] = [(.probabilistic, 0), (.yager, 1),
                                                     (.hamacher, 0), (.hamacher, Rational(1) / Rational(2)), (.hamacher, 1), (.hamacher, 2), (.hamacher, 5)]
        return exhaustive("algorithm.tconorm.properties", tConormClaim, tConormDomain, evidence: []) { cases in
            for (kind, q) in configurations {
                for a in grid {
                    guard try S(kind, q, a, 0) == a else { return "\(kind) q=\(q): S(\(a), 0) ≠ \(a)" }
                    for b in grid {
                        cases += 1
                        let s = try S(kind, q, a, b)
                        guard s >= 0, s <= 1 else { return "\(kind) q=\(q): S(\(a), \(b)) = \(s) ∉ [0, 1]" }
                        guard s == (try S(kind, q, b, a)) else { return "\(kind) q=\(q): not commutative at (\(a), \(b))" }
                        if let next = grid.first(where: { $0 > b }), try S(kind, q, a, next) < s { return "\(kind) q=\(q): decreasing at (\(a), \(b))" }
                        for c in grid where try S(kind, q, S(kind, q, a, b), c) != S(kind, q, a, S(kind, q, b, c)) {
                            return "\(kind) q=\(q): not associative at (\(a), \(b), \(c))"
                        }
                    }
                }
            }
            return nil
        }
    }

    /// The traceback's probabilistic 2-D index moves mass without creating or losing any inside
    /// the grid: `Σ trace′ = Σ_cells trace(cell)·Σ_{k: cell + dir_k in grid} pred(cell, k)`, and
    /// with predecessor distributions (rows summing to 1) that never point off the grid the
    /// total mass is preserved exactly.
    static let massClaim = "the traceback's mass transport keeps exactly the mass that stays on the grid (none created, none lost inside)"
    static let massDomain = "2×2 and 1×3 grids, every assignment of a direction pair (½, ½) to each cell, exact rationals"

    public static func tracebackMass() -> Certificate {
        return exhaustive("algorithm.traceback.mass", massClaim, massDomain, evidence: []) { cases in
            for (H, W) in [(2, 2), (1, 3)] {
                let cells = H * W
                var choices: [[Int]] = [[]]
                for _ in 0..<cells { choices = choices.flatMap { c in (0..<8).map { c + [$0] } } }
                let trace: [Rational] = (0..<cells).map { Rational($0 + 1) / Rational(cells * (cells + 1) / 2) }
                for choice in choices {
                    cases += 1
                    // A one-hot predecessor per cell, blended half-half with the next direction:
                    // exercises splitting as well as moving.
                    var pred = [Rational](repeating: 0, count: cells * 8)
                    for (cell, k) in choice.enumerated() {
                        pred[cell * 8 + k] += Rational(1) / Rational(2)
                        pred[cell * 8 + (k + 1) % 8] += Rational(1) / Rational(2)
                    }
                    let tape = Tape<Rational>()
                    let moved = try RelaxedPrograms.moveMass(.constant(trace, shape: [1, H, W], on: tape),
                                                             pred: .constant(pred, shape: [1, H, W, 8], on: tape)).values
                    var expected: Rational = 0
                    for cell in 0..<cells {
                        let (i, j) = (cell / W, cell % W)
                        for (k, (dr, dc)) in gridDirections.enumerated() where (0..<H).contains(i + dr) && (0..<W).contains(j + dc) {
                            expected += trace[cell] * pred[cell * 8 + k]
                        }
                    }
                    guard moved.reduce(0, +) == expected else { return "\(H)x\(W) directions \(choice): moved mass \(moved.reduce(0, +)) ≠ \(expected)" }
                    guard moved.allSatisfy({ $0 >= 0 }) else { return "negative mass" }
                }
            }
            return nil
        }
    }
}
