import ExactArithmetic

/// Certified rational enclosures of the transcendental constants and functions the proofs need,
/// from Taylor series with rigorous remainder bounds. All arguments are exact rationals.
///
/// * alternating series with terms decreasing in magnitude (arctan for |x| ≤ 1/2, the Gaussian
///   CDF series): consecutive partial sums bracket the limit;
/// * positive series (exp for 0 ≤ x ≤ 1): `S_N ≤ eˣ ≤ S_N + t_{N+1}/(1 − x/(N+2))`;
/// * π by Machin's formula `π = 16 arctan(1/5) − 4 arctan(1/239)`.
public enum Certified {
    /// Target width of the enclosures: `2^−precisionBits`.
    public static let precisionBits = 120

    /// Sums an alternating series `Σ (−1)^k t_k` whose terms decrease in magnitude to 0:
    /// `term(k)` returns `t_k ≥ 0`. Stops when `t_k < 2^−(bits+8)`; the limit lies between the
    /// last two partial sums.
    static func alternatingSeries(bits: Int, _ term: (Int) -> Rational) -> Enclosure {
        let tolerance = Rational(1).timesPowerOfTwo(-(bits + 8))
        var sum = Rational(0)
        var k = 0
        while true {
            let t = term(k)
            let next = k % 2 == 0 ? sum + t : sum - t
            if t < tolerance { return Enclosure(Swift.min(sum, next), Swift.max(sum, next)).coarsened(bits: bits + 4) }
            sum = next
            k += 1
        }
    }

    /// `arctan(x)` for `|x| ≤ 1/2` by its alternating Maclaurin series.
    static func atanSmall(_ x: Rational) -> Enclosure {
        precondition(x.magnitude <= Rational(1, 2))
        let x2 = x * x
        var power = x  // x^(2k+1)
        var lastK = 0
        return alternatingSeries(bits: precisionBits) { k in
            while lastK < k { power *= x2; lastK += 1 }
            return (power / Rational(2 * k + 1)).magnitude
        }.signed(by: x.signum)
    }

    /// `π`, certified (Machin).
    public static let pi: Enclosure = {
        let a = atanSmall(Rational(1, 5)), b = atanSmall(Rational(1, 239))
        return (Rational(16) * a - Rational(4) * b).coarsened(bits: precisionBits)
    }()

    /// `arctan(x)` for any rational `x`: reduced to `|x| ≤ 1/2` with
    /// `arctan x = ±π/2 − arctan(1/x)` (|x| > 1) and `arctan x = arctan ½ + arctan((x − ½)/(1 + x/2))`.
    public static func atan(_ x: Rational) -> Enclosure {
        let half = Rational(1, 2)
        if x.magnitude <= half { return atanSmall(x) }
        if x < 0 { return -atan(-x) }
        if x > 1 { return Rational(1, 2) * pi - atan(1 / x) }
        return atanSmall(half) + atanSmall((x - half) / (1 + x / 2))
    }

    /// `eˣ` for `0 ≤ x ≤ 1`: positive series with the geometric tail bound.
    static func expUnit(_ x: Rational) -> Enclosure {
        precondition(x >= 0 && x <= 1)
        let tolerance = Rational(1).timesPowerOfTwo(-(precisionBits + 8))
        var sum = Rational(0), term = Rational(1)
        var k = 0
        while true {
            sum += term
            k += 1
            term = term * x / Rational(k)  // t_k = x^k / k!
            if term < tolerance {
                // Remainder Σ_{j≥k} t_j ≤ t_k / (1 − x/(k+1)).
                let tail = term / (1 - x / Rational(k + 1))
                return Enclosure(sum, sum + tail).coarsened(bits: precisionBits)
            }
        }
    }

    /// `eˣ` for any rational `x`: `e^x = (e^(x/2^m))^(2^m)` with `|x/2^m| ≤ 1`, and `e^−x = 1/e^x`.
    public static func exp(_ x: Rational) -> Enclosure {
        if x < 0 { return Enclosure(exactly: 1) / exp(-x) }
        var m = 0
        var reduced = x
        while reduced > 1 { reduced = reduced.timesPowerOfTwo(-1); m += 1 }
        var result = expUnit(reduced)
        for _ in 0..<m { result = (result * result).coarsened(bits: precisionBits + 8) }
        return result
    }

    /// `√x` for `x > 0`, by bisection on rationals (`lower² ≤ x ≤ upper²`).
    public static func squareRoot(_ x: Rational) -> Enclosure { root(x, degree: 2) }

    /// `x^(1/degree)` for `x > 0`: bisection with exact comparisons of `degree`-th powers.
    public static func root(_ x: Rational, degree: Int) -> Enclosure {
        precondition(x > 0 && degree >= 1)
        var lower = Rational(0), upper = Swift.max(Rational(1), x)
        let tolerance = Rational(1).timesPowerOfTwo(-precisionBits)
        while upper - lower > tolerance {
            let m = Rational.midpoint(lower, upper)
            if m.power(degree) <= x { lower = m } else { upper = m }
        }
        return Enclosure(lower, upper)
    }

    /// Root of an enclosure (monotone): from the lower root's lower end to the upper root's upper end.
    public static func root(_ x: Enclosure, degree: Int) -> Enclosure {
        Enclosure(root(x.lower, degree: degree).lower, root(x.upper, degree: degree).upper)
    }

    /// `e^x` over an enclosure (monotone).
    public static func exp(_ x: Enclosure) -> Enclosure { Enclosure(exp(x.lower).lower, exp(x.upper).upper) }

    /// `1/√(2π)`.
    public static let inverseSqrtTwoPi: Enclosure = Enclosure(exactly: 1) / root(Rational(2) * pi, degree: 2)

    /// The standard normal density `φ(x) = e^(−x²/2)/√(2π)`.
    public static func normalDensity(_ x: Rational) -> Enclosure { exp(-(x * x) / 2) * inverseSqrtTwoPi }

    /// The standard normal CDF `Φ(x)` for `|x| ≤ 1`:
    /// `Φ(x) = ½ + (1/√(2π))·Σ_k (−1)^k x^(2k+1)/(2^k k! (2k+1))` (alternating, decreasing terms).
    public static func normalCDF(_ x: Rational) -> Enclosure {
        precondition(x.magnitude <= 1, "the series is used for |x| ≤ 1 only")
        if x.isZero { return Enclosure(exactly: Rational(1, 2)) }
        let x2 = x * x
        var coefficient = x.magnitude  // |x|^(2k+1) / (2^k k!)
        var lastK = 0
        let series = alternatingSeries(bits: precisionBits) { k in
            while lastK < k { lastK += 1; coefficient = coefficient * x2 / Rational(2 * lastK) }
            return coefficient / Rational(2 * k + 1)
        }
        return (Enclosure(exactly: Rational(1, 2)) + Rational(x.signum) * (series * inverseSqrtTwoPi)).coarsened(bits: precisionBits)
    }

    /// The logistic function `σ(x) = 1/(1 + e^(−x))`.
    public static func logistic(_ x: Rational) -> Enclosure { Enclosure(exactly: 1) / (exp(-x) + 1) }

    /// `σ` over an enclosure (monotone increasing).
    public static func logistic(_ x: Enclosure) -> Enclosure { Enclosure(logistic(x.lower).lower, logistic(x.upper).upper) }
}

extension Enclosure {
    /// `self` for a positive sign, `−self` for a negative one.
    func signed(by sign: Int) -> Enclosure { sign < 0 ? -self : self }
}
