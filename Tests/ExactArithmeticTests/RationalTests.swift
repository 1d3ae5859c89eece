import PropertyTesting
import ExactArithmetic
import PropertyBased
import RealModule
import Testing

/// Random rationals p/q with |p| ≤ 10⁶, 1 ≤ q ≤ 10⁴.
let rationals = zip(Gen.int(in: -1_000_000...1_000_000), Gen.int(in: 1...10_000)).map { Rational($0, $1) }

/// Generic code over the swift-numerics protocol, as the proofs use it.
func fieldExpression<T: AlgebraicField & Comparable>(_ a: T, _ b: T, _ c: T) -> T {
    (a + b) * c / (c * c + 1) - a / (b * b + 2)
}

@Suite struct RationalTests {
    @Test func fieldLaws() {
        forAll(seed: 3, zip(rationals, rationals, rationals)) { a, b, c in
            #expect(a + b == b + a && a * b == b * a)
            #expect((a + b) + c == a + (b + c) && (a * b) * c == a * (b * c))
            #expect(a * (b + c) == a * b + a * c)
            #expect(a + 0 == a && a * 1 == a && a - a == 0)
            if !a.isZero {
                #expect(a * (1 / a) == 1)
                #expect(a.reciprocal == 1 / a)
            }
            #expect(-(-a) == a && (a - b) == -(b - a))
        }
        #expect(Rational(0).reciprocal == nil)
    }

    @Test func canonicalFormAndAccessors() throws {
        let x = Rational(BigInt(6), BigInt(-8))
        #expect(x.numerator == -3 && x.denominator == 4 && x.description == "-3/4")
        #expect(Rational(10, 5).description == "2" && Rational(10, 5).isInteger)
        #expect(Rational(-7, 2).floor == -4 && Rational(-7, 2).ceil == -3 && Rational(7, 2).floor == 3)
        #expect(Rational(2, 3).power(3) == Rational(8, 27) && Rational(-2, 3).power(-3) == Rational(-27, 8))
        #expect(Rational(3, 4).timesPowerOfTwo(-2) == Rational(3, 16))
        #expect(Rational(-3, 4).magnitude == Rational(3, 4) && Rational(-3, 4).signum == -1)
        #expect(Rational(numerator: 1, denominator: 0) == nil)
        #expect(Swift.min(Rational(1, 3), Rational(1, 4)) == Rational(1, 4))
        #expect(Rational(7, 2).compare(3) == 1 && Rational(7, 2).compare(4) == -1 && Rational(3).compare(3) == 0)
        #expect(Rational(exactly: UInt64.max) == Rational(BigInt(UInt64.max)))
        #expect(Rational(2, 4).hashValue == Rational(1, 2).hashValue)
        // Generic swift-numerics code runs exactly.
        let r = fieldExpression(Rational(1, 3), Rational(2, 5), Rational(-7, 4))
        #expect(r == (Rational(1, 3) + Rational(2, 5)) * Rational(-7, 4) / Rational(65, 16) - Rational(1, 3) / Rational(54, 25))
    }

    @Test(arguments: [
        ("0.25", "1/4"), ("-3/4", "-3/4"), ("6/-8", nil), ("-0.125", "-1/8"), ("3.", "3"), (".5", "1/2"),
        ("1e-3", "1/1000"), ("2.5E+4", "25000"), ("+7", "7"), ("12/18", "2/3"), ("1/0", nil), ("", nil),
        ("1/", nil), ("/2", nil), ("1.2.3", nil), ("e5", nil), ("1e", nil), ("0x1", nil), (" 1", nil),
        ("0.2784645428", "696161357/2500000000"), ("-0", "0"), ("1/2/3", nil), ("nan", nil), ("inf", nil),
    ] as [(String, String?)])
    func parsing(_ text: String, _ expected: String?) {
        #expect(Rational(text)?.description == expected, "\(text)")
    }

    @Test func stringRoundTrip() {
        forAll(seed: 4, zip(rationals, rationals)) { a, b in
            let x = a * b * b - a
            #expect(Rational(x.description) == x)
        }
    }

    @Test func orderingMatchesDoubleOnRepresentableValues() {
        forAll(seed: 5, zip(finiteDoubles, finiteDoubles)) { a, b in
            let x = Rational(exactly: a)!, y = Rational(exactly: b)!
            #expect((x < y) == (a < b), "\(a) vs \(b)")
            #expect((x == y) == (a == b), "\(a) vs \(b)")
        }
    }
}
