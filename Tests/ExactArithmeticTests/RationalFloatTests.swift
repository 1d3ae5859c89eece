import PropertyTesting
import CGMP
import ExactArithmetic
import PropertyBased
import Testing

@Suite struct RationalFloatTests {
    @Test func doubleRoundTripIsIdentity() {
        forAll(seed: 6, count: 3000, finiteDoubles) { d in
            let x = Rational(exactly: d)!
            #expect(x.doubleValue.bitPattern == d.bitPattern || (d == 0 && x.doubleValue == 0), "\(d)")
        }
        for d in [Double.leastNonzeroMagnitude, -.leastNormalMagnitude, .greatestFiniteMagnitude, 1, -0.1, .ulpOfOne] {
            #expect(Rational(exactly: d)!.doubleValue == d)
        }
    }

    @Test func floatRoundTripIsIdentity() {
        forAll(seed: 7, count: 3000, Gen.int32(in: .min ... .max).map { Float(bitPattern: UInt32(bitPattern: $0)) }) { f in
            guard f.isFinite else { return }
            #expect(Rational(exactly: f)!.floatValue == f, "\(f)")
        }
    }

    @Test func nonFiniteHasNoRationalValue() {
        for d in [Double.nan, .infinity, -.infinity, .signalingNaN] {
            #expect(Rational(exactly: d) == nil)
            #expect(throws: ExactArithmeticError.self) { try Rational(checking: d) }
        }
        #expect(Rational(exactly: Float.infinity) == nil)
    }

    /// IEEE division of two exactly representable integers is correctly rounded, so it is an
    /// independent oracle for our rounding of p/q (also in the subnormal and huge ranges).
    @Test func quotientsRoundLikeIEEEDivision() {
        let ints = Gen.int(in: -(1 << 53)...(1 << 53))
        let scales = Gen.int(in: -1100...900)
        forAll(seed: 8, count: 2000, zip(ints, ints.filter { $0 != 0 }, scales)) { p, q, k in
            let exact = Rational(p, q).timesPowerOfTwo(k)
            let pd = Double(p), qd = Double(q)
            // p·2^a / (q·2^b) with a + (−b) = k; both scalings are exact in Double, then one division.
            let b = k >= 0 ? 0 : Swift.min(-k, 960)
            let a = k + b
            let reference = (pd * Double(sign: .plus, exponent: a, significand: 1))
                / (qd * Double(sign: .plus, exponent: b, significand: 1))
            #expect(exact.doubleValue == reference, "\(p)/\(q)·2^\(k)")
        }
    }

    @Test func midpointsRoundToEven() {
        let one = Rational(1), ulpHalf = Rational(1).timesPowerOfTwo(-53)
        #expect((one + ulpHalf).doubleValue == 1)  // 1 is even
        #expect((one + 3 * ulpHalf).doubleValue == 1 + 2 * Double.ulpOfOne)  // to the even neighbour
        #expect((one + ulpHalf + Rational(1).timesPowerOfTwo(-200)).doubleValue == 1 + Double.ulpOfOne)
        #expect((-(one + ulpHalf)).doubleValue == -1)
        // Subnormals: half of the smallest subnormal ties to 0; 3/4 of it rounds up; 3/2 of it to 2.
        let tiny = Rational(1).timesPowerOfTwo(-1074)
        #expect((tiny / 2).doubleValue == 0)
        #expect((tiny * Rational(3, 4)).doubleValue == .leastNonzeroMagnitude)
        #expect((tiny * Rational(3, 2)).doubleValue == 2 * .leastNonzeroMagnitude)
        #expect((tiny * Rational(5, 2)).doubleValue == 2 * .leastNonzeroMagnitude)
        // Overflow: the midpoint between the largest double and 2^1024 ties to 2^1024 = ∞.
        let maxD = Rational(exactly: Double.greatestFiniteMagnitude)!, halfUlp = Rational(1).timesPowerOfTwo(970)
        #expect((maxD + halfUlp).doubleValue == .infinity)
        #expect((maxD + halfUlp - tiny).doubleValue == .greatestFiniteMagnitude)
        #expect((-(maxD * 4)).doubleValue == -.infinity)
        // Float: 1 + 2^-24 ties to 1; a single rounding from the exact value (no double rounding).
        #expect((one + Rational(1).timesPowerOfTwo(-24)).floatValue == 1)
        let justAbove = one + Rational(1).timesPowerOfTwo(-24) + Rational(1).timesPowerOfTwo(-60)
        #expect(justAbove.floatValue == 1 + Float.ulpOfOne)
        #expect(Float(justAbove.doubleValue) == 1)  // rounding twice (via Double) would be wrong
        #expect(Rational(1, 3).doubleValue == 1.0 / 3.0 && Rational(2, 3).floatValue == Float(2) / 3)
    }

    /// `mpq_get_d` truncates; our conversion must not (1/10 rounds up in binary: 0.1 > 1/10).
    @Test func differsFromTruncatingGMPConversion() {
        let x = Rational(1, 10)
        let truncated = withUnsafeTemporaryAllocation(of: __mpq_struct.self, capacity: 1) { q -> Double in
            __gmpq_init(q.baseAddress)
            __gmpq_set_si(q.baseAddress, 1, 10)
            defer { __gmpq_clear(q.baseAddress) }
            return __gmpq_get_d(q.baseAddress)
        }
        #expect(truncated < x.doubleValue)
        #expect(x.doubleValue == 0.1)
    }
}

@Suite struct RationalFloatPropertyTests {
    /// IEEE single-precision division of exactly representable integers is correctly rounded:
    /// an independent oracle for `floatValue` (one rounding from the exact value).
    @Test func floatQuotientsRoundLikeIEEEDivision() {
        let ints = Gen.int(in: -(1 << 24)...(1 << 24))
        forAll(seed: 9, count: 2000, zip(ints, ints.filter { $0 != 0 })) { p, q in
            #expect(Rational(p, q).floatValue == Float(p) / Float(q), "\(p)/\(q)")
        }
    }
}
