import PropertyTesting
import PropertyBased
import Testing
@testable import LogicGateNetworks

@Suite struct RelaxedTests {
    /// One-hot gate logits (huge margin) and Boolean inputs: relaxed = hard, exactly, for every
    /// input pattern of small networks (exhaustive) — the float path of eval mode.
    @Test(arguments: [1, 2, 3])
    func relaxedEqualsHardAtOneHotExhaustive(seed: Int) throws {
        let hard = Random.hardNetwork(seed: UInt64(seed), inputBits: 8, widths: [12, 10, 6], classes: 3)
        var inputs: [UInt8] = []
        for s in 0..<256 { for bit in 0..<8 { inputs.append(UInt8((s >> bit) & 1)) } }
        let expected = try ReferenceLogicGateNetwork().counts(hard, inputs: inputs)
        let relaxed = try oneHot(hard)
        for impl in LogicImplementation.allCases {
            let scores = impl.implementation.scores(relaxed, x: inputs.map { Double($0) }, batch: 256)
            #expect(scores.map { Int(exactly: $0) } == expected.map { Optional($0) }, "\(impl)")
        }
    }

    /// The same on large random networks (property test, Float as used for training).
    @Test func relaxedEqualsHardAtOneHotLarge() throws {
        try forAll(seed: 5, count: 8, Gen.int(in: 0...100_000), Gen.int(in: 1...50)) { seed, batch in
            let hard = Random.hardNetwork(seed: UInt64(seed), inputBits: 64, widths: [300, 300, 200], classes: 10)
            let x = Random.bits(seed: UInt64(seed) + 9, count: batch * 64)
            let expected = try ReferenceLogicGateNetwork().counts(hard, inputs: x)
            let relaxed: LogicGateNetwork<Float> = try oneHot(hard).converted()
            let scores = SIMDLogicGateNetwork().scores(relaxed, x: x.map { Float($0) }, batch: batch)
            #expect(scores.map { Int(exactly: $0) } == expected.map { Optional($0) })
        }
    }

    /// A relaxed network whose argmax gates are `hard`'s with logit margin 1000 (every other
    /// exp(−1000) underflows to exactly 0, so p is one-hot), τ = 1.
    func oneHot(_ hard: HardLogicGateNetwork) throws -> LogicGateNetwork<Double> {
        var w = hard.inputBits
        let layers = try hard.layers.map { layer in
            var z = [Double](repeating: 0, count: 16 * layer.width)
            for (j, g) in layer.gates.enumerated() { z[16 * j + g.id] = 1000 }
            defer { w = layer.width }
            return try LogicLayer<Double>(inputWidth: w, a: layer.a, b: layer.b, logits: z)
        }
        let net = try LogicGateNetwork(layers: layers, groupSum: hard.groupSum)
        #expect(net.discretized() == hard)
        return net
    }

    /// Layer VJP vs central finite differences (Double, h = 1e-6), including grad_factor.
    @Test(arguments: LogicImplementation.allCases, [(5, 4, 3), (9, 20, 7)])
    func layerVJPMatchesFiniteDifferences(implementation: LogicImplementation, shape: (Int, Int, Int)) {
        let (n, m, batch) = shape
        let impl = implementation.implementation
        let layer: LogicLayer<Double> = Random.layer(seed: UInt64(n), inputs: n, outputs: m, gradFactor: 1.5)
        let x: [Double] = Random.unit(seed: 1, count: batch * n)
        let cot: [Double] = Random.unit(seed: 2, count: batch * m).map { $0 - 0.5 }
        let (gx, gz) = impl.layerBackward(layer, x: x, batch: batch, cotangentY: cot)
        func f(_ l: LogicLayer<Double>, _ x: [Double]) -> Double {
            zip(impl.layerForward(l, x: x, batch: batch), cot).reduce(0) { $0 + $1.0 * $1.1 }
        }
        let h = 1e-6
        for i in 0..<x.count {
            var xp = x, xm = x
            xp[i] += h; xm[i] -= h
            #expect(abs(1.5 * (f(layer, xp) - f(layer, xm)) / (2 * h) - gx[i]) < 1e-7)
        }
        for i in 0..<layer.logits.count {
            var lp = layer, lm = layer
            lp.logits[i] += h; lm.logits[i] -= h
            #expect(abs((f(lp, x) - f(lm, x)) / (2 * h) - gz[i]) < 1e-7)
        }
    }

    /// SIMD vs reference on random layers and networks, within the named bound.
    @Test func simdAgreesWithReference() throws {
        try forAll(seed: 1, count: 12, Gen.int(in: 0...100_000), Gen.int(in: 1...37)) { seed, batch in
            let net = try LogicGateNetwork<Double>(
                inputWidth: 17, width: 24, depth: 3, classes: 4, tau: 3,
                connections: seed % 2 == 0 ? .random : .unique, gradFactor: 1.25, seed: UInt64(seed))
            let x: [Double] = Random.unit(seed: UInt64(seed), count: batch * 17)
            let labels = (0..<batch).map { ($0 * 7 + seed) % 4 }
            let r = ReferenceLogicGateNetwork().lossAndGradient(net, x: x, labels: labels)
            let s = SIMDLogicGateNetwork().lossAndGradient(net, x: x, labels: labels)
            let s2 = SIMDLogicGateNetwork(threads: 2).lossAndGradient(net, x: x, labels: labels)
            let bound = SIMDLogicGateNetwork.agreementBound(for: Double.self)
            #expect(abs(r.loss - s.loss) <= bound * (1 + abs(r.loss)))
            #expect(maxAbs(r.scores, s.scores) <= bound * scale(r.scores))
            for l in 0..<3 {
                #expect(maxAbs(r.gradLogits[l], s.gradLogits[l]) <= bound * scale(r.gradLogits[l]))
                #expect(maxAbs(r.gradLogits[l], s2.gradLogits[l]) <= bound * scale(r.gradLogits[l]))
            }
            // Float training path vs the Double reference: the Float bound.
            let f = SIMDLogicGateNetwork().lossAndGradient(net.converted(to: Float.self), x: x.map { Float($0) }, labels: labels)
            let fb = Double(SIMDLogicGateNetwork.agreementBound(for: Float.self))
            for l in 0..<3 {
                #expect(maxAbs(r.gradLogits[l], f.gradLogits[l].map { Double($0) }) <= fb * scale(r.gradLogits[l]))
            }
        }
    }
}
