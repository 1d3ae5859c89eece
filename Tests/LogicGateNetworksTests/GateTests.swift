import Testing
@testable import LogicGateNetworks

@Suite struct GateTests {
    /// The truth tables of arXiv 2210.08277, Table 1, typed in from the paper.
    static let specTable: [[Int]] = [
        [0, 0, 0, 0], [0, 0, 0, 1], [0, 0, 1, 0], [0, 0, 1, 1], [0, 1, 0, 0], [0, 1, 0, 1], [0, 1, 1, 0], [0, 1, 1, 1],
        [1, 0, 0, 0], [1, 0, 0, 1], [1, 0, 1, 0], [1, 0, 1, 1], [1, 1, 0, 0], [1, 1, 0, 1], [1, 1, 1, 0], [1, 1, 1, 1],
    ]

    @Test(arguments: LogicGate.allCases)
    func truthTableMatchesSpec(gate: LogicGate) {
        #expect(gate.truthTable.map { $0 ? 1 : 0 } == Self.specTable[gate.id])
        #expect(gate.complement.truthTable == gate.truthTable.map { !$0 })
    }

    @Test(arguments: LogicGate.allCases)
    func relaxationEqualsTableAtCorners(gate: LogicGate) {
        for (i, (a, b)) in [(0.0, 0.0), (0, 1), (1, 0), (1, 1)].enumerated() {
            #expect(gate.relaxation(a, b) == Double(Self.specTable[gate.id][i]))
        }
    }

    @Test func packageNamesAndCoefficientsMatchSpec() {
        #expect(LogicGate.allCases.map(\.packageName) == [
            "zero", "and", "not_implies", "a", "not_implied_by", "b", "xor", "or", "not_or", "not_xor",
            "not_b", "implied_by", "not_a", "implies", "not_and", "one"])
        let k = LogicGate.allCases.map { g in let c = g.coefficients; return [c.0, c.1, c.2, c.3] }
        #expect(k == [[0, 0, 0, 0], [0, 0, 0, 1], [0, 1, 0, -1], [0, 1, 0, 0], [0, 0, 1, -1], [0, 0, 1, 0],
                      [0, 1, 1, -2], [0, 1, 1, -1], [1, -1, -1, 1], [1, -1, -1, 2], [1, 0, -1, 0], [1, 0, -1, 1],
                      [1, -1, 0, 0], [1, -1, 0, 1], [1, 0, 0, -1], [1, 0, 0, 0]])
    }

    @Test(arguments: LogicGate.allCases)
    func partialsMatchCentralDifferences(gate: LogicGate) {
        let h = 1e-6
        for (a, b) in [(0.8, 0.3), (0.1, 0.9), (0.5, 0.5), (0.0, 1.0)] {
            let da = (gate.relaxation(a + h, b) - gate.relaxation(a - h, b)) / (2 * h)
            let db = (gate.relaxation(a, b + h) - gate.relaxation(a, b - h)) / (2 * h)
            #expect(abs(da - gate.partialA(a, b)) < 1e-7)
            #expect(abs(db - gate.partialB(a, b)) < 1e-7)
            #expect(abs(gate.complement.relaxation(a, b) - (1 - gate.relaxation(a, b))) < 1e-15)
        }
    }

    /// values computed with numpy for this package.
    @Test func singleGateTestVector() {
        var z = [Double](repeating: 0, count: 16)
        z[1] = 2; z[6] = 1; z[7] = -1
        let p = GateMixture.softmax(z)
        #expect(abs(p[1] - 0.314760) < 1e-6 && abs(p[6] - 0.115794) < 1e-6 && abs(p[0] - 0.042598) < 1e-6)
        let y = GateMixture.output(p: p, a: 0.8, b: 0.3)
        #expect(abs(y - 0.428328) < 1e-6)
        let c = GateMixture.coefficients(p: p)
        #expect(abs(c.0 - 0.340785) < 1e-6 && abs(c.1 - 0.046268) < 1e-6 && abs(c.3 - 0.152698) < 1e-6)
        let t = GateMixture.corners(p: p)
        let corner = 0.2 * 0.7 * t.0 + 0.2 * 0.3 * t.1 + 0.8 * 0.7 * t.2 + 0.8 * 0.3 * t.3
        #expect(abs(corner - y) < 1e-12)
        #expect(abs(c.0 + c.1 * 0.8 + c.2 * 0.3 + c.3 * 0.24 - y) < 1e-12)
        let (da, db) = GateMixture.inputPartials(p: p, a: 0.8, b: 0.3)
        #expect(abs(da - 0.092078) < 1e-6 && abs(db - 0.168427) < 1e-6)
        let dz = GateMixture.logitPartials(p: p, a: 0.8, b: 0.3)
        let expected = [-0.018246, -0.059278, 0.005609, 0.015833, -0.015690, -0.005467, 0.022194, 0.006765,
                        -0.012282, -0.002059, 0.011573, 0.021796, -0.009726, 0.000497, 0.014129, 0.024352]
        for i in 0..<16 { #expect(abs(dz[i] - expected[i]) < 2e-6) }
        #expect(GateMixture.argmax(z) == 1)
    }

    /// Appendix A.2: residual initialization and the uniform mixture.
    @Test func residualAndUniformMixtures() {
        var z = [Double](repeating: 0, count: 16)
        z[3] = 5
        let p = GateMixture.softmax(z)
        #expect(abs(p[3] - 0.908208) < 1e-6 && abs(p[0] - 0.006119) < 1e-6)
        let c = GateMixture.coefficients(p: p)
        #expect(abs(c.0 - 0.048956) < 1e-6 && abs(c.1 - 0.902089) < 1e-6 && abs(c.2) < 1e-15 && abs(c.3) < 1e-15)
        let u = GateMixture.coefficients(p: [Double](repeating: 1.0 / 16, count: 16))
        #expect(u.0 == 0.5 && u.1 == 0 && u.2 == 0 && u.3 == 0)
    }

    @Test func argmaxTiesGoToLowestId() {
        #expect(GateMixture.argmax([0.0, 1, 1, 0.5]) == 1)
        #expect(GateMixture.argmax([Double](repeating: 0, count: 16)) == 0)
    }
}
