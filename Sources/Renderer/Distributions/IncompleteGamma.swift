import RealModule

/// The regularised lower incomplete gamma function `P(k, z)`, the CDF of the gamma distribution
/// that GenDR uses (arXiv 2204.13845, Table 1, "gamma").
///
/// **Decision.** The authors' CUDA kernel evaluates `P` with a fixed 32-term series and returns
/// exactly 1 for `z > 15`. That is off by up to 5e-5 just below the cut (k = ½) and plainly wrong
/// for large shapes (k = 20, z = 15.1: kernel 1, true 0.1304), and its backward pass keeps the
/// density beyond the cut, so forward and backward disagree. We evaluate `P` accurately by default
/// (series for `z < k + 1`, Lentz continued fraction for `Q = 1 − P` otherwise, both to ~1e-15),
/// and keep the kernel's evaluation behind `upstream: true` for bit-level parity with the authors.
public enum IncompleteGamma {
    /// The authors' cut: `P(k, z) = 1` for `z > 15` in the upstream-compatible mode.
    public static let upstreamCut = 15.0
    /// Terms of the authors' series.
    public static let upstreamTerms = 32

    /// `P(k, z)` for `k ≥ 0`, `z > 0` (`P(0, z) = 1`: the gamma distribution with shape 0 is a point mass at 0).
    public static func lower(_ k: Double, _ z: Double, upstream: Bool = false) -> Double {
        if z <= 0 { return 0 }
        if k == 0 { return 1 }
        if upstream { return upstreamSeries(k, z) }
        if z < k + 1 { return series(k, z) }
        return 1 - continuedFractionQ(k, z)
    }

    /// `z^k e^(−z) Σ_{i=0}^{31} z^i / Γ(k + i + 1)`, exactly 1 beyond `z = 15` (the kernel's form).
    static func upstreamSeries(_ k: Double, _ z: Double) -> Double {
        if z > upstreamCut { return 1 }
        var sum = 0.0
        for i in 0..<upstreamTerms {
            sum += Double.exp(Double(i) * Double.log(z) - Double.logGamma(k + Double(i) + 1))
        }
        return Double.exp(k * Double.log(z) - z) * sum
    }

    /// Power series `P = z^k e^(−z)/Γ(k+1) · Σ z^n / ((k+1)…(k+n))`.
    static func series(_ k: Double, _ z: Double) -> Double {
        var term = 1.0 / k, sum = term, a = k
        for _ in 0..<1000 {
            a += 1
            term *= z / a
            sum += term
            if abs(term) < abs(sum) * 1e-17 { break }
        }
        return sum * Double.exp(-z + k * Double.log(z) - Double.logGamma(k))
    }

    /// `Q(k, z)` by the modified Lentz continued fraction (valid for `z ≥ k + 1`).
    static func continuedFractionQ(_ k: Double, _ z: Double) -> Double {
        let tiny = 1e-300
        var b = z + 1 - k, c = 1 / tiny, d = 1 / b, h = d
        for i in 1...1000 {
            let an = -Double(i) * (Double(i) - k)
            b += 2
            d = an * d + b
            if abs(d) < tiny { d = tiny }
            c = b + an / c
            if abs(c) < tiny { c = tiny }
            d = 1 / d
            let delta = d * c
            h *= delta
            if abs(delta - 1) < 1e-16 { break }
        }
        return Double.exp(-z + k * Double.log(z) - Double.logGamma(k)) * h
    }
}
