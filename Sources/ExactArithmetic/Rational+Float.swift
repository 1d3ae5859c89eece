import CGMP

// Exact conversion from binary floating point and correctly rounded conversion back.
//
// Every finite binary float m·2^e is a rational; `mpq_set_d` stores it exactly. The way back is
// *not* `mpq_get_d`, which truncates toward zero: we round to nearest, ties to even, ourselves
// (see `rounded(to:)`), including subnormal results and overflow to ±∞.

extension Rational {
    /// The exact value of a finite `Double`; `nil` for NaN and ±∞. Never traps.
    public init?(exactly value: Double) {
        guard value.isFinite else { return nil }
        storage = MPQStorage()
        __gmpq_set_d(storage.pointer, value)
    }

    /// The exact value of a finite `Float`; `nil` for NaN and ±∞. Never traps.
    public init?(exactly value: Float) {
        guard value.isFinite else { return nil }
        self.init(exactly: Double(value))  // Float → Double is exact.
    }

    /// The exact value of a finite `Double`, or ``ExactArithmeticError/nonFinite(_:)``.
    public init(checking value: Double) throws(ExactArithmeticError) {
        guard let exact = Rational(exactly: value) else { throw .nonFinite(value) }
        self = exact
    }

    /// The nearest `Double` (ties to even); ±∞ beyond the largest finite magnitude, as IEEE 754
    /// rounding prescribes; ±0 never occurs for non-zero values unless they are below half the
    /// smallest subnormal.
    public var doubleValue: Double { rounded(to: Double.self) }

    /// The nearest `Float` (ties to even), rounded once from the exact value (no double rounding).
    public var floatValue: Float { rounded(to: Float.self) }

    /// `⌊log₂|self|⌋` for a non-zero value.
    public var binaryExponent: Int {
        precondition(!isZero, "binaryExponent of zero")
        let n = numerator.magnitude, d = denominator
        let e0 = n.bitWidth - d.bitWidth  // 2^(e0−1) < |x| < 2^(e0+1)
        let below = e0 >= 0 ? n < (d << e0) : (n << -e0) < d
        return below ? e0 - 1 : e0
    }

    /// Correctly rounded (round to nearest, ties to even) conversion to a binary float type whose
    /// significand fits in 64 bits.
    public func rounded<F: BinaryFloatingPoint>(to: F.Type) -> F {
        if isZero { return 0 }
        let negative = signum < 0
        let precision = F.significandBitCount + 1
        let minimumLSBExponent = Int(F.leastNonzeroMagnitude.exponent)  // e.g. −1074
        let maximumExponent = Int(F.greatestFiniteMagnitude.exponent)  // e.g. 1023
        let exponent = binaryExponent
        if exponent > maximumExponent { return negative ? -F.infinity : F.infinity }
        // The unit in the last place of the result (subnormals have a fixed ulp).
        let lsb = Swift.max(exponent - (precision - 1), minimumLSBExponent)
        // q = ⌊|x| / 2^lsb⌋ with remainder r/den, computed exactly.
        let n = numerator.magnitude, d = denominator
        let (dividend, divisor) = lsb <= 0 ? (n << -lsb, d) : (n, d << lsb)
        var (q, r) = dividend.quotientAndRemainder(dividingBy: divisor)
        let twiceRemainder = r << 1
        let comparison = twiceRemainder.compare(divisor)
        if comparison > 0 || (comparison == 0 && q.isOdd) { q += 1 }
        // q ≤ 2^precision ≤ 2^64, so it converts exactly; q·2^lsb is representable or overflows.
        precondition(q.bitWidth <= 64, "significand wider than 64 bits")
        let magnitude = F(sign: .plus, exponent: F.Exponent(lsb), significand: F(q.uint64Value))
        return negative ? -magnitude : magnitude
    }
}

extension BigInt {
    /// The value modulo 2^64 of `|self|` (exact when `|self| < 2^64`).
    var uint64Value: UInt64 { UInt64(__gmpz_get_ui(pointer)) }
}
