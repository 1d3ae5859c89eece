import SortingNetworks
import Testing
@testable import TopK

/// Laws of the top-k membership probabilities `T_k(i) = Σ_{j ≥ K−k} A[i][j]` (arXiv 2206.07290).
@Suite struct MembershipPropertyTests {
    static let tolerance = 1e-12

    @Test(arguments: SigmoidFamily.allCases)
    func networkMembershipLaws(_ family: SigmoidFamily) throws {
        var rng = SeededRandom(seed: 0x70_4B_01)
        for (method, construction) in networkVariants {
            for n in [2, 5, 10, 17, 33] {
                for K in Set([1, min(3, n), min(5, n)]) {
                    let pK = [Double](repeating: 1 / Double(K), count: K)
                    let cfg = try config(method, family: family, steepness: Double.random(in: 0.5...20, using: &rng), pK: pK,
                                         construction: construction)
                    let loss = try SIMDTopKLoss(n: n, configuration: cfg)
                    let r = try loss.evaluate(logits: rng.logits(n), labels: [0], computeProbabilities: true)
                    let A = try #require(r.probabilities)
                    for k in 1...K {
                        var columnTotal = 0.0
                        for i in 0..<n {
                            let T = (K - k..<K).reduce(0.0) { $0 + A[i * K + $1] }
                            let Tprev = k == 1 ? 0 : (K - k + 1..<K).reduce(0.0) { $0 + A[i * K + $1] }
                            #expect(T >= -Self.tolerance && T <= 1 + Self.tolerance, "T_\(k)(\(i)) = \(T) \(method) n=\(n)")
                            #expect(T >= Tprev - Self.tolerance, "T_k not non-decreasing in k")
                            columnTotal += T
                        }
                        expectClose(columnTotal, Double(k), tol: 1e-12 * Double(n), "Σ_i T_\(k)(i), \(method) \(family) n=\(n)")
                    }
                }
            }
        }
    }

    @Test(arguments: [TopKMethod.neuralSort, .softSort])
    func rankRelaxationMembership(_ method: TopKMethod) throws {
        var rng = SeededRandom(seed: 0x70_4B_02)
        for n in [3, 8, 21] {
            let K = min(5, n)
            let cfg = try config(method, steepness: 2, pK: [Double](repeating: 1 / Double(K), count: K))
            for impl in TopKImplementation.allCases {
                let r = try impl.makeLoss(n: n, configuration: cfg).evaluate(logits: rng.logits(n), labels: [1], computeProbabilities: true)
                let A = try #require(r.probabilities)
                // Columns are distributions over classes (rows may exceed 1 for these relaxations).
                for j in 0..<K {
                    let total = (0..<n).reduce(0.0) { $0 + A[$1 * K + j] }
                    expectClose(total, 1, tol: 1e-12, "column \(j) of \(method)")
                    for i in 0..<n { #expect(A[i * K + j] >= 0 && A[i * K + j] <= 1) }
                }
            }
        }
    }

    /// Hard limit: at steepness 10⁴ (logistic) with well-separated logits, `A` becomes the 0/1
    /// indicator of the hard top-K (for valid networks).
    @Test func hardLimitIsHardTopK() throws {
        var rng = SeededRandom(seed: 0x70_4B_03)
        for (method, construction) in networkVariants where construction == .valid || method != .bitonic {
            for n in [5, 16, 22, 37, 50] {
                let K = 5
                var s = (0..<n).map { Double($0) * 0.1 }
                s.shuffle(using: &rng)
                let cfg = try config(method, steepness: 1e4, pK: [0.2, 0.2, 0.2, 0.2, 0.2], construction: construction)
                let A = try #require(try SIMDTopKLoss(n: n, configuration: cfg).evaluate(logits: s, labels: [0], computeProbabilities: true).probabilities)
                let ranking = (0..<n).sorted { s[$0] < s[$1] }
                for j in 0..<K {
                    let winner = ranking[n - K + j]
                    for i in 0..<n {
                        expectClose(A[i * K + j], i == winner ? 1 : 0, tol: 1e-9, "\(method) n=\(n) slot \(j) class \(i)")
                    }
                }
            }
        }
    }

    /// The authors' bitonic wiring is not a selector at n = 22 (arXiv 2206.07290): the hard top-5 is wrong
    /// for some permutation (regression test of the parity mode).
    @Test func authorsBitonicFailsAt22() throws {
        var rng = SeededRandom(seed: 0x70_4B_04)
        let net = try #require(TopKNetwork(method: .bitonic, construction: .authors, n: 22, k: 5))
        var failures = 0
        for _ in 0..<200 {
            let x = Array(0..<22).shuffled(using: &rng)
            if net.hardTopK(x) != [17, 18, 19, 20, 21] { failures += 1 }
        }
        #expect(failures > 0)
        let valid = try #require(TopKNetwork(method: .bitonic, construction: .valid, n: 22, k: 5))
        for _ in 0..<200 { #expect(valid.hardTopK(Array(0..<22).shuffled(using: &rng)) == [17, 18, 19, 20, 21]) }
    }
}
