import RealModule
import SortingNetworks

/// The teaching implementation of ``TopKLossFunction``: a literal re-statement of the authors'
/// `TopKCrossEntropyLoss` (arXiv 2206.07290, Eq. 2–4): one row at a time, the
/// **full** (unpruned) network through ``ReferenceTopKAttribution``, or the full `n×n`
/// NeuralSort/SoftSort matrix through ``ReferenceRankRelaxations``; nested arrays, no SIMD.
public struct ReferenceTopKLoss: TopKLossFunction {
    public let n: Int
    public let configuration: TopKConfiguration
    /// The number of wires the sorter works on (`m` or `n`).
    public let sorterSize: Int
    /// The full network (`nil` for NeuralSort/SoftSort).
    public let network: TopKNetwork?
    public let head: TopKLossHead

    public init(n: Int, configuration: TopKConfiguration) throws(TopKError) {
        self.n = n
        self.configuration = configuration
        sorterSize = try configuration.sorterSize(classes: n)
        network = TopKNetwork(method: configuration.method, construction: configuration.construction,
                              n: sorterSize, k: configuration.k)
        head = TopKLossHead(mode: configuration.top1Mode, distribution: configuration.distribution)
    }

    public func evaluate<T: SortScalar>(logits: [T], labels: [Int], computeProbabilities: Bool) throws(TopKError) -> TopKLossResult<T> {
        let batch = try validatedBatch(logits: logits, labels: labels)
        let K = configuration.k
        var total: T = 0
        var grad = [T](repeating: 0, count: logits.count)
        var probabilities: [T] = []
        for row in 0..<batch {
            let full = logits[(row * n)..<((row + 1) * n)]
            // Top-m pre-selection: the sorter sees [s_y, m−1 largest others], label 0.
            let classes = configuration.m.map { topMSelection(full, label: labels[row], m: $0) } ?? Array(0..<n)
            let s = classes.map { full[full.startIndex + $0] }
            let y = configuration.m == nil ? labels[row] : 0

            let (A, backward) = attribution(s)
            let (loss, gradAY, gradDirect) = head.evaluate(attributionRow: A[y], logits: s, label: y)
            var cotangentA = [[T]](repeating: [T](repeating: 0, count: K), count: s.count)
            cotangentA[y] = gradAY
            let gradS = backward(cotangentA)
            total += loss
            for (p, c) in classes.enumerated() {
                grad[row * n + c] += (gradS[p] + gradDirect[p]) / T(batch)
            }
            if computeProbabilities { probabilities += A.flatMap { $0 } }
        }
        return TopKLossResult(loss: total / T(batch), gradLogits: grad,
                              probabilities: computeProbabilities ? probabilities : nil, sorterSize: sorterSize)
    }

    /// `A` of one (reduced) row and a closure computing `∂⟨Ā, A⟩/∂s`.
    func attribution<T: SortScalar>(_ s: [T]) -> ([[T]], ([[T]]) -> [T]) {
        let steepness = T(configuration.steepness)
        if let network {
            let swap = configuration.family.conditionalSwap(steepness: steepness, artLambda: T(configuration.artLambda))
            let trace = ReferenceTopKAttribution.forward(x: s, network: network, swap: swap)
            return (trace.A, { ReferenceTopKAttribution.vectorJacobianProduct(trace: trace, network: network, swap: swap, cotangentA: $0) })
        }
        let neural = configuration.method == .neuralSort
        let tau = 1 / steepness
        let A = ReferenceRankRelaxations.attribution(s, tau: tau, k: configuration.k, neural: neural)
        return (A, { ReferenceRankRelaxations.vectorJacobianProduct(s, tau: tau, cotangentA: $0, neural: neural) })
    }
}
