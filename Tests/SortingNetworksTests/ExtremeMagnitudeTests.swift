import SortingNetworks
import Testing

/// Every family stays finite wherever its inputs are finite (issue 8, "Silent NaN"): `s·|Δx|` may
/// overflow, and the family must then take its known limit (α ∈ {0, 1}, dα/dd → 0) instead of
/// ∞/∞ or ∞·0. Inputs beyond ``RelaxedSortError/inputBound(_:)`` (a quarter of the type's range)
/// and steepnesses that round to 0 or ∞ in the element type are refused with a typed error.
///
/// Domain: every family × both implementations × Float and Double × 7 steepnesses from the least
/// nonzero magnitude to the greatest finite Double × every input vector of length 3 over the 15
/// or 17 magnitudes below (with sign, up to the greatest finite), bitonic network. Verdict:
/// tested (a fixed grid of the unbounded domain; no random draws).
@Suite("Extreme magnitudes")
struct ExtremeMagnitudeTests {
    static func magnitudes<T: SortScalar>(_: T.Type) -> [T] {
        let big = T.greatestFiniteMagnitude
        let base: [T] = [0, T.leastNonzeroMagnitude, 1, 1e10, (big / 4).nextDown, big / 4, big / 2, big]
        return base + base.dropFirst().map { -$0 } + [T(1e300 as Double), T(-1e308 as Double)].filter(\.isFinite)
    }

    static func steepnesses<T: SortScalar>(_: T.Type) -> [Double] {
        [Double(T.leastNonzeroMagnitude), 1e-300, 1, 10, 1e30, 1.7e308, Double(T.greatestFiniteMagnitude)]
    }

    static func check<T: SortScalar>(_: T.Type, family: SigmoidFamily, implementation: SortingImplementation) throws -> Int {
        let m = magnitudes(T.self)
        var cases = 0
        for s in steepnesses(T.self) {
            let config = SortConfiguration(network: .bitonic, family: family, steepness: s)
            let sorter = try implementation.makeSorter(n: 3, configuration: config)
            var x: [T] = []
            for a in m { for b in m { for c in m { x += [a, b, c] } } }
            let bound = RelaxedSortError.inputBound(T.self)
            if !T(s).isFinite || T(s) == 0 {
                // A steepness the type cannot hold (rounds to 0 or ∞) is refused.
                #expect(throws: RelaxedSortError.steepnessNotRepresentable(s, type: "\(T.self)")) { try sorter.sort([T(1), 2, 3], computeP: true) }
                continue
            }
            // Inputs beyond the bound are refused, naming the first one.
            #expect(throws: RelaxedSortError.self) { try sorter.sort([T(1), -T.greatestFiniteMagnitude, 3], computeP: true) }
            x = stride(from: 0, to: x.count, by: 3).filter { k in x[k..<k + 3].allSatisfy { $0.magnitude <= bound } }.flatMap { x[$0..<$0 + 3] }
            let out = try sorter.sort(x, computeP: true)
            // The VJP for a unit cotangent on y stays finite as well, or is refused up front where
            // logistic_phi's dα/dd (peak s·ε^(−λ)/4) is beyond the type's range.
            let g: SortGradient<T>
            do { g = try sorter.gradient(x, cotangentY: [T](repeating: 1, count: x.count), cotangentP: nil, computeP: false) } catch {
                #expect(family == .logisticPhi && T(s) * T.pow(T(1e-10), T(-0.25)) / 4 > T.greatestFiniteMagnitude / 4, "\(error)")
                continue
            }
            if let k = g.gradX.firstIndex(where: { !$0.isFinite }) {
                Issue.record("\(family) \(implementation) \(T.self) s = \(s), x = \(Array(x[k / 3 * 3..<k / 3 * 3 + 3])): ∂x = \(g.gradX[k])")
            }
            let p = out.p!
            // P's entries are convex weights in [0, 1] up to rounding (a few ulps of 1 per layer).
            let pSlack = 16 * T.ulpOfOne
            for row in 0..<(x.count / 3) {
                cases += 1
                let xs = x[row * 3..<row * 3 + 3]
                let ys = out.y[row * 3..<row * 3 + 3]
                guard ys.allSatisfy(\.isFinite), p[row * 9..<row * 9 + 9].allSatisfy({ $0.isFinite && $0 >= -pSlack && $0 <= 1 + pSlack }) else {
                    Issue.record("\(family) \(implementation) \(T.self) s = \(s), x = \(Array(xs)): y = \(Array(ys)), P = \(Array(p[row * 9..<row * 9 + 9]))")
                    return cases
                }
                // y stays within the inputs' range (every step is a convex combination), up to
                // rounding: 16 ulps of the largest input magnitude.
                let slack = 16 * max(xs.min()!.magnitude, xs.max()!.magnitude).ulp
                #expect(ys.allSatisfy { $0 >= xs.min()! - slack && $0 <= xs.max()! + slack }, "\(Array(xs)) → \(Array(ys))")
            }
        }
        return cases
    }

    @Test(arguments: SigmoidFamily.allCases, SortingImplementation.allCases)
    func finiteForwardEverywhere(family: SigmoidFamily, implementation: SortingImplementation) throws {
        let double = try Self.check(Double.self, family: family, implementation: implementation)
        let float = try Self.check(Float.self, family: family, implementation: implementation)
        #expect(double > 0 && float > 0)
    }

    /// The issue's reproducers: the first is beyond the input bound (typed error), the second —
    /// s·|Δx| overflows — gives the hard sort with a permutation matrix P, as does the largest
    /// accepted input.
    @Test(arguments: SortingImplementation.allCases)
    func reciprocalReproducers(implementation: SortingImplementation) throws {
        let sorter = try implementation.makeSorter(n: 3, configuration: .init(family: .reciprocal))
        #expect(throws: RelaxedSortError.inputOutOfRange(row: 0, column: 0, value: 1e308, bound: Double.greatestFiniteMagnitude / 4)) {
            try sorter.sort([1e308, -1e308, 0], computeP: true)
        }
        let big = Double.greatestFiniteMagnitude / 4
        let a = try sorter.sort([big, -big, 0], computeP: true)
        #expect(a.y == [-big, 0, big])
        #expect(a.p == [0, 0, 1, 1, 0, 0, 0, 1, 0])
        let b = try implementation.makeSorter(n: 3, configuration: .init(family: .reciprocal, steepness: 1.7e308)).sort([3.0, 1, 2], computeP: true)
        #expect(b.y == [1, 2, 3])
        #expect(b.p == [0, 0, 1, 1, 0, 0, 0, 1, 0])
    }

    /// Where `s·d` is finite, the overflow-safe reciprocal is the rational one bit for bit.
    @Test func reciprocalUnchangedWhereFinite() {
        for d in [-3.5, -1e-3, 0, 2e-9, 0.7, 1e5] as [Double] {
            for s in [0.1, 1, 10, 1e6] as [Double] {
                let (f, df) = Sigmoid.reciprocal(s * d)
                let safe = Sigmoid.reciprocalSwap(d: d, steepness: s)
                #expect(safe.value == f && safe.derivative == s * df)
            }
        }
    }
}
