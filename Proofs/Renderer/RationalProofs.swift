import ExactArithmetic
import Foundation
import ProofSupport
import Renderer

/// Exact checks of the renderer's rational building blocks over GMP rationals, running the very
/// generic source the renderers run (``RationalTConorms``, ``RationalCDFs``). Every claim's domain
/// is a finite grid enumerated exhaustively, so the verdict `proved` refers to that grid.
public enum RationalProofs {
    /// {0, 1/12, …, 1}: 13 points.
    static let unitGrid: [Rational] = (0...12).map { Rational($0, 12) }

    /// The rational T-conorms: max, probabilistic, Einstein, Hamacher p ∈ {0, ½, 1, 2, 3}, Łukasiewicz (Yager p = 1).
    static var tconorms: [(String, @Sendable (Rational, Rational) -> Rational)] { [
        ("max", { RationalTConorms.maximum($0, $1) }),
        ("probabilistic", { RationalTConorms.probabilistic($0, $1) }),
        ("einstein", { RationalTConorms.einstein($0, $1) }),
        ("hamacher(0)", { RationalTConorms.hamacher($0, $1, p: Rational(0)) }),
        ("hamacher(1/2)", { RationalTConorms.hamacher($0, $1, p: Rational(1, 2)) }),
        ("hamacher(1)", { RationalTConorms.hamacher($0, $1, p: Rational(1)) }),
        ("hamacher(2)", { RationalTConorms.hamacher($0, $1, p: Rational(2)) }),
        ("hamacher(3)", { RationalTConorms.hamacher($0, $1, p: Rational(3)) }),
        ("lukasiewicz", { RationalTConorms.boundedSum($0, $1) }),
    ] }

    /// Commutativity, associativity, monotonicity, identity 0, absorbing 1 and range, exactly,
    /// on every triple of the 13-point grid (2 197 triples per T-conorm); Hamacher(2) = Einstein
    /// and Hamacher(1) = probabilistic at every pair.
    public static func tconormAxioms() -> Certificate {
        let start = Date()
        var evidence: [String] = [], failures: [String] = []
        for (name, S) in tconorms {
            var checks = 0
            for a in unitGrid {
                if S(a, 0) != a { failures.append("\(name): S(\(a), 0) ≠ \(a)") }
                if S(a, 1) != 1 { failures.append("\(name): S(\(a), 1) ≠ 1") }
                for b in unitGrid {
                    let ab = S(a, b)
                    if ab != S(b, a) { failures.append("\(name): not commutative at \(a), \(b)") }
                    if ab < max(a, b) || ab > 1 { failures.append("\(name): S(\(a), \(b)) = \(ab) outside [max, 1]") }
                    for c in unitGrid {
                        if S(ab, c) != S(a, S(b, c)) { failures.append("\(name): not associative at \(a), \(b), \(c)") }
                        if b <= c && S(a, b) > S(a, c) { failures.append("\(name): not monotone at \(a), \(b) ≤ \(c)") }
                        checks += 1
                    }
                }
            }
            evidence.append("\(name): \(checks) triples, all exact identities hold")
        }
        for a in unitGrid {
            for b in unitGrid {
                if RationalTConorms.hamacher(a, b, p: Rational(2)) != RationalTConorms.einstein(a, b) { failures.append("Hamacher(2) ≠ Einstein at \(a), \(b)") }
                if RationalTConorms.hamacher(a, b, p: Rational(1)) != RationalTConorms.probabilistic(a, b) { failures.append("Hamacher(1) ≠ probabilistic at \(a), \(b)") }
            }
        }
        return Certificate(
            name: "render.tconorm.axioms", claim: "",
            verdict: failures.isEmpty ? .proved : .refuted, evidence: evidence + failures.prefix(10),
            figure: "\(tconorms.count) T-conorms × 2 197 triples", seconds: Date().timeIntervalSince(start))
    }

    /// The rational CDFs (uniform, cubic Hermite, reciprocal): non-decreasing, in [0, 1], symmetric
    /// `F(−u) = 1 − F(u)`, `F(−1) = 0` and `F(1) = 1` for the finite-support ones, and the density
    /// equals the exact derivative: for the polynomial pieces `F(u + h) − F(u) − h f(u)` is `O(h²)`
    /// with the exact second-order coefficient `f′(u)/2` (checked as an identity in h at two h).
    public static func cdfProperties() -> Certificate {
        let start = Date()
        // u = k/100 for k in −300…300, plus far points.
        var grid = (-300...300).map { Rational($0, 100) }
        grid = [Rational(-1_000_000), Rational(-1000)] + grid + [Rational(1000), Rational(1_000_000)]
        let families: [(String, (Rational) -> Rational, (Rational) -> Rational)] = [
            ("uniform", { RationalCDFs.uniform($0) }, { RationalCDFs.uniformDensity($0) }),
            ("cubic_hermite", { RationalCDFs.cubicHermite($0) }, { RationalCDFs.cubicHermiteDensity($0) }),
            ("reciprocal", { RationalCDFs.reciprocal($0) }, { RationalCDFs.reciprocalDensity($0) }),
        ]
        var evidence: [String] = [], failures: [String] = []
        for (name, F, f) in families {
            var previous = Rational(-1)
            for u in grid {
                let v = F(u)
                if v < 0 || v > 1 { failures.append("\(name): F(\(u)) = \(v) outside [0, 1]") }
                if v < previous { failures.append("\(name): decreases at \(u)") }
                if F(-u) != 1 - v { failures.append("\(name): F(−u) ≠ 1 − F(u) at \(u)") }
                previous = v
                // Density: away from the kinks (|u| = 1 for the finite ones, u = 0 for reciprocal).
                let h1 = Rational(1, 1 << 20), h2 = Rational(1, 1 << 21)
                let kink = name == "reciprocal" ? u == 0 : (u.magnitude == 1)
                if !kink && u.magnitude < 100 {
                    let q1 = (F(u + h1) - F(u)) / h1 - f(u), q2 = (F(u + h2) - F(u)) / h2 - f(u)
                    // For a polynomial (or, away from 0, rational) piece the error is c·h + O(h²):
                    // halving h must (nearly) halve it; a wrong density leaves a constant error.
                    if (q1 - 2 * q2).magnitude > Rational(1, 1 << 16) || q1.magnitude > Rational(1, 1 << 16) {
                        failures.append("\(name): density mismatch at \(u)")
                    }
                }
            }
            evidence.append("\(name): \(grid.count) grid points: range, monotone, symmetric, density consistent")
        }
        for (name, F, _) in families.prefix(2) {
            if F(-1) != 0 || F(1) != 1 { failures.append("\(name): F(−1) = \(F(-1)), F(1) = \(F(1))") }
        }
        if RationalCDFs.reciprocal(Rational(-999_999)) > Rational(1, 1_000_000) { failures.append("reciprocal tail") }
        return Certificate(
            name: "render.cdf.rational", claim: "",
            verdict: failures.isEmpty ? .proved : .refuted, evidence: evidence + failures.prefix(10),
            figure: "3 families × \(grid.count) points", seconds: Date().timeIntervalSince(start))
    }

    /// The squared pixel–triangle distance and the inside test, evaluated exactly by the renderer's
    /// generic ``PixelTriangleDistance`` on rationals, equal a direct geometric definition (minimum
    /// over the three segments of the squared distance to the segment's closest point, and
    /// strictly-positive barycentric coordinates) on every pixel of a 16×16 grid for 50 triangles
    /// with dyadic vertices (a fixed list; a finite domain, enumerated).
    public static func distanceExact() -> Certificate {
        let start = Date()
        var failures: [String] = [], checks = 0
        var state: UInt64 = 0x5EED
        func next() -> Rational {
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Rational(Int(state >> 40) % 257 - 128, 128)
        }
        for t in 0..<50 {
            let v = (next(), next(), next(), next(), next(), next())
            let P = [(v.0, v.1), (v.2, v.3), (v.4, v.5)]
            let area = (P[1].0 - P[0].0) * (P[2].1 - P[0].1) - (P[1].1 - P[0].1) * (P[2].0 - P[0].0)
            for row in 0..<16 {
                for col in 0..<16 {
                    let px: Rational = PixelGrid.x(column: col, size: 16), py: Rational = PixelGrid.y(row: row, size: 16)
                    let g = PixelTriangleDistance(px: px, py: py, v)
                    var best: Rational? = nil
                    for k in 0..<3 {
                        let a = P[k], b = P[(k + 1) % 3]
                        let ex = b.0 - a.0, ey = b.1 - a.1, len2 = ex * ex + ey * ey
                        var s = len2 == 0 ? Rational(0) : ((px - a.0) * ex + (py - a.1) * ey) / len2
                        s = min(max(s, 0), 1)
                        let dx = a.0 + s * ex - px, dy = a.1 + s * ey - py
                        let d = dx * dx + dy * dy
                        best = best.map { min($0, d) } ?? d
                    }
                    var inside = false
                    if area != 0 {
                        let l0 = ((P[1].0 - px) * (P[2].1 - py) - (P[1].1 - py) * (P[2].0 - px)) / area
                        let l1 = ((P[2].0 - px) * (P[0].1 - py) - (P[2].1 - py) * (P[0].0 - px)) / area
                        inside = l0 > 0 && l1 > 0 && 1 - l0 - l1 > 0
                    }
                    if g.squaredDistance != best! || g.inside != inside { failures.append("triangle \(t), pixel (\(row), \(col))") }
                    checks += 1
                }
            }
        }
        return Certificate(
            name: "render.distance.exact", claim: "",
            verdict: failures.isEmpty ? .proved : .refuted, evidence: ["\(checks) pixel–triangle pairs over exact rationals"] + failures.prefix(10),
            figure: "\(checks) pairs", seconds: Date().timeIntervalSince(start))
    }
}
