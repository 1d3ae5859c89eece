import Testing
import SortingNetworks

/// Test vectors computed with the authors' diffsort package in float64.
/// Each runs through every implementation.
@Suite("Test vectors (the authors' diffsort package)")
struct TestVectorTests {
    static let implementations = SortingImplementation.allCases

    func run(_ impl: SortingImplementation, n: Int, _ network: SortingNetwork.Kind, _ family: SigmoidFamily, steepness: Double,
             construction: SortingNetwork.Construction = .authors, x: [Double]) throws -> (y: [Double], p: [Double], jacobian: [[Double]]) {
        let config = SortConfiguration(network: network, construction: construction, family: family, steepness: steepness)
        let sorter = try impl.makeSorter(n: n, configuration: config)
        let out = try sorter.sort(x, computeP: true)
        let jacobian = try (0..<n).map { i in
            var e = [Double](repeating: 0, count: n)
            e[i] = 1
            return try sorter.gradient(x, cotangentY: e, cotangentP: nil, computeP: false).gradX
        }
        return (out.y, out.p!, jacobian)
    }

    func expectClose(_ a: [Double], _ b: [Double], tolerance: Double = 1e-9, sourceLocation: SourceLocation = #_sourceLocation) {
        #expect(a.count == b.count, sourceLocation: sourceLocation)
        for (u, v) in zip(a, b) { #expect(abs(u - v) <= tolerance, "\(u) vs \(v)", sourceLocation: sourceLocation) }
    }

    @Test("TV1: n = 2, Cauchy, s = 1, x = (1, 0)", arguments: implementations, SortingNetwork.Kind.allCases)
    func tv1(impl: SortingImplementation, network: SortingNetwork.Kind) throws {
        let r = try run(impl, n: 2, network, .cauchy, steepness: 1, x: [1, 0])
        expectClose(r.y, [0.25, 0.75], tolerance: 1e-15)
        expectClose(r.p, [0.25, 0.75, 0.75, 0.25], tolerance: 1e-15)
        expectClose(r.jacobian.flatMap { $0 }, [0.0908450569, 0.9091549431, 0.9091549431, 0.0908450569], tolerance: 1e-10)
    }

    @Test("TV2: logistic is not monotonic (negative Jacobian diagonal)", arguments: implementations)
    func tv2(impl: SortingImplementation) throws {
        let r = try run(impl, n: 2, .oddEven, .logistic, steepness: 1, x: [2, 0])
        expectClose(r.y, [0.2384058440, 1.7615941560])
        expectClose(r.jacobian.flatMap { $0 }, [-0.0907842488, 1.0907842488, 1.0907842488, -0.0907842488])
        let scaled = try run(impl, n: 2, .oddEven, .logistic, steepness: 10, x: [0.2, 0])
        expectClose(scaled.jacobian.flatMap { $0 }, [-0.0907842488, 1.0907842488, 1.0907842488, -0.0907842488])
    }

    /// TV3a (odd-even) and TV3b (the authors' bitonic wiring): n = 3, Cauchy, s = 10,
    /// x = (0.3, 0.1, 0.2): expected y, P and Jacobian.
    static let tv3: [(SortingNetwork.Kind, [Double], [Double], [Double])] = [
        (.oddEven, [0.1537310082, 0.1972527930, 0.2490161989],
         [0.1770874503, 0.2301164567, 0.5927960929, 0.6397773684, 0.2575885272, 0.1026341043,
          0.1831351812, 0.5122950160, 0.3045698028],
         [0.0340111151, 0.8774459544, 0.0885429306, 0.1377936083, 0.1054281228,
          0.7567782688, 0.8281952766, 0.0171259228, 0.1546788006]),
        (.bitonic, [0.1539186346, 0.1996314662, 0.2464498992],
         [0.1652493405, 0.2139970904, 0.6207535690, 0.6260629946, 0.2176824286, 0.1562545768,
          0.2086876649, 0.5683204810, 0.2229918541],
         [0.0281312357, 0.8835792911, 0.0882894732, 0.0945945415, 0.0844922142,
          0.8209132443, 0.8772742227, 0.0319284948, 0.0907972825]),
    ]

    @Test("TV3a/b: n = 3 Cauchy, odd-even and the authors' bitonic", arguments: implementations, [0, 1])
    func tv3(impl: SortingImplementation, index: Int) throws {
        let (network, y, p, jacobian) = Self.tv3[index]
        let r = try run(impl, n: 3, network, .cauchy, steepness: 10, x: [0.3, 0.1, 0.2])
        expectClose(r.y, y)
        expectClose(r.p, p)
        expectClose(r.jacobian.flatMap { $0 }, jacobian)
    }

    @Test("TV3c: n = 3 logistic, both networks", arguments: implementations)
    func tv3c(impl: SortingImplementation) throws {
        let oe = try run(impl, n: 3, .oddEven, .logistic, steepness: 10, x: [0.3, 0.1, 0.2])
        expectClose(oe.y, [0.1507634863, 0.1973186598, 0.2519178540])
        #expect(abs(oe.jacobian[0][0] - -0.0724550373) < 1e-9)
        #expect(abs(oe.jacobian[2][1] - -0.0768901194) < 1e-9)
        let bi = try run(impl, n: 3, .bitonic, .logistic, steepness: 10, x: [0.3, 0.1, 0.2])
        expectClose(bi.y, [0.1529383038, 0.2000603896, 0.2470013067])
        #expect(abs(bi.jacobian[0][0] - -0.0708053696) < 1e-9)
        #expect(abs(bi.jacobian[2][1] - -0.0560547714) < 1e-9)
    }

    @Test("Optimal family, x = (3, 1): constant offset 1/(16s)", arguments: implementations, [1.0, 10.0])
    func optimalOffset(impl: SortingImplementation, steepness: Double) throws {
        let r = try run(impl, n: 2, .bitonic, .optimal, steepness: steepness, x: [3, 1])
        let offset = 1 / (16 * steepness)
        expectClose(r.y, [1 + offset, 3 - offset], tolerance: 1e-11)
    }

    @Test("Ties give exactly 0.5", arguments: implementations, SigmoidFamily.allCases)
    func ties(impl: SortingImplementation, family: SigmoidFamily) throws {
        let r = try run(impl, n: 2, .bitonic, family, steepness: 37, x: [1, 1])
        #expect(r.y == [1, 1])
        #expect(r.p == [0.5, 0.5, 0.5, 0.5])
    }
}
