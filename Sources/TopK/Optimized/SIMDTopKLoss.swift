import RealModule
import SortingNetworks

// SIMDTopKLoss — the optimized top-k cross-entropy.
//
// Goals, in priority order:
//   1. Agree with ReferenceTopKLoss within `SIMDTopKLoss.agreementBound` (see below) for every
//      method, family, mode, P_K, n and m.
//   2. Evaluate only the comparators that can influence the top-K wires (the cone, exact pruning
//      of arXiv 2206.07290, proven in Proofs/TopK) and only the K attribution columns, on an
//      in-place n×K buffer held as SIMD8 vectors over K (one vector per wire for K ≤ 8): never an
//      n×n matrix, never a dense layer matrix.
//   3. Closed-form backward in O(C) extra work: the loss reads only row y of A and its cotangent
//      is rank one (factor·w, w the column weights), so ∂loss/∂α_c = factor·(p[lo] − p[hi])·⟨w, R_min − R_max⟩
//      where p is row y of the partial permutation matrix, pushed forward with the values. No
//      per-layer snapshots of the n×K buffer are kept (3 scalars per comparator instead).
//   4. No allocation per layer or per row: all buffers are sized once per call.
//
// Agreement bound: both implementations compute the same α per comparator (same sigmoid calls);
// the optimized path differs only in the order of floating-point operations (the ᾱ sum is
// factorised, assembly and values are unchanged). Rounding errors grow at most linearly with the
// number of layers, so the bound is |optimized − reference| ≤ agreementBound · (layers + 1) · ε_T
// · scale, with scale = max(1, |reference|) per compared array (loss, gradient, probabilities).
//
// What was tried:
//   - A cotangent U of shape n×K pushed forward (the generic VJP of the reference): K times the
//     work of the scalar p-vector and an n×K snapshot per layer; replaced by the rank-one form.
//   - Batch-major SIMD (8 rows per vector): every comparator needs its own α per row, so the
//     sigmoid dominates either way; SIMD over K keeps the code row-local and simple.
public struct SIMDTopKLoss: TopKLossFunction {
    public let n: Int
    public let configuration: TopKConfiguration
    public let sorterSize: Int
    /// The network actually evaluated (pruned to the cone if `configuration.pruned`).
    public let network: TopKNetwork?
    public let head: TopKLossHead

    /// The agreement bound with the reference, in ulps per layer (see the file header).
    public static let agreementBound: Double = 64

    let lo: [Int]
    let hi: [Int]
    let minWire: [Int]
    let maxWire: [Int]
    /// lo, hi, minWire, maxWire as one Int32 buffer for the batched C kernel.
    let wiring32: [Int32]

    /// The instruction set of the batched kernel (Float, Cauchy): `.avx2FMA` is chosen at run
    /// time and falls back to the baseline kernel on a CPU without AVX2 and FMA.
    public var instructionSet: SIMDRelaxedSorter.InstructionSet = .baseline

    public init(n: Int, configuration: TopKConfiguration) throws(TopKError) {
        self.n = n
        self.configuration = configuration
        sorterSize = try configuration.sorterSize(classes: n)
        let full = TopKNetwork(method: configuration.method, construction: configuration.construction,
                               n: sorterSize, k: configuration.k)
        network = configuration.pruned ? full?.pruned() : full
        head = TopKLossHead(mode: configuration.top1Mode, distribution: configuration.distribution)
        let flat = network?.layers.flatMap { $0 } ?? []
        lo = flat.map(\.lo)
        hi = flat.map(\.hi)
        minWire = flat.map(\.minWire)
        maxWire = flat.map(\.maxWire)
        wiring32 = (lo + hi + minWire + maxWire).map { Int32($0) }
    }

    /// The same loss with the given instruction set for the batched kernel.
    public init(n: Int, configuration: TopKConfiguration, instructionSet: SIMDRelaxedSorter.InstructionSet) throws(TopKError) {
        try self.init(n: n, configuration: configuration)
        self.instructionSet = instructionSet
    }

    /// Layers of the evaluated network (1 for NeuralSort/SoftSort), for the agreement bound.
    public var depth: Int { network?.layers.count ?? 1 }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    public func evaluate<T: SortScalar>(logits: [T], labels: [Int], computeProbabilities: Bool) throws(TopKError) -> TopKLossResult<T> {
        let batch = try validatedBatch(logits: logits, labels: labels)
        if usesBatchedKernel(T.self) {
            return unsafeBitCast(evaluateBatched(logits: unsafeBitCast(logits, to: [Float].self), labels: labels, batch: batch,
                                                 computeProbabilities: computeProbabilities), to: TopKLossResult<T>.self)
        }
        let m = sorterSize, K = configuration.k
        var workspace = Workspace<T>(n: m, k: K, comparators: lo.count, weights: head.columnWeights)
        var total: T = 0
        var grad = [T](repeating: 0, count: logits.count)
        var probabilities: [T] = computeProbabilities ? [T](repeating: 0, count: batch * m * K) : []
        var s = [T](repeating: 0, count: m)
        var classes = Array(0..<m)
        var aY = [T](repeating: 0, count: K)
        for row in 0..<batch {
            let full = logits[(row * n)..<((row + 1) * n)]
            let y: Int
            if let mm = configuration.m {
                classes = topMSelection(full, label: labels[row], m: mm)
                y = 0
            } else {
                y = labels[row]
            }
            for p in 0..<m { s[p] = full[full.startIndex + classes[p]] }

            if network != nil {
                forwardNetwork(s, label: y, workspace: &workspace)
            } else {
                workspace.rankForward(s, label: y, tau: 1 / T(configuration.steepness), neural: configuration.method == .neuralSort)
            }
            workspace.attributionRow(y, into: &aY)
            let (loss, factor, gradDirect) = head.evaluateFactored(attributionRow: aY, logits: s, label: y)
            total += loss
            if network != nil {
                backwardNetwork(factor: factor, workspace: &workspace)
            } else {
                workspace.rankBackward(s, label: y, factor: factor, tau: 1 / T(configuration.steepness),
                                       neural: configuration.method == .neuralSort)
            }
            let scale = 1 / T(batch)
            for p in 0..<m { grad[row * n + classes[p]] += (workspace.g[p] + gradDirect[p]) * scale }
            if computeProbabilities { workspace.copyAttribution(into: &probabilities, offset: row * m * K) }
        }
        return TopKLossResult(loss: total / T(batch), gradLogits: grad,
                              probabilities: computeProbabilities ? probabilities : nil, sorterSize: m)
    }
}
