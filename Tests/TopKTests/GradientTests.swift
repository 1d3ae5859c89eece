import SortingNetworks
import Testing
@testable import TopK

/// Analytic gradients against central finite differences (float64; a test vector computed with the authors' difftopk package). The
/// five-point stencil (step 1e-4, truncation error O(h⁴)) is used because the `gaussian` family
/// drives q to ~1e-6 in some cases, where the loss curvature makes the two-point stencil's O(h²)
/// error visible at 1e-5.
@Suite struct GradientTests {
    static func check(_ loss: any TopKLossFunction, logits: [Double], labels: [Int], what: String) throws {
        let r: TopKLossResult<Double> = try loss.evaluate(logits: logits, labels: labels)
        let h = 1e-4
        func at(_ i: Int, _ offset: Double) throws -> Double {
            var x = logits
            x[i] += offset
            return try loss.evaluate(logits: x, labels: labels).loss
        }
        for i in logits.indices {
            let fd = (8 * (try at(i, h) - at(i, -h)) - (try at(i, 2 * h) - at(i, -2 * h))) / (12 * h)
            #expect(abs(fd - r.gradLogits[i]) <= 2e-6 * max(1, abs(fd)), "\(what) ∂/∂s[\(i)]: analytic \(r.gradLogits[i]) vs FD \(fd)")
        }
    }

    @Test(arguments: TopKImplementation.allCases, Top1Mode.allCases)
    func networksEveryFamily(_ impl: TopKImplementation, _ mode: Top1Mode) throws {
        var rng = SeededRandom(seed: 0x70_4B_20)
        for (method, construction) in networkVariants {
            for family in SigmoidFamily.allCases {
                for (n, m) in [(7, nil), (9, 5)] as [(Int, Int?)] {
                    let cfg = try config(method, family: family, steepness: 1.5, pK: [0.4, 0.2, 0.4], mode: mode, m: m,
                                         construction: construction)
                    let loss = try impl.makeLoss(n: n, configuration: cfg)
                    try Self.check(loss, logits: rng.logits(2 * n), labels: [Int.random(in: 0..<n, using: &rng), 1],
                                   what: "\(impl) \(method)(\(construction)) \(family) \(mode) n=\(n) m=\(String(describing: m))")
                }
            }
        }
    }

    @Test(arguments: TopKImplementation.allCases, Top1Mode.allCases)
    func neuralSortAndSoftSort(_ impl: TopKImplementation, _ mode: Top1Mode) throws {
        var rng = SeededRandom(seed: 0x70_4B_21)
        for method in [TopKMethod.neuralSort, .softSort] {
            for (n, m) in [(6, nil), (11, 6)] as [(Int, Int?)] {
                let cfg = try config(method, steepness: 0.8, pK: [0.5, 0, 0.25, 0.25], mode: mode, m: m)
                let loss = try impl.makeLoss(n: n, configuration: cfg)
                try Self.check(loss, logits: rng.logits(2 * n), labels: [2, 0], what: "\(impl) \(method) \(mode) n=\(n)")
            }
        }
    }
}
