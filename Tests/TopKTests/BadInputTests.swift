import SortingNetworks
import Testing
@testable import TopK

@Suite struct BadInputTests {
    @Test func distributionErrors() {
        #expect(throws: TopKError.emptyDistribution) { try TopKDistribution([]) }
        #expect(throws: TopKError.distributionDoesNotSumToOne(sum: 0.9)) { try TopKDistribution([0.5, 0.4]) }
        #expect(throws: TopKError.negativeProbability(index: 1, value: -0.5)) { try TopKDistribution([1.5, -0.5]) }
        #expect(throws: TopKError.nonFiniteProbability(index: 0, value: .infinity)) { try TopKDistribution([.infinity]) }
        #expect(throws: TopKError.self) { try TopKDistribution([.nan, 1]) }
    }

    @Test(arguments: TopKImplementation.allCases)
    func configurationErrors(_ impl: TopKImplementation) throws {
        let five = try TopKDistribution([0.2, 0.2, 0.2, 0.2, 0.2])
        #expect(throws: TopKError.distributionLongerThanClasses(k: 5, n: 4)) {
            try impl.makeLoss(n: 4, configuration: TopKConfiguration(distribution: five))
        }
        #expect(throws: TopKError.invalidM(m: 1, k: 1, n: 10)) {
            try impl.makeLoss(n: 10, configuration: TopKConfiguration(distribution: try TopKDistribution([1]), m: 1))
        }
        #expect(throws: TopKError.invalidM(m: 5, k: 5, n: 10)) { try impl.makeLoss(n: 10, configuration: TopKConfiguration(distribution: five, m: 5)) }
        #expect(throws: TopKError.invalidM(m: 10, k: 5, n: 10)) { try impl.makeLoss(n: 10, configuration: TopKConfiguration(distribution: five, m: 10)) }
        #expect(throws: TopKError.invalidSteepness(0)) { try impl.makeLoss(n: 10, configuration: TopKConfiguration(steepness: 0)) }
        #expect(throws: TopKError.invalidSteepness(.infinity)) { try impl.makeLoss(n: 10, configuration: TopKConfiguration(steepness: .infinity)) }
        #expect(throws: TopKError.invalidArtLambda(1)) { try impl.makeLoss(n: 10, configuration: TopKConfiguration(artLambda: 1)) }
        #expect(throws: TopKError.invalidClassCount(0)) { try impl.makeLoss(n: 0, configuration: TopKConfiguration()) }
    }

    @Test(arguments: TopKImplementation.allCases)
    func inputErrors(_ impl: TopKImplementation) throws {
        let loss = try impl.makeLoss(n: 6, configuration: TopKConfiguration())
        let s: [Double] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
        #expect(throws: TopKError.labelOutOfRange(row: 0, label: 6, n: 6)) { try loss.evaluate(logits: s, labels: [6]) }
        #expect(throws: TopKError.labelOutOfRange(row: 0, label: -1, n: 6)) { try loss.evaluate(logits: s, labels: [-1]) }
        #expect(throws: TopKError.labelCountMismatch(rows: 1, labels: 2)) { try loss.evaluate(logits: s, labels: [0, 1]) }
        #expect(throws: TopKError.self) { try loss.evaluate(logits: Array(s.prefix(5)), labels: [0]) }
        #expect(throws: TopKError.self) { try loss.evaluate(logits: [Double](), labels: []) }
        var bad = s
        bad[3] = .nan
        #expect(throws: TopKError.self) { try loss.evaluate(logits: bad, labels: [0]) }
        bad[3] = -.infinity
        #expect(throws: TopKError.nonFiniteLogit(row: 0, column: 3, value: -.infinity)) { try loss.evaluate(logits: bad, labels: [0]) }
        // Finite logits whose differences overflow: a typed error, not silent NaNs.
        #expect(throws: TopKError.logitRangeOverflow(row: 0)) { try loss.evaluate(logits: [1e308, -1e308, 0, 5, 1, 2], labels: [1]) }
        #expect(throws: TopKError.logitRangeOverflow(row: 0)) { try loss.evaluate(logits: [Float](arrayLiteral: 3e38, -3e38, 0, 5, 1, 2), labels: [1]) }
        // Steepness 10 (default) times a finite range of 1e308 overflows too (reciprocal would give inf/inf).
        #expect(throws: TopKError.logitRangeOverflow(row: 0)) { try loss.evaluate(logits: [1e308, 0, 0, 5, 1, 2], labels: [1]) }
        let f: [Float] = [0.1, .nan, 0.3, 0.4, 0.5, 0.6]
        #expect(throws: TopKError.self) { try loss.evaluate(logits: f, labels: [0]) }
    }

    /// A steepness that is valid as a Double but rounds to ∞ or 0 in Float is a typed error for
    /// every method and implementation, and stays valid in Double.
    @Test(arguments: TopKImplementation.allCases)
    func steepnessOutsideFloat(_ impl: TopKImplementation) throws {
        let logits: [Float] = [0.1, 0.2, 0.3, 0.4, 0.5, 0.6]
        for method in [TopKMethod.bitonic, .splitterSelection, .neuralSort] {
            for steepness in [1e39, 1e-50] {
                let loss = try impl.makeLoss(n: 6, configuration: TopKConfiguration(method: method, steepness: steepness))
                #expect(throws: TopKError.steepnessNotRepresentable(steepness, type: "Float")) {
                    try loss.evaluate(logits: logits, labels: [1])
                }
            }
            let fine = try impl.makeLoss(n: 6, configuration: TopKConfiguration(method: method, steepness: 1e-50))
            #expect(try fine.evaluate(logits: logits.map { Double($0) }, labels: [1]).loss.isFinite)
        }
        #expect(TopKError.steepnessNotRepresentable(1e39, type: "Float").description.contains("rounds to 0 or ∞"))
    }

    /// The authors' `distribution=None` crash: our default configuration runs on every method.
    @Test func defaultsDoNotCrash() throws {
        for method in TopKMethod.allCases {
            var cfg = TopKConfiguration()
            cfg.method = method
            let r = try SIMDTopKLoss(n: 10, configuration: cfg).evaluate(logits: (0..<10).map { Double($0) / 3 }, labels: [4])
            #expect(r.loss.isFinite && r.loss > 0)
        }
        #expect(TopKConfiguration().family == .cauchy)
    }

    @Test func errorsDescribeThemselves() {
        #expect(TopKError.labelOutOfRange(row: 2, label: 11, n: 10).description.contains("label[2] = 11"))
        #expect(TopKError.invalidM(m: 1, k: 1, n: 4).description.contains("m ≥ 2"))
    }
}
