import Foundation
import SortingNetworks
import Testing
@testable import TopK

@Suite struct LossPropertyTests {
    /// Raising the true logit lowers the loss. For one comparator (n = 2) this is exact for every
    /// family and mode (∂loss/∂s_y ≤ 0). For deeper networks it is **not** a theorem: the entries
    /// of the relaxed permutation matrix need not be monotone in the inputs even for monotonic
    /// families (`counterexampleDeepNetwork` shows one), so there the law is tested in its robust
    /// form: moving the true logit from below the minimum to above the maximum lowers the loss.
    @Test(arguments: Top1Mode.allCases)
    func lossDecreasesWithTrueLogit(_ mode: Top1Mode) throws {
        var rng = SeededRandom(seed: 0x70_4B_10)
        for family in SigmoidFamily.allCases {
            let loss = try SIMDTopKLoss(n: 2, configuration: try config(.oddEven, family: family, steepness: 2, pK: [0.5, 0.5], mode: mode))
            for _ in 0..<20 {
                let s = rng.logits(2)
                let y = Int.random(in: 0..<2, using: &rng)
                let r = try loss.evaluate(logits: s, labels: [y])
                #expect(r.gradLogits[y] <= 0, "n = 2 \(family) \(mode)")
                var raised = s
                raised[y] += 0.25
                #expect(try loss.evaluate(logits: raised, labels: [y]).loss <= r.loss)
            }
        }
        for method in TopKMethod.allCases {
            for family in method.isNetwork ? SigmoidFamily.allCases : [.cauchy] {
                for (n, m) in [(6, nil), (12, nil), (12, 7)] as [(Int, Int?)] {
                    let cfg = try config(method, family: family, steepness: 2, pK: [0.25, 0, 0, 0.75], mode: mode, m: m,
                                         construction: .valid)
                    let loss = try SIMDTopKLoss(n: n, configuration: cfg)
                    for _ in 0..<5 {
                        var s = rng.logits(n)
                        let y = Int.random(in: 0..<n, using: &rng)
                        s[y] = s.min()! - 2
                        let low = try loss.evaluate(logits: s, labels: [y]).loss
                        s[y] = s.max()! + 2
                        let high = try loss.evaluate(logits: s, labels: [y]).loss
                        #expect(high < low, "\(method) \(family) \(mode) n=\(n)")
                    }
                }
            }
        }
    }

    /// A documented counterexample: with the monotonic `optimal` family on the 12-wire bitonic
    /// network, raising the true logit can *raise* the loss (checked by the forward alone).
    @Test func counterexampleDeepNetwork() throws {
        var rng = SeededRandom(seed: 0x70_4B_10)
        let cfg = try config(.bitonic, family: .optimal, steepness: 2, pK: [0.25, 0, 0, 0.75], mode: .sort, construction: .valid)
        let loss = try SIMDTopKLoss(n: 12, configuration: cfg)
        var found = false
        for _ in 0..<200 where !found {
            let s = rng.logits(12)
            let y = Int.random(in: 0..<12, using: &rng)
            var raised = s
            raised[y] += 1e-3
            if try loss.evaluate(logits: raised, labels: [y]).loss > loss.evaluate(logits: s, labels: [y]).loss + 1e-9 { found = true }
        }
        #expect(found)
    }

    /// With P_K = [1] mode `sm` is softmax cross-entropy up to the squeeze (arXiv 2206.07290).
    @Test func pKOneIsCrossEntropy() throws {
        let s: [Double] = [0.3, -1.0, 2.0, 0.9]
        let r = try ReferenceTopKLoss(n: 4, configuration: try config(.bitonic, pK: [1])).evaluate(logits: s, labels: [3])
        let logZ = log(s.map { exp($0) }.reduce(0, +))
        let softmaxY = exp(s[3] - logZ)
        expectClose(r.loss, -log(softmaxY * (1 - 2e-7) + 1e-7), tol: 1e-14)
    }

    /// SoftSort's top-1 column is softmax(s/τ) for any n (arXiv 2206.07290); n = 2 logistic: T_1 = softmax(β·s).
    @Test func exactCoincidences() throws {
        let s: [Double] = [0.3, -1.0, 2.0, 0.9, 1.5]
        let A = try #require(try SIMDTopKLoss(n: 5, configuration: try config(.softSort, steepness: 2, pK: [1]))
            .evaluate(logits: s, labels: [0], computeProbabilities: true).probabilities)
        let e = s.map { exp(2 * $0) }
        expectClose(A, e.map { $0 / e.reduce(0, +) }, tol: 1e-15)
        let A2 = try #require(try SIMDTopKLoss(n: 2, configuration: try config(.oddEven, steepness: 3, pK: [1]))
            .evaluate(logits: [0.4, -0.2], labels: [0], computeProbabilities: true).probabilities)
        expectClose(A2[0], 1 / (1 + exp(-3 * (0.4 - -0.2))), tol: 1e-15)
    }

    /// Translation invariance of the loss for every family; scale covariance A(λs, β) = A(s, λβ).
    @Test(arguments: SigmoidFamily.allCases)
    func translationAndScale(_ family: SigmoidFamily) throws {
        var rng = SeededRandom(seed: 0x70_4B_11)
        let s = rng.logits(9)
        let base = try config(.splitterSelection, family: family, steepness: 3, pK: [0.5, 0, 0.5])
        let r = try SIMDTopKLoss(n: 9, configuration: base).evaluate(logits: s, labels: [4], computeProbabilities: true)
        let shifted = try SIMDTopKLoss(n: 9, configuration: base).evaluate(logits: s.map { $0 + 0.75 }, labels: [4], computeProbabilities: true)
        expectClose(shifted.probabilities!, r.probabilities!, tol: 1e-12, "translation \(family)")
        guard family != .logisticPhi else { return }
        var steeper = base
        steeper.steepness = 6
        let scaled = try SIMDTopKLoss(n: 9, configuration: base).evaluate(logits: s.map { $0 * 2 }, labels: [4], computeProbabilities: true)
        let other = try SIMDTopKLoss(n: 9, configuration: steeper).evaluate(logits: s, labels: [4], computeProbabilities: true)
        expectClose(scaled.probabilities!, other.probabilities!, tol: 1e-12, "scale \(family)")
    }
}

@Suite struct SmoothTopKSVMTests {
    /// a test vector computed with the authors' difftopk package: s = [1, 0.5, −0.3, 2], y = 0, k = 2.
    @Test func specVectors() throws {
        let s: [Double] = [1.0, 0.5, -0.3, 2.0]
        expectClose(try SmoothTopKSVM(n: 4, k: 2, tau: 1, variant: .smooth).evaluate(logits: s, labels: [0]).loss, 1.209332, tol: 1e-6)
        expectClose(try SmoothTopKSVM(n: 4, k: 2, tau: 0.5, variant: .smooth).evaluate(logits: s, labels: [0]).loss, 0.916108, tol: 1e-6)
        expectClose(try SmoothTopKSVM(n: 4, k: 2, tau: 1, variant: .hard).evaluate(logits: s, labels: [0]).loss, 0.75, tol: 1e-15)
        expectClose(try SmoothTopKSVM(n: 4, k: 2, tau: 1, variant: .smoothHard).evaluate(logits: s, labels: [0]).loss, 1.209332, tol: 1e-6)
    }

    /// Brute force over all k-subsets, and finite differences of the gradient.
    @Test func bruteForceAndGradient() throws {
        var rng = SeededRandom(seed: 0x70_4B_40)
        for (n, k, tau) in [(5, 1, 1.0), (6, 2, 0.7), (7, 3, 2.0)] {
            let svm = try SmoothTopKSVM(n: n, k: k, tau: tau, variant: .smooth)
            let s = rng.logits(n)
            let y = Int.random(in: 0..<n, using: &rng)
            var all: [Double] = [], withY: [Double] = []
            func subsets(_ start: Int, _ chosen: [Int]) {
                if chosen.count == k {
                    let mean = chosen.reduce(0.0) { $0 + s[$1] } / Double(k)
                    all.append(((chosen.contains(y) ? 0 : 1) + mean) / tau)
                    if chosen.contains(y) { withY.append(mean / tau) }
                    return
                }
                guard start < n else { return }
                for j in start..<n { subsets(j + 1, chosen + [j]) }
            }
            subsets(0, [])
            func lse(_ v: [Double]) -> Double { let m = v.max()!; return m + Double.log(v.reduce(0) { $0 + Double.exp($1 - m) }) }
            let r = try svm.evaluate(logits: s, labels: [y])
            expectClose(r.loss, tau * (lse(all) - lse(withY)), tol: 1e-12, "brute force n=\(n) k=\(k)")
            for i in 0..<n {
                var p = s, m = s
                p[i] += 1e-6
                m[i] -= 1e-6
                let fd = (try svm.evaluate(logits: p, labels: [y]).loss - svm.evaluate(logits: m, labels: [y]).loss) / 2e-6
                expectClose(r.gradLogits[i], fd, tol: 1e-7, "∂/∂s[\(i)]")
            }
        }
    }

    @Test func badInput() {
        #expect(throws: TopKError.self) { try SmoothTopKSVM(n: 4, k: 4) }
        #expect(throws: TopKError.self) { try SmoothTopKSVM(n: 4, k: 2, tau: 0) }
        #expect(throws: TopKError.labelOutOfRange(row: 0, label: 4, n: 4)) { try SmoothTopKSVM(n: 4, k: 2).evaluate(logits: [0, 1, 2, 3.0], labels: [4]) }
    }
}
