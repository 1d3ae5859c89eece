import LogicGateNetworks
import SortingNetworks
import Testing
import TopK

/// Outputs are byte-identical across runs and thread counts (issue 8, "Determinism stays
/// tested"): the relaxed sort (values, P, ∂x), the top-k loss and the bit-sliced logic counts.
@Suite struct DeterminismTests {
    static func data(_ count: Int, seed: UInt64) -> [Double] {
        var state = seed
        return (0..<count).map { _ in
            state = state &* 6364136223846793005 &+ 1442695040888963407
            return Double(Int64(bitPattern: state >> 11) % 2001 - 1000) / 37
        }
    }

    static func bits(_ v: [Double]) -> [UInt64] { v.map(\.bitPattern) }

    @Test(arguments: SortingNetwork.Kind.allCases)
    func sortIsIdenticalAcrossRunsAndThreads(kind: SortingNetwork.Kind) throws {
        let n = 19, batch = 11
        let x = Self.data(n * batch, seed: 1), cy = Self.data(n * batch, seed: 2), cp = Self.data(n * n * batch, seed: 3)
        let config = SortConfiguration(network: kind, family: .logisticPhi, steepness: 7)
        for implementation in SortingImplementation.allCases {
            let sorter = try implementation.makeSorter(n: n, configuration: config)
            let a = try sorter.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
            let b = try sorter.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
            #expect(Self.bits(a.gradX) == Self.bits(b.gradX) && Self.bits(a.output.y) == Self.bits(b.output.y))
            #expect(Self.bits(a.output.p!) == Self.bits(b.output.p!))
        }
        let one = try SIMDRelaxedSorter(n: n, configuration: config, threads: 1).gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
        for threads in [2, 3, 8] {
            let many = try SIMDRelaxedSorter(n: n, configuration: config, threads: threads).gradient(x, cotangentY: cy, cotangentP: cp, computeP: true)
            #expect(Self.bits(many.gradX) == Self.bits(one.gradX), "threads \(threads)")
            #expect(Self.bits(many.output.y) == Self.bits(one.output.y) && Self.bits(many.output.p!) == Self.bits(one.output.p!))
        }
    }

    @Test(arguments: TopKMethod.allCases)
    func topKIsIdenticalAcrossRuns(method: TopKMethod) throws {
        let n = 12, batch = 5
        let logits = Self.data(n * batch, seed: 4), labels = (0..<batch).map { $0 * 7 % n }
        for implementation in TopKImplementation.allCases {
            let loss = try implementation.makeLoss(n: n, configuration: TopKConfiguration(method: method))
            let a: TopKLossResult<Double> = try loss.evaluate(logits: logits, labels: labels, computeProbabilities: true)
            let b: TopKLossResult<Double> = try loss.evaluate(logits: logits, labels: labels, computeProbabilities: true)
            #expect(a.loss.bitPattern == b.loss.bitPattern)
            #expect(Self.bits(a.gradLogits) == Self.bits(b.gradLogits) && Self.bits(a.probabilities!) == Self.bits(b.probabilities!))
        }
    }

    @Test func logicCountsAreIdenticalAcrossThreadsAndWidths() throws {
        var rng = SeededGenerator(seed: 5)
        var layers: [HardLogicLayer] = []
        var width = 40
        for _ in 0..<3 {
            let (a, b) = try Connections.random(inputs: width, outputs: 60, using: &rng)
            layers.append(HardLogicLayer(a: a, b: b, gates: (0..<60).map { _ in LogicGate(rawValue: UInt8(rng.next() & 15))! }))
            width = 60
        }
        let net = try HardLogicGateNetwork(inputBits: 40, layers: layers, groupSum: try GroupSum(classes: 6, tau: 1))
        let x = (0..<(1000 * 40)).map { _ in UInt8(rng.next() & 1) }
        let sliced = BitSlicedLogicNetwork(net)
        let reference = try sliced.counts(inputs: x, threads: 1)
        for threads in [1, 2, 3, 7] {
            for width in BitSliceWidth.allCases {
                #expect(try sliced.counts(inputs: x, width: width, threads: threads) == reference, "threads \(threads), W \(width)")
            }
        }
    }
}
