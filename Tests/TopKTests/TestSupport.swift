import SortingNetworks
import Testing
@testable import TopK


func config(
    _ method: TopKMethod, family: SigmoidFamily = .logistic, steepness: Double = 1, pK: [Double] = [0.5, 0.5],
    mode: Top1Mode = .sm, m: Int? = nil, construction: SortingNetwork.Construction = .authors, artLambda: Double = 0.25,
    pruned: Bool = true
) throws -> TopKConfiguration {
    TopKConfiguration(method: method, construction: construction, family: family, steepness: steepness,
                      artLambda: artLambda, distribution: try TopKDistribution(pK), m: m, top1Mode: mode, pruned: pruned)
}

func expectClose(_ a: Double, _ b: Double, tol: Double, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(abs(a - b) <= tol, "\(what): \(a) vs \(b)", sourceLocation: sourceLocation)
}

func expectClose(_ a: [Double], _ b: [Double], tol: Double, _ what: String = "", sourceLocation: SourceLocation = #_sourceLocation) {
    #expect(a.count == b.count, "\(what): lengths \(a.count) vs \(b.count)", sourceLocation: sourceLocation)
    let worst = zip(a, b).map { abs($0 - $1) }.max() ?? 0
    #expect(worst <= tol, "\(what): max |Δ| = \(worst)\n\(a)\n\(b)", sourceLocation: sourceLocation)
}

/// The library's seeded generator, so property runs are reproducible.
typealias SeededRandom = SplitMix64

extension SeededRandom {
    mutating func logits(_ count: Int, scale: Double = 3) -> [Double] {
        (0..<count).map { _ in Double.random(in: -scale...scale, using: &self) }
    }
}

/// Every network configuration: methods × bitonic constructions.
let networkVariants: [(TopKMethod, SortingNetwork.Construction)] = [
    (.bitonic, .authors), (.bitonic, .valid), (.oddEven, .valid), (.splitterSelection, .valid),
]
