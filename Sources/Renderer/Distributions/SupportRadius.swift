extension SmoothingDistribution {
    /// GenDR's coverage threshold: a face whose coverage is ≤ this at a pixel is skipped there
    /// (arXiv 2204.13845, Sec. 4; the authors' kernel compares with a strict `>`).
    public static let coverageThreshold = 1e-6

    /// The scaled outside distance `r*` beyond which the coverage is ≤ ``coverageThreshold``:
    /// `F(−r) ≤ 1e-6` for every `r ≥ r*` (F is non-decreasing). `nil` when no finite radius below
    /// 1e13 exists. Found by bisection on the same `cdf` the renderers use and widened by 1e-9
    /// relative; `Proofs/Renderer` certifies `F(−r*) ≤ 1e-6` independently (exactly for the
    /// rational families, by certified enclosures for the transcendental ones).
    public var supportRadius: Double? {
        let threshold = Self.coverageThreshold
        if family == .hard { return 0 }
        if cdf(0) <= threshold && cdf(-0.0) <= threshold { return 0 }
        var hi = 1.0
        while cdf(-hi) > threshold {
            hi *= 2
            if hi > 1e13 { return nil }
        }
        var lo = hi / 2
        if cdf(-lo) <= threshold { lo = 0 }
        for _ in 0..<200 {
            let mid = (lo + hi) / 2
            if mid == lo || mid == hi { break }
            if cdf(-mid) <= threshold { hi = mid } else { lo = mid }
        }
        return hi * (1 + 1e-9)
    }

    /// The outside distance in NDC beyond which a face cannot reach the threshold: `r*·τ`, or
    /// `√(r*·τ)` when the CDF receives the squared distance. `.infinity` when there is none.
    public func cullingDistance(scale tau: Double, squared: Bool) -> Double {
        guard let r = supportRadius else { return .infinity }
        return squared ? (r * tau).squareRoot() : r * tau
    }
}
