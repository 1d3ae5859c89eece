import Testing
import PropertyBased
import PropertyTesting
import SortingNetworks

/// The invariants of arXiv 2105.04019 as property tests over every implementation.
/// Inputs come from swift-property-based generators drawn with fixed seeds (`forAll`).
@Suite("Relaxed sorting laws (arXiv 2105.04019)")
struct SortingLawTests {
    static let rows = Gen.double(in: -4...4).array(of: 1...40)
    static let family = Gen<SigmoidFamily>.case
    static let network = Gen.int(in: 0...2)
    static let steepness = Gen.double(in: 0.5...40)

    func sorter(_ impl: SortingImplementation, n: Int, _ net: Int, _ family: SigmoidFamily, _ s: Double) throws -> any RelaxedSorter {
        let (kind, construction) = allNetworks[net]
        return try impl.makeSorter(n: n, configuration: .init(network: kind, construction: construction, family: family, steepness: s))
    }

    @Test("P is doubly stochastic with entries in [0, 1]; Σy = Σx; y = xᵀP", arguments: SortingImplementation.allCases)
    func doublyStochastic(impl: SortingImplementation) async throws {
        try forAll(seed: 101, count: 150, Self.rows, Self.network, Self.family, Self.steepness) { x, net, family, s in
            let n = x.count
            let out = try sorter(impl, n: n, net, family, s).sort(x, computeP: true)
            let p = out.p!
            let tolerance = 1e-12 * Double(n)
            for j in 0..<n {
                let rowSum = (0..<n).reduce(0.0) { $0 + p[j * n + $1] }
                let columnSum = (0..<n).reduce(0.0) { $0 + p[$1 * n + j] }
                #expect(abs(rowSum - 1) <= tolerance)
                #expect(abs(columnSum - 1) <= tolerance)
            }
            #expect(p.allSatisfy { $0 >= -1e-15 && $0 <= 1 + 1e-15 })
            #expect(abs(out.y.reduce(0, +) - x.reduce(0, +)) <= 1e-12 * Double(n) * scale(x))
            for i in 0..<n {
                let viaP = (0..<n).reduce(0.0) { $0 + x[$1] * p[$1 * n + i] }
                #expect(abs(viaP - out.y[i]) <= 1e-12 * Double(n) * scale(x))
            }
        }
    }

    @Test("Translation: y(x + c) = y(x) + c and P(x + c) = P(x)", arguments: SortingImplementation.allCases)
    func translation(impl: SortingImplementation) async throws {
        try forAll(seed: 102, count: 100, Self.rows, Self.network, Self.family, Gen.double(in: -3...3)) { x, net, family, c in
            let s = try sorter(impl, n: x.count, net, family, 7)
            let base = try s.sort(x, computeP: true)
            // c is rounded so that x + c is exact for |x| ≤ 4 (c a multiple of 2⁻⁸).
            let shift = (c * 256).rounded() / 256
            let moved = try s.sort(x.map { $0 + shift }, computeP: true)
            #expect(maxAbsDifference(moved.y, base.y.map { $0 + shift }) <= 1e-12 * Double(x.count))
            #expect(maxAbsDifference(moved.p!, base.p!) <= 1e-12 * Double(x.count))
        }
    }

    @Test("Scaling: P(λx, s) = P(x, λs) for every family but logistic_phi", arguments: SortingImplementation.allCases)
    func scaling(impl: SortingImplementation) async throws {
        let families = SigmoidFamily.allCases.filter { $0 != .logisticPhi }
        try forAll(seed: 103, count: 100, Self.rows, Self.network, Gen.element(of: families).compactMap { $0 }, Gen.element(of: [0.25, 2, 8]).compactMap { $0 }) { x, net, family, lambda in
            let scaled = try sorter(impl, n: x.count, net, family, 3).sort(x.map { $0 * lambda }, computeP: true)
            let steeper = try sorter(impl, n: x.count, net, family, 3 * lambda).sort(x, computeP: true)
            #expect(maxAbsDifference(scaled.p!, steeper.p!) <= 1e-11 * Double(x.count))
            #expect(maxAbsDifference(scaled.y, steeper.y.map { $0 * lambda }) <= 1e-11 * Double(x.count) * lambda)
        }
    }

    /// With the optimal family every swap of values at distance ≥ δ deviates by exactly
    /// 1/(16s) in value and by 1/(16sδ) in weight (arXiv 2203.09630), so after L ≤ 40 layers
    /// the deviation is at most 40/(16·10¹²·10⁻³) = 2.5·10⁻⁹ in P and 2.5·10⁻¹² in y.
    @Test("Hard limit: at steepness 1e12 a valid network returns the sorted values and the permutation",
          arguments: SortingImplementation.allCases)
    func hardLimit(impl: SortingImplementation) async throws {
        try forAll(seed: 104, count: 100, Gen.int(in: 2...40), Gen.element(of: [0, 2]).compactMap { $0 }, Gen.int(in: 0...1_000_000)) { n, net, seed in
            // Distinct values on a grid of spacing δ = 1e-3.
            var rng = SplitMix64(seed: UInt64(seed))
            let x = Array(0..<n).shuffled(using: &rng).map { Double($0) * 1e-3 - 0.01 }
            let out = try sorter(impl, n: n, net, .optimal, 1e12).sort(x, computeP: true)
            let sorted = x.sorted()
            #expect(maxAbsDifference(out.y, sorted) <= 1e-11)
            for j in 0..<n {
                let rank = sorted.firstIndex(of: x[j])!
                for i in 0..<n { #expect(abs(out.p![j * n + i] - (i == rank ? 1 : 0)) <= 2.5e-9) }
            }
        }
    }

    @Test("Monotonic families: every ∂y_i/∂x_j ≥ 0 (Theorem 5 of arXiv 2203.09630)", arguments: SortingImplementation.allCases)
    func monotonicGradientSigns(impl: SortingImplementation) async throws {
        let monotonic = SigmoidFamily.allCases.filter(\.isMonotonic)
        try forAll(seed: 105, count: 120, Self.rows, Self.network, Gen.element(of: monotonic).compactMap { $0 }, Self.steepness) { x, net, family, s in
            let sorter = try sorter(impl, n: x.count, net, family, s)
            for i in 0..<x.count {
                var e = [Double](repeating: 0, count: x.count)
                e[i] = 1
                let row = try sorter.gradient(x, cotangentY: e, cotangentP: nil, computeP: false).gradX
                #expect(row.allSatisfy { $0 >= -1e-12 }, "row \(i) of the Jacobian: \(row)")
                #expect(abs(row.reduce(0, +) - 1) <= 1e-11 * Double(x.count))
            }
        }
    }

    @Test("Non-monotonic families do produce a negative Jacobian entry (odd-even, n = 3, arXiv 2203.09630)",
          arguments: SortingImplementation.allCases, [SigmoidFamily.logistic, .logisticPhi, .gaussian])
    func nonMonotonicFamiliesFail(impl: SortingImplementation, family: SigmoidFamily) throws {
        var rng = SplitMix64(seed: 7)
        let sorter = try impl.makeSorter(n: 3, configuration: .init(network: .oddEven, family: family, steepness: 10))
        var minimum = Double.infinity
        for _ in 0..<200 {
            let x = (0..<3).map { _ in 2 * rng.normal() }
            for i in 0..<3 {
                var e = [0.0, 0, 0]
                e[i] = 1
                minimum = min(minimum, try sorter.gradient(x, cotangentY: e, cotangentP: nil, computeP: false).gradX.min()!)
            }
        }
        #expect(minimum < -0.05)
    }
}
