import ExactArithmetic
import Foundation
import ProofSupport
import Renderer
import SortingNetworksProofs

/// Culling safety of the optimized rasterizer (arXiv 2204.13845, Sec. 4: faces whose coverage is
/// ≤ 1e-6 are skipped): at the culling radius r* the renderer uses, `F(−r*) ≤ 1e-6`, so (F being
/// a CDF, non-decreasing) every pixel farther outside than r*·τ (√(r*·τ) squared) contributes
/// nothing and may be skipped. Each bound is computed by exact rational arithmetic or certified
/// enclosures (outward-rounded intervals); a family without such an evaluation is reported as
/// tested (its value is only sampled in Double), never proved.
public enum CullingProofs {
    static let threshold = Rational(1, 1_000_000)

    /// A certified upper bound on `F(−r)` for `d`, or `nil` if no certified evaluation exists.
    static func upperBound(_ d: SmoothingDistribution, at r: Rational) -> (Rational, String)? {
        let half = Rational(1, 2), one = Rational(1)
        let c = Rational(exactly: d.shift)!
        let u = -r
        switch d.family {
        case .uniform: return (RationalCDFs.uniform(u), "exact: the renderer's generic uniform CDF on rationals")
        case .cubicHermite: return (RationalCDFs.cubicHermite(u), "exact: the renderer's generic cubic Hermite CDF on rationals")
        case .reciprocal: return (RationalCDFs.reciprocal(u), "exact: the renderer's generic reciprocal CDF on rationals")
        case .wignerSemicircle:
            if u <= -1 { return (0, "exact: u ≤ −1 is outside the support") }
            // F(u) = ½ + (u√(1−u²) + asin u)/π, asin u = atan(u/√(1−u²)), u < 0.
            let root = Certified.squareRoot(one - u * u)
            let atanUpper = Certified.atan(u / root.upper).upper  // u < 0: u/√ increases with √ … bound via monotonicity
            let atanUpper2 = Certified.atan(u / root.lower).upper
            let asinUpper = max(atanUpper, atanUpper2)
            let numerator = u * root.lower + asinUpper  // u < 0 → u·√ ≤ u·root.lower
            let bound = half + numerator / (numerator < 0 ? Certified.pi.upper : Certified.pi.lower)
            return (bound, "certified enclosure: √, atan and π")
        case .gaussian:
            return (gaussianTail(r), "certified enclosure: alternating Maclaurin series of Φ, 1/√(2π)")
        case .laplace: return (half * Certified.exp(u).upper, "certified enclosure of ½e^(−r)")
        case .logistic: return (Certified.logistic(u).upper, "certified enclosure of 1/(1 + e^r)")
        case .gudermannian:
            let e = Certified.exp(r)  // tanh(r/2) = (e^r − 1)/(e^r + 1) ≥ (e_lo − 1)/(e_lo + 1)
            let tanhLower = (e.lower - 1) / (e.lower + 1)
            let atanLower = Certified.atan(tanhLower).lower
            return (half - 2 * atanLower / Certified.pi.upper, "certified enclosure: exp, atan, π")
        case .cauchy:
            return (half - Certified.atan(r).lower / Certified.pi.upper, "certified enclosure: atan, π")
        case .gumbelMax:
            let e = Certified.exp(r).lower
            return (Certified.exp(-e).upper, "certified enclosure of exp(−e^r)")
        case .gumbelMin:
            let e = Certified.exp(u).upper
            return (one - Certified.exp(-e).lower, "certified enclosure of 1 − exp(−e^(−r))")
        case .exponential:
            if u + c < 0 { return (0, "exact: u + c < 0 is outside the support") }
            return (one - Certified.exp(-(u + c)).lower, "certified enclosure of 1 − e^(−(u+c))")
        case .exponentialReversed:
            if u > c { return (one, "u > c: coverage 1") }
            return (Certified.exp(u - c).upper, "certified enclosure of e^(u−c)")
        case .gamma, .levy:
            if u + c <= 0 { return (0, "exact: u + c ≤ 0 is outside the support") }
            return nil
        case .gammaReversed:
            // Q(k, z) = e^(−z) Σ_{i<k} z^i/i! for integer k ≥ 1.
            let z = c - u
            guard d.shape >= 1, d.shape == d.shape.rounded(), z > 0 else { return nil }
            var sum = Rational(0), term = Rational(1)
            for i in 0..<Int(d.shape) {
                if i > 0 { term = term * z / Rational(i) }
                sum += term
            }
            return (Certified.exp(-z).upper * sum, "certified enclosure of e^(−z)Σ_{i<k} z^i/i! (integer k)")
        case .levyReversed:
            // erf(x) ≤ (2/√π)·x for x ≥ 0, with x = √(1/(2(c − u))).
            let w = c - u
            guard w > 0 else { return nil }
            let x = Certified.squareRoot(one / (2 * w)).upper
            let sqrtPiLower = Certified.squareRoot(Certified.pi.lower).lower
            return (2 * x / sqrtPiLower, "certified: erf(x) ≤ 2x/√π (alternating series, first term)")
        case .hard: return (0, "hard: the closed inside test, no tail")
        }
    }

    /// Upper bound of `Φ(−r)` = ½ − (1/√(2π))·Σ_k (−1)^k r^(2k+1)/(2^k k!(2k+1)); the terms decrease
    /// once `r²/2 < k`, after which the remainder is bounded by the next term.
    static func gaussianTail(_ r: Rational) -> Rational {
        let r2half = r * r / 2
        var term = r  // r^(2k+1)/(2^k k!)
        var sum = Rational(0)
        var k = 0
        let tolerance = Rational(1).timesPowerOfTwo(-120)
        while true {
            let t = term / Rational(2 * k + 1)
            sum = k % 2 == 0 ? sum + t : sum - t
            k += 1
            term = term * r2half / Rational(k)
            let next = term / Rational(2 * k + 1)
            if Rational(k) > r2half && next < tolerance {
                // Partial sum S_{k−1}; the true series lies within ±next of it.
                let seriesLower = sum - next
                let inv = Certified.inverseSqrtTwoPi
                return Rational(1, 2) - seriesLower * inv.lower
            }
        }
    }

    /// The families and parameters the claim covers (those the tests also use).
    public static let distributions: [SmoothingDistribution] = DistributionFamily.allCases.filter { $0 != .hard }.flatMap { f -> [SmoothingDistribution] in
        switch f {
        case .gamma, .gammaReversed: return [0.5, 2, 20].map { try! SmoothingDistribution(f, shape: $0) }
        case .exponential, .exponentialReversed, .levy, .levyReversed: return [0.0, 1].map { try! SmoothingDistribution(f, shift: $0) }
        default: return [try! SmoothingDistribution(f)]
        }
    }

    /// Families whose bound is only sampled (no certified evaluation at r*).
    public static func cullingSampled() -> Certificate {
        let start = Date()
        var evidence: [String] = [], cases = 0, failed = 0
        for d in distributions {
            guard let rDouble = d.supportRadius, upperBound(d, at: Rational(exactly: rDouble)!) == nil else { continue }
            var worst = 0.0
            for i in 0...10_000 { worst = max(worst, d.cdf(-rDouble * (1 + Double(i) / 100))) }
            cases += 10_001
            if worst > 1e-6 { failed += 1 }
            evidence.append("\(d): r* = \(rDouble), max F over the sample = \(worst)")
        }
        return Certificate(
            name: "render.culling.sampled", claim: "", verdict: failed > 0 ? .failed : .tested, evidence: evidence,
            figure: "\(evidence.count) families, \(failed) above 1e-6",
            sample: Certificate.Sample(cases: cases, seed: "grid r*·(1 + i/100), i = 0…10 000", notCovered: "points between grid points and beyond 101 r*; the Double evaluation of F itself"),
            seconds: Date().timeIntervalSince(start))
    }

    /// The same claim restricted to the families with a certified evaluation (so that its verdict
    /// can be `proved`), listed separately from the sampled ones.
    public static func cullingIsSafeCertified() -> Certificate {
        let start = Date()
        var evidence: [String] = [], ok = 0, bad = 0
        for d in distributions {
            guard let rDouble = d.supportRadius else { continue }
            guard let (bound, how) = upperBound(d, at: Rational(exactly: rDouble)!) else { continue }
            if bound <= threshold { ok += 1 } else { bad += 1 }
            evidence.append("\(d): F(−\(rDouble)) ≤ \(bound.doubleValue) [\(how)]")
        }
        return Certificate(
            name: "render.culling.certified", claim: "",
            verdict: bad == 0 && ok > 0 ? .proved : .failed, evidence: evidence,
            figure: "\(ok) of \(ok + bad) families/parameters", seconds: Date().timeIntervalSince(start))
    }
}
