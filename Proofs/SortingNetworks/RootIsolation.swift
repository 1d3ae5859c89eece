import ExactArithmetic

/// Exact points for counterexamples and certified enclosures of roots, built on the Sturm
/// counts of ``SignAnalysis``. Every loop spends from a ``ProofBudget``; when it runs out the
/// functions return `nil` and the caller reports `failed`.
enum RootIsolation {
    /// Finite stand-ins for the interval's ends: beyond Cauchy's bound `B` of `p` there are no
    /// roots, so `(−∞, U)` may be cut at `min(−B, U) − 1` without losing a root-free gap.
    static func finiteEnds(_ p: Polynomial, _ interval: OpenInterval) -> (Rational, Rational) {
        let bound = p.rootBound + 1
        let lower = interval.lower ?? (min(-bound, (interval.upper ?? bound) - 1))
        let upper = interval.upper ?? (max(bound, (interval.lower ?? -bound) + 1))
        return (lower, upper)
    }

    /// Rational points strictly inside `interval`, at least one in every maximal open
    /// sub-interval on which `p ≠ 0` (so they see every sign `p` takes there).
    static func samplePoints(_ p: Polynomial, in interval: OpenInterval, budget: ProofBudget) -> [Rational]? {
        if p.isZero || p.degree == 0 {
            let (a, b) = finiteEnds(.u, interval)
            return [Rational.midpoint(a, b)]
        }
        let (a, b) = finiteEnds(p, interval)
        var points: [Rational] = []
        return collect(p, a, b, into: &points, budget: budget) ? points : nil
    }

    /// Fills `points` for the open interval `(a, b)`.
    static func collect(_ p: Polynomial, _ a: Rational, _ b: Rational, into points: inout [Rational], budget: ProofBudget) -> Bool {
        guard budget.spend() else { return false }
        let roots = SignAnalysis.rootCount(p, in: OpenInterval(a, b))
        let m = Rational.midpoint(a, b)
        if roots == 0 { points.append(m); return true }
        if roots == 1 {
            // One root r: find rational points on both sides of it, inside (a, b).
            var (x, y) = (a, b)
            while x == a || y == b {
                guard budget.spend() else { return false }
                let mid = Rational.midpoint(x, y)
                if p(mid).isZero {
                    points.append(Rational.midpoint(a, mid)); points.append(Rational.midpoint(mid, b))
                    return true
                }
                if SignAnalysis.rootCount(p, in: OpenInterval(x, mid)) == 1 { y = mid } else { x = mid }
            }
            points.append(x); points.append(y)
            return true
        }
        if !p(m).isZero { points.append(m) }
        return collect(p, a, m, into: &points, budget: budget) && collect(p, m, b, into: &points, budget: budget)
    }

    /// A rational point of `interval` where the rational function `q = N/D` is defined and
    /// `q(x) < 0`, if there is one; `.some(nil)` if `q ≥ 0` wherever it is defined there;
    /// `nil` if the budget ran out.
    static func negativePoint(_ q: PieceFunction, in interval: OpenInterval, budget: ProofBudget) -> Rational?? {
        guard let points = samplePoints(q.numerator * q.denominator, in: interval, budget: budget) else { return nil }
        for x in points where !q.denominator(x).isZero && q(x) < 0 { return .some(x) }
        return .some(nil)
    }

    /// Disjoint intervals `[a, b]` inside `interval`, each holding exactly one distinct root of
    /// `p` (in `(a, b]`), of width at most `width`; an exact rational root is returned as
    /// `[r, r]`. `nil` if the budget ran out.
    static func isolate(_ p: Polynomial, in interval: OpenInterval, width: Rational, budget: ProofBudget) -> [(Rational, Rational)]? {
        guard !p.isZero, p.degree > 0 else { return [] }
        let (a0, b0) = finiteEnds(p, interval)
        var result: [(Rational, Rational)] = []
        var pending = [(a0, b0)]
        while let (a, b) = pending.popLast() {
            guard budget.spend() else { return nil }
            var count = SignAnalysis.rootCount(p, in: OpenInterval(a, b))
            if !(b == b0 && interval.upper != nil), p(b).isZero { count += 1 }  // rootCount counts (a, b); roots at b belong here
            if count == 0 { continue }
            if count == 1 {
                if p(b).isZero, b != interval.upper { result.append((b, b)); continue }
                let r = simplest(a, b)  // a rational root is found exactly (its simplest neighbours are tried first)
                if r > a, r < b, p(r).isZero { result.append((r, r)); continue }
                if b - a <= width { result.append((a, b)); continue }
            }
            let m = Rational.midpoint(a, b)
            pending.append((a, m))
            pending.append((m, b))
        }
        return result.sorted { $0.0 < $1.0 }
    }

    /// The simplest rational (smallest denominator) in `[a, b]`, by continued fractions.
    static func simplest(_ a: Rational, _ b: Rational) -> Rational {
        if a <= 0 && b >= 0 { return 0 }
        if b < 0 { return -simplest(-b, -a) }
        let floorA = Rational(a.floor)
        if floorA == a { return a }
        if floorA + 1 <= b { return floorA + 1 }
        return floorA + 1 / simplest(1 / (b - floorA), 1 / (a - floorA))
    }

    /// Certified enclosure of `N(x)/D(x)` for every `x ∈ [a, b]` (interval Horner), or `nil` if
    /// the enclosure of `D` contains 0.
    static func enclose(_ q: PieceFunction, _ a: Rational, _ b: Rational) -> Enclosure? {
        let x = Enclosure(a, b)
        func horner(_ p: Polynomial) -> Enclosure {
            var r = Enclosure(exactly: 0)
            for c in p.coefficients.reversed() { r = r * x + c }
            return r
        }
        let d = horner(q.denominator)
        guard d.isPositive || d.isNegative else { return nil }
        return horner(q.numerator) / d
    }
}
