import Testing
@testable import LogicGateNetworks

/// values computed with numpy for this package.
@Suite struct TinyNetworkTests {
    static func network() throws -> LogicGateNetwork<Double> {
        func logits(_ pairs: [(Int, Double)], count: Int) -> [Double] {
            var z = [Double](repeating: 0, count: 16 * count)
            for (i, v) in pairs { z[i] = v }
            return z
        }
        let l1 = try LogicLayer<Double>(inputWidth: 3, a: [0, 1], b: [1, 2],
                                        logits: logits([(1, 3), (7, 1), (16 + 6, 2), (16 + 14, 1)], count: 2))
        let l2 = try LogicLayer<Double>(inputWidth: 2, a: [0, 1], b: [1, 0],
                                        logits: logits([(7, 2), (3, 1), (16 + 8, 2.5)], count: 2))
        return try LogicGateNetwork(layers: [l1, l2], groupSum: try GroupSum(classes: 2, tau: 2))
    }

    @Test(arguments: LogicImplementation.allCases)
    func forwardAndBackwardMatchAppendix(implementation: LogicImplementation) throws {
        let net = try Self.network()
        let impl = implementation.implementation
        let x = [0.9, 0.2, 0.6]
        let h = impl.layerForward(net.layers[0], x: x, batch: 1)
        #expect(abs(h[0] - 0.353665) < 1e-6 && abs(h[1] - 0.542987) < 1e-6)
        let o = impl.layerForward(net.layers[1], x: h, batch: 1)
        #expect(abs(o[0] - 0.543798) < 1e-6 && abs(o[1] - 0.415824) < 1e-6)
        let g = impl.lossAndGradient(net, x: x, labels: [0])
        #expect(abs(g.loss - 0.661665) < 1e-6)
        #expect(abs(g.scores[0] - 0.271899) < 1e-6 && abs(g.scores[1] - 0.207912) < 1e-6)
        let expectedL2u1: [Double] = [-0.003702, -0.001992, -0.000578, 0.001132, -0.002263, -0.000553, 0.000861, 0.002571,
                                      -0.013063, 0.000637, 0.002052, 0.003762, 0.000367, 0.002076, 0.003491, 0.005201]
        let expectedL1u0: [Double] = [0.000885, 0.008725, -0.000916, -0.001367, 0.000835, 0.000384, -0.000966, -0.003851,
                                      0.000685, 0.000234, -0.001116, -0.001567, 0.000635, 0.000184, -0.001166, -0.001617]
        for i in 0..<16 {
            #expect(abs(g.gradLogits[1][16 + i] - expectedL2u1[i]) < 2e-6)
            #expect(abs(g.gradLogits[0][i] - expectedL1u0[i]) < 2e-6)
        }
        // ∂L/∂x via the layer VJPs: ∂L/∂o = (−0.242004, 0.242004).
        let (gh, _) = impl.layerBackward(net.layers[1], x: h, batch: 1, cotangentY: [-0.242004, 0.242004])
        #expect(abs(gh[0] + 0.092060) < 2e-6 && abs(gh[1] + 0.105801) < 2e-6)
        let (gx, _) = impl.layerBackward(net.layers[0], x: x, batch: 1, cotangentY: gh)
        let ex = [-0.012986, -0.033263, -0.015316]
        for i in 0..<3 { #expect(abs(gx[i] - ex[i]) < 2e-6) }
    }

    @Test(arguments: LogicImplementation.allCases)
    func hardNetworkMatchesAppendix(implementation: LogicImplementation) throws {
        let hard = try Self.network().discretized()
        #expect(hard.layers.map { $0.gates } == [[.and, .xor], [.or, .notOr]])
        // A.4: all 8 patterns, sample s has x0 = bit0(s), x1 = bit1(s), x2 = bit2(s).
        var inputs: [UInt8] = []
        for s in 0..<8 { for bit in 0..<3 { inputs.append(UInt8((s >> bit) & 1)) } }
        let counts = try implementation.implementation.counts(hard, inputs: inputs)
        #expect(counts == [0, 1, 0, 1, 1, 0, 1, 0, 1, 0, 1, 0, 0, 1, 1, 0])
        #expect(try ReferenceLogicGateNetwork().counts(hard, inputs: [1, 0, 1]) == [1, 0])
    }
}
