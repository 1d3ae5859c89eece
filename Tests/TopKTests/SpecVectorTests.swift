import SortingNetworks
import Testing
@testable import TopK

/// Test vectors computed with the authors' difftopk package and an independent numpy
/// re-implementation; published to 6–7 digits, hence the tolerances).
@Suite struct SpecVectorTests {
    @Test(arguments: TopKImplementation.allCases)
    func twoClasses(_ impl: TopKImplementation) throws {
        for (mode, expected) in [(Top1Mode.sort, 0.4549642), (.sm, 0.4549642), (.smce, 1.0032044)] {
            let loss = try impl.makeLoss(n: 2, configuration: try config(.oddEven, mode: mode))
            let r: TopKLossResult<Double> = try loss.evaluate(logits: [1, 2], labels: [0], computeProbabilities: true)
            expectClose(r.loss, expected, tol: 1e-6, "TV12.1 \(mode)")
            expectClose(r.probabilities!, [0.731059, 0.268941, 0.268941, 0.731059], tol: 1e-6, "TV12.1 A")
        }
    }

    @Test(arguments: TopKImplementation.allCases)
    func fourClassesBitonic(_ impl: TopKImplementation) throws {
        let s: [Double] = [0, 3, 1, 2]
        for (mode, expected) in [(Top1Mode.sort, 2.486206), (.sm, 2.189692), (.smce, 2.561439)] {
            let loss = try impl.makeLoss(n: 4, configuration: try config(.bitonic, steepness: 2, mode: mode))
            let r = try loss.evaluate(logits: s, labels: [2], computeProbabilities: true)
            expectClose(r.loss, expected, tol: 2e-6, "TV12.2 \(mode)")
            expectClose(r.probabilities!, [0.020984, 0.004425, 0.095218, 0.879373, 0.107066, 0.029692, 0.776732, 0.086510],
                        tol: 1e-6, "TV12.2 A")
        }
        let families: [(SigmoidFamily, Double)] = [
            (.logisticPhi, 2.058014), (.cauchy, 1.900142), (.gaussian, 2.901047), (.reciprocal, 1.508671), (.optimal, 2.706685),
        ]
        for (family, expected) in families {
            let loss = try impl.makeLoss(n: 4, configuration: try config(.bitonic, family: family, steepness: 2, artLambda: 0.5))
            expectClose(try loss.evaluate(logits: s, labels: [2]).loss, expected, tol: 2e-6, "TV12.2 \(family)")
        }
    }

    @Test(arguments: TopKImplementation.allCases)
    func topM(_ impl: TopKImplementation) throws {
        let s: [Double] = [0.3, -1.0, 2.0, 0.9, 1.5, 0.1]
        for (mode, expected) in [(Top1Mode.sort, 1.654080), (.sm, 1.623350), (.smce, 2.164839)] {
            let loss = try impl.makeLoss(n: 6, configuration: try config(.oddEven, mode: mode, m: 3))
            let r = try loss.evaluate(logits: s, labels: [5], computeProbabilities: true)
            expectClose(r.loss, expected, tol: 2e-6, "TV12.3 \(mode)")
            expectClose(r.probabilities!, [0.236069, 0.073233, 0.325126, 0.489631, 0.438805, 0.437136], tol: 1e-6, "TV12.3 A")
            // Gradient reaches the selected logits only: classes 5 (true), 2 and 4.
            for c in [0, 1, 3] { #expect(r.gradLogits[c] == 0) }
        }
    }

    @Test(arguments: TopKImplementation.allCases)
    func splitter(_ impl: TopKImplementation) throws {
        let s: [Double] = [0.3, -1.0, 2.0, 0.9, 1.5, 0.1]
        let loss = try impl.makeLoss(n: 6, configuration: try config(.splitterSelection))
        let r = try loss.evaluate(logits: s, labels: [4], computeProbabilities: true)
        expectClose(r.loss, 0.988712, tol: 2e-6, "TV12.4 sm")
        expectClose(r.probabilities!, [0.163724, 0.055059, 0.056632, 0.015535, 0.197069, 0.517733, 0.169569, 0.182202,
                                       0.300035, 0.182803, 0.112971, 0.046668], tol: 1e-6, "TV12.4 A")
        let phi = try impl.makeLoss(n: 6, configuration: try config(.splitterSelection, family: .logisticPhi, artLambda: 0.5))
        expectClose(try phi.evaluate(logits: s, labels: [4]).loss, 1.020122, tol: 2e-6, "TV12.4 logistic_phi")
    }

    @Test(arguments: TopKImplementation.allCases)
    func neuralSortAndSoftSort(_ impl: TopKImplementation) throws {
        let s: [Double] = [0, 1, 3]
        let neural = try impl.makeLoss(n: 3, configuration: try config(.neuralSort, pK: [1.0 / 3, 1.0 / 3, 1.0 / 3]))
        let rn = try neural.evaluate(logits: s, labels: [1], computeProbabilities: true)
        expectClose(rn.probabilities!, [0.730572, 0.244728, 0.005900, 0.268762, 0.665241, 0.118500, 0.000666, 0.090031, 0.875601],
                    tol: 1e-6, "TV12.5 NeuralSort P")
        let soft = try impl.makeLoss(n: 3, configuration: try config(.softSort, pK: [1.0 / 3, 1.0 / 3, 1.0 / 3]))
        let rs = try soft.evaluate(logits: s, labels: [1], computeProbabilities: true)
        expectClose(rs.probabilities!, [0.705385, 0.244728, 0.042010, 0.259496, 0.665241, 0.114195, 0.035119, 0.090031, 0.843795],
                    tol: 1e-6, "TV12.5 SoftSort P")
        for (method, mode, expected) in [
            (TopKMethod.neuralSort, Top1Mode.sort, 0.796022), (.neuralSort, .sm, 0.800804), (.softSort, .sort, 0.805609), (.softSort, .sm, 0.805609),
        ] {
            let loss = try impl.makeLoss(n: 3, configuration: try config(method, mode: mode))
            expectClose(try loss.evaluate(logits: s, labels: [1]).loss, expected, tol: 2e-6, "TV12.5 \(method) \(mode)")
        }
    }

    @Test func splitterWiringExamples() {
        func pairs(_ net: TopKNetwork) -> [[[Int]]] { net.layers.map { $0.map { [$0.lo, $0.hi] } } }
        #expect(pairs(.splitterSelection(n: 8, k: 1)) == [[[3, 7], [2, 6], [1, 5], [0, 4]], [[5, 7], [4, 6], [1, 3], [0, 2]], [[6, 7], [4, 5], [2, 3], [0, 1]]])
        #expect(pairs(.splitterSelection(n: 8, k: 2)) == [[[3, 7], [2, 6], [1, 5], [0, 4]], [[5, 7], [4, 6], [1, 3], [0, 2]], [[6, 7], [4, 5], [2, 3], [0, 1]], [[3, 6]], [[5, 6]]])
        #expect(pairs(.splitterSelection(n: 6, k: 2)) == [[[1, 5], [0, 4]], [[3, 5], [2, 4]], [[4, 5], [2, 3], [0, 1]], [[1, 4]], [[3, 4]]])
        #expect(pairs(.splitterSelection(n: 5, k: 3)) == [[[0, 4]], [[2, 4], [1, 3]], [[3, 4], [1, 2]], [[0, 3]], [[2, 3]], [[0, 2]]])
    }

    /// arXiv 2206.07290: layers / comparators / cone sizes of the networks the authors build.
    @Test(arguments: [
        (16, 1, [10, 80, 63], [16, 120, 64], [4, 32, 15]), (16, 5, [10, 80, 67], [16, 120, 90], [10, 50, 48]),
        (50, 1, [21, 492, 408], [50, 1225, 625], [6, 133, 49]), (50, 5, [21, 492, 412], [50, 1225, 719], [15, 181, 162]),
        (100, 1, [28, 1334, 1117], [100, 4950, 2500], [7, 316, 99]), (100, 5, [28, 1334, 1121], [100, 4950, 2694], [17, 385, 319]),
        (1000, 5, [55, 27268, 23339], [1000, 499500, 251994], [22, 5085, 3046]),
    ])
    func networkSizes(n: Int, k: Int, bitonic: [Int], oddEven: [Int], splitter: [Int]) throws {
        for (method, expected) in [(TopKMethod.bitonic, bitonic), (.oddEven, oddEven), (.splitterSelection, splitter)] {
            let net = try #require(TopKNetwork(method: method, construction: .authors, n: n, k: k))
            #expect([net.layers.count, net.comparatorCount, net.pruned().comparatorCount] == expected, "\(method) n=\(n) K=\(k)")
        }
    }
}
