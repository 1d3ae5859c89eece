import Testing
import SortingNetworks

/// Every implementation against the reference, within `SIMDRelaxedSorter.agreementBound`
/// ulps per layer (see the header of SIMDRelaxedSorter.swift), for every family, network and
/// construction, n = 1…70, odd batch sizes, Double and Float.
@Suite("Optimized vs reference agreement")
struct SIMDAgreementTests {
    static let optimized = SortingImplementation.allCases.filter { $0 != .reference }

    /// Every optimized implementation against one reference run per case (the reference
    /// dominates the cost, so it is computed once).
    func check<T: SortScalar>(_: T.Type, n: Int, family: SigmoidFamily, seed: UInt64) throws {
        var rng = SplitMix64(seed: seed)
        let batch = [1, 3, 5][Int(seed % 3)]
        for (kind, construction) in allNetworks {
            let config = SortConfiguration(network: kind, construction: construction, family: family, steepness: Double.random(in: 1...20, using: &rng))
            let reference = try ReferenceRelaxedSorter(n: n, configuration: config)
            let x = rng.uniform(batch * n).map { T($0) }
            let cy = rng.uniform(batch * n).map { T($0) }
            let cp = rng.uniform(batch * n * n).map { T($0) }
            let r = try reference.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
            for impl in Self.optimized {
            let other = try impl.makeSorter(n: n, configuration: config)
            let o = try other.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
            let layers = Double(max(reference.network.layers.count, 1))
            let bound = SIMDRelaxedSorter.agreementBound * layers * Double(T.ulpOfOne)
            // The values path is bit-identical by construction (same formulas, same order).
            #expect(o.output.y == r.output.y, "y, \(config) n=\(n)")
            #expect(maxAbsDifference(o.output.p!, r.output.p!) <= bound, "P, \(config) n=\(n)")
            // ᾱ sums n products per comparator; the gradient bound carries the extra factor n.
            #expect(maxAbsDifference(o.gradX, r.gradX) <= bound * Double(n) * scale(r.gradX), "grad, \(config) n=\(n)")
            // The values-only path agrees with the full forward bit for bit.
            let valuesOnly = try other.sort(x, computeP: false)
            #expect(valuesOnly.p == nil && valuesOnly.y == o.output.y)
            }
            let referenceValuesOnly = try reference.sort(x, computeP: false)
            #expect(referenceValuesOnly.p == nil && referenceValuesOnly.y == r.output.y)
            let referenceGradientY = try reference.gradient(x, cotangentY: cy, cotangentP: nil, computeP: false)
            #expect(referenceGradientY.output.p == nil)
        }
    }

    @Test("Double, n = 1…70", arguments: SigmoidFamily.allCases)
    func double(family: SigmoidFamily) throws {
        for n in 1...70 { try check(Double.self, n: n, family: family, seed: UInt64(n)) }
    }

    @Test("Float, n = 1…70", arguments: SigmoidFamily.allCases)
    func float(family: SigmoidFamily) throws {
        for n in 1...70 { try check(Float.self, n: n, family: family, seed: UInt64(1000 + n)) }
    }

    @Test("Both panel kernels on the fused schedule at larger n (quads of every direction pattern)",
          arguments: [(SortingNetwork.Kind.bitonic, 128), (.bitonic, 200), (.oddEven, 96)])
    func largerN(kind: SortingNetwork.Kind, n: Int) throws {
        var rng = SplitMix64(seed: UInt64(n))
        let config = SortConfiguration(network: kind, construction: .valid, family: .cauchy, steepness: 7)
        let reference = try ReferenceRelaxedSorter(n: n, configuration: config)
        let x = rng.uniform(n), cy = rng.uniform(n), cp = rng.uniform(n * n)
        let r = try reference.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
        let bound = SIMDRelaxedSorter.agreementBound * Double(reference.network.layers.count) * Double.ulpOfOne
        for impl in Self.optimized {
            let o = try impl.makeSorter(n: n, configuration: config).gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
            #expect(o.output.y == r.output.y)
            #expect(maxAbsDifference(o.output.p!, r.output.p!) <= bound, "P, \(impl) n=\(n)")
            #expect(maxAbsDifference(o.gradX, r.gradX) <= bound * Double(n) * scale(r.gradX), "grad, \(impl) n=\(n)")
        }
    }

    @Test("Threads split the batch without changing a bit", arguments: [1, 2, 5, 7], [2, 3])
    func threads(batch: Int, threads: Int) throws {
        var rng = SplitMix64(seed: UInt64(31 * batch + threads))
        let n = 19
        let config = SortConfiguration(network: .bitonic, construction: .authors, family: .logisticPhi, steepness: 6)
        let single = try SIMDRelaxedSorter(n: n, configuration: config)
        let parallel = try SIMDRelaxedSorter(n: n, configuration: config, threads: threads)
        let x = rng.uniform(batch * n), cy = rng.uniform(batch * n), cp = rng.uniform(batch * n * n)
        let a = try single.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
        let b = try parallel.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
        #expect(a.gradX == b.gradX && a.output.y == b.output.y && a.output.p! == b.output.p!)
        #expect(try single.sort(x, computeP: true).p! == parallel.sort(x, computeP: true).p!)
    }
}
