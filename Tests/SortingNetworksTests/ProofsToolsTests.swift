import ExactArithmetic
import PropertyBased
import SortingNetworksProofs
import Testing

/// The exact tools the proofs rest on, checked on cases with known answers (and made to fail).
@Suite struct ProofsToolsTests {
    let u = Polynomial.u

    @Test func sturmCountsDistinctRoots() {
        let p = (u - Polynomial(constant: 1)) * (u - Polynomial(constant: 1)) * (u * u - Polynomial(constant: 2))  // roots 1 (double), ±√2
        #expect(SignAnalysis.rootCount(p, in: .realLine) == 3)
        #expect(SignAnalysis.rootCount(p, in: OpenInterval(0, nil)) == 2)
        #expect(SignAnalysis.rootCount(p, in: OpenInterval(1, 2)) == 1)  // the open interval excludes 1
        #expect(SignAnalysis.rootCount(u * u + Polynomial(constant: 1), in: .realLine) == 0)
    }

    @Test func classifiesSigns() {
        let square = (u - Polynomial(constant: Rational(1, 3))) * (u - Polynomial(constant: Rational(1, 3)))
        #expect(SignAnalysis.classify(square, on: .realLine) == .nonNegative)
        #expect(SignAnalysis.classify(square, on: OpenInterval(Rational(1, 3), nil)) == .positive)
        #expect(SignAnalysis.classify(u * u - Polynomial(constant: 2), on: .realLine) == .mixed)
        #expect(SignAnalysis.classify(u * u - Polynomial(constant: 2), on: OpenInterval(-1, 1)) == .negative)
        #expect(SignAnalysis.classify(-square * (u * u + Polynomial(constant: 1)), on: .realLine) == .nonPositive)
        #expect(SignAnalysis.classify(.zero, on: .realLine) == .zero)
        // A pole inside the interval: the rational function is not defined on all of it.
        #expect(SignAnalysis.classify(numerator: .one, denominator: u, on: OpenInterval(-1, 1)) == nil)
    }

    @Test func pieceFunctionDecidesOrRecords() {
        let decided = PieceContext(interval: OpenInterval(0, nil))
        let x = PieceFunction.variable(on: decided)
        #expect(x > 0 && !(x < 0) && decided.undecided.isEmpty)
        let undecided = PieceContext(interval: OpenInterval(-1, 1))
        let y = PieceFunction.variable(on: undecided)
        _ = y < 0
        #expect(undecided.undecided.count == 1)
        #expect((y * y - 1) / (y - 1) == y + 1)
        #expect((1 / (1 + y * y)).derivative == -2 * y / ((1 + y * y) * (1 + y * y)))
    }

    @Test func certifiedConstantsContainKnownValues() {
        let pi = Certified.pi
        #expect(pi.width < Rational(1).timesPowerOfTwo(-100))
        #expect((pi.midpoint - Rational(exactly: Double.pi)!).magnitude < Rational(1, 1 << 50))
        #expect(Certified.pi.lower > Rational("3.14159265358979323846")! && Certified.pi.upper < Rational("3.14159265358979323847")!)
        #expect(Certified.exp(1).lower > Rational("2.7182818284590452353602874713526624")! && Certified.exp(1).upper < Rational("2.7182818284590452353602874713526625")!)
        let atan1 = Certified.atan(1), quarterPi = Rational(1, 4) * pi
        #expect(atan1.lower <= quarterPi.upper && quarterPi.lower <= atan1.upper)
        #expect(Certified.normalCDF(-1).lower > Rational("0.158655253931457051414")! && Certified.normalCDF(-1).upper < Rational("0.158655253931457051415")!)
        let root2 = Certified.squareRoot(2)
        #expect(root2.lower * root2.lower <= 2 && root2.upper * root2.upper >= 2 && root2.width < Rational(1, 1 << 60))
        #expect(Certified.exp(-3).upper < Rational(1, 20))
    }

    @Test func enclosureArithmeticIsOutward() {
        let a = Enclosure(Rational(-1), Rational(2)), b = Enclosure(Rational(3), Rational(4))
        #expect((a * b).lower == -4 && (a * b).upper == 8)
        #expect((a / b).lower == Rational(-1, 3) && (a / b).upper == Rational(2, 3))
        let c = Enclosure(Rational(1, 3), Rational(2, 3)).coarsened(bits: 4)
        #expect(c.lower <= Rational(1, 3) && c.upper >= Rational(2, 3) && c.lower.denominator <= 16)
        #expect(Enclosure.decimal(Rational(-1, 3), digits: 3, roundUp: false) == "-0.334")
    }
}

@Suite struct ProofsToolsRefutationTests {
    /// A rational "sigmoid" tail `f(u) = 1/(2(1 + u²))` on u < 0 decays like 1/u², i.e. f′ = o(1/u²)
    /// (Theorem 5): the same analysis the proofs use must find g = f + u·f′ changing sign.
    @Test func exactAnalysisRefutesAFastTail() {
        let context = PieceContext(interval: OpenInterval(nil, 0))
        let u = PieceFunction.variable(on: context)
        let f = 1 / (2 * (1 + u * u))
        let g = f + u * f.derivative
        #expect(g.signClass() == .mixed)
        #expect(g(Rational(-2)) < 0 && g(Rational(-1, 2)) > 0)
    }

    @Test func doubleRootOnTheBoundaryIsHandled() {
        let u = Polynomial.u, one = Polynomial(constant: 1)
        let p = (u - one) * (u - one) * (u * u - Polynomial(constant: 2))
        #expect(SignAnalysis.classify(p, on: OpenInterval(1, 2)) == .mixed)
        #expect(SignAnalysis.classify(p, on: OpenInterval(0, Rational(7, 5))) == .nonPositive)
    }
}

@Suite struct ProofsToolsPropertyTests {
    /// Sturm root counting agrees with the known roots of `Π(u − rᵢ)·(u² + c)` (c > 0 adds no
    /// real root), on random rational roots and random intervals.
    @Test func sturmCountMatchesKnownRoots() {
        let roots = Gen.int(in: -40...40).array(of: 1...5).map { Array(Set($0)).map { Rational($0, 4) } }
        let bounds = zip(Gen.int(in: -50...50), Gen.int(in: 1...60))
        forAllProofs(seed: 11, count: 150, zip(roots, bounds, Gen.int(in: 1...9))) { roots, bound, c in
            let (start, length) = bound
            let lower = Rational(start, 4) + Rational(1, 8), upper = lower + Rational(length, 4)
            var p = Polynomial.u * Polynomial.u + Polynomial(constant: Rational(c))
            for r in roots { p = p * (Polynomial.u - Polynomial(constant: r)) }
            let expected = roots.filter { $0 > lower && $0 < upper }.count
            #expect(SignAnalysis.rootCount(p, in: OpenInterval(lower, upper)) == expected, "\(p) on (\(lower), \(upper))")
            #expect(SignAnalysis.rootCount(p, in: .realLine) == roots.count)
            let square = p * p
            #expect(SignAnalysis.classify(square, on: .realLine) == .nonNegative)
        }
    }
}

extension ProofsToolsPropertyTests {
    /// Multiple roots and interval endpoints that are themselves roots (the delicate cases of
    /// Sturm's theorem): the count of distinct roots strictly inside must still be exact.
    @Test func sturmCountWithMultipleRootsAndRootEndpoints() {
        let roots = Gen.int(in: -12...12).array(of: 1...4).map { Array(Set($0)).map { Rational($0, 4) } }
        let multiplicities = Gen.int(in: 1...3).array(of: 4)
        let bounds = zip(Gen.int(in: -14...14), Gen.int(in: 1...16))
        forAllProofs(seed: 12, count: 150, zip(roots, multiplicities, bounds)) { roots, multiplicities, bound in
            let lower = Rational(bound.0, 4), upper = lower + Rational(bound.1, 4)
            var p = Polynomial.one
            for (r, m) in zip(roots, multiplicities) {
                for _ in 0..<m { p = p * (Polynomial.u - Polynomial(constant: r)) }
            }
            let inside = roots.filter { $0 > lower && $0 < upper }.count
            #expect(SignAnalysis.rootCount(p, in: OpenInterval(lower, upper)) == inside, "\(p) on (\(lower), \(upper))")
            let evenPower = p * p
            let cls = SignAnalysis.classify(evenPower, on: OpenInterval(lower, upper))
            #expect(cls == (inside > 0 ? .nonNegative : .positive), "\(evenPower) on (\(lower), \(upper)): \(cls)")
        }
    }
}

/// Fixed-seed runner over swift-property-based generators (reproducible; see ExactArithmeticTests).
func forAllProofs<Value, Shrinks>(
    seed: UInt64, count: Int, _ generator: Generator<Value, Shrinks>, _ body: (Value) throws -> Void
) rethrows {
    var rng = Xoshiro(seed: (seed, 0x9E37_79B9_7F4A_7C15, 0xD1B5_4A32_D192_ED03, 0x8CB9_2BA7_2F3D_8DD7))
    for _ in 0..<count { try body(generator.run(using: &rng)) }
}
