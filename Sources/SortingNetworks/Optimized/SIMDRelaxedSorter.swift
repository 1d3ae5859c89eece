import RealModule

// SIMDRelaxedSorter — the optimized relaxed sorting network.
//
// Goals, in priority order:
//   1. Agree with ReferenceRelaxedSorter within `SIMDRelaxedSorter.agreementBound` (relative to
//      the magnitude of the compared quantity, see below) for every family, network and n.
//   2. Never materialise a dense layer matrix: each comparator is a sparse wire-pair update,
//      O(n log² n) for values and O(n² log² n) for P (the authors' dense code is O(n³ log² n)).
//   3. Cache-aware P: P rows are independent (row j of P is e_j pushed through the layers), so P
//      is processed in panels of 8 rows held wire-major as SIMD8 vectors; one panel runs through
//      *all* layers forward, and — when a cotangent on P is given — straight back again, so the
//      per-comparator differences it needs stay in a panel-sized buffer (comparators × 64 B).
//   4. No allocation per layer or per panel: every buffer is sized once per call.
//
// Agreement bound: the values path uses the reference's formulas in the same order, so y and
// every α are bit-identical to the reference (tested). P and the backward differ only by the
// order of floating-point operations (the P blend is B + α(A − B) here, αA + (1 − α)B in the
// reference) and the accumulation order of the P part of ᾱ. Errors grow at most linearly in the
// number of layers (sorting-networks.md §4.3), so the bound is stated per layer in units of the
// type's ulp: |optimized − reference| ≤ agreementBound · layers · ε_T · scale, where scale is the
// largest magnitude of the compared arrays (or of x for y). Tested in SIMDAgreementTests.
//
// What was tried (bitonic n = 1024, Cauchy, Double, forward + backward with P, thread CPU time
// per sample on the 2-core AMD EPYC CI machine; `relax bench --n 1024`):
//   - Rejected on paper: column-at-a-time P (the paper's layout) touches two length-n columns
//     with stride n per comparator; full P snapshots per layer for the backward need
//     n²·layers memory (440 MB at n = 1024).
//   - Panels of 8 rows through all layers (kept): panel state n × 64 B (64 KB at n = 1024).
//     First version 41 ms. `SIMD8.sum()` adds lanes serially → tree reduction: 40 ms. Gathering
//     the cotangent panel by lane inserts stalled on store forwarding → build each SIMD8 from 8
//     scalars: 33–35 ms.
//   - Panels of 4 rows (SIMD4, half the difference buffer, fits L2 better): 35 ms — no gain.
//   - Opt-in `-target-cpu haswell` (AVX2 + FMA) build of the same source: 29 ms. The default
//     build stays baseline x86-64 (SSE2).
//   - Calls through the protocol arrive unspecialised; `sort`/`gradient` dispatch Double and
//     Float to specialised kernels (the generic fallback was ~10× slower).
public struct SIMDRelaxedSorter: RelaxedSorter {
    public let n: Int
    public let configuration: SortConfiguration
    public let network: SortingNetwork

    /// The agreement bound with the reference, in ulps per layer (see the file header).
    public static let agreementBound: Double = 64

    /// Flattened comparators in application order (layer boundaries are irrelevant: comparators
    /// of one layer touch disjoint wires).
    let lo: [Int32]
    let hi: [Int32]
    let minWire: [Int32]
    let maxWire: [Int32]

    public init(n: Int, configuration: SortConfiguration) throws(RelaxedSortError) {
        guard n >= 1 else { throw .invalidSize(n) }
        try configuration.validate()
        self.n = n
        self.configuration = configuration
        do {
            network = try SortingNetwork(kind: configuration.network, n: n, construction: configuration.construction)
        } catch { throw .invalidSize(n) }
        let flat = network.layers.flatMap { $0 }
        lo = flat.map { Int32($0.lo) }
        hi = flat.map { Int32($0.hi) }
        minWire = flat.map { Int32($0.minWire) }
        maxWire = flat.map { Int32($0.maxWire) }
    }

    /// Number of comparators.
    var count: Int { lo.count }

    public func sort<T: SortScalar>(_ x: [T], computeP: Bool) throws(RelaxedSortError) -> SortOutput<T> {
        // Calls through the protocol arrive unspecialised; dispatch to the concrete kernels.
        if T.self == Double.self {
            return unsafeBitCast(try sortRows(unsafeBitCast(x, to: [Double].self), computeP: computeP), to: SortOutput<T>.self)
        }
        if T.self == Float.self {
            return unsafeBitCast(try sortRows(unsafeBitCast(x, to: [Float].self), computeP: computeP), to: SortOutput<T>.self)
        }
        return try sortRows(x, computeP: computeP)
    }

    func sortRows<T: SortScalar>(_ x: [T], computeP: Bool) throws(RelaxedSortError) -> SortOutput<T> {
        let batch = try validatedBatch(x)
        var y = [T](repeating: 0, count: x.count)
        var p: [T]? = computeP ? [T](repeating: 0, count: batch * n * n) : nil
        var workspace = Workspace<T>(n: n, comparators: count, storeDifferences: false)
        for row in 0..<batch {
            forwardRow(x, row: row, y: &y, workspace: &workspace)
            if computeP {
                p!.withUnsafeMutableBufferPointer { pb in
                    permutationPanels(row: row, p: pb, cotangentP: nil, workspace: &workspace)
                }
            }
        }
        return SortOutput(n: n, batch: batch, y: y, p: p)
    }

    public func gradient<T: SortScalar>(
        _ x: [T], cotangentY: [T]?, cotangentP: [T]?, computeP: Bool
    ) throws(RelaxedSortError) -> SortGradient<T> {
        if T.self == Double.self {
            return unsafeBitCast(try gradientRows(
                unsafeBitCast(x, to: [Double].self), cotangentY: unsafeBitCast(cotangentY, to: [Double]?.self),
                cotangentP: unsafeBitCast(cotangentP, to: [Double]?.self), computeP: computeP), to: SortGradient<T>.self)
        }
        if T.self == Float.self {
            return unsafeBitCast(try gradientRows(
                unsafeBitCast(x, to: [Float].self), cotangentY: unsafeBitCast(cotangentY, to: [Float]?.self),
                cotangentP: unsafeBitCast(cotangentP, to: [Float]?.self), computeP: computeP), to: SortGradient<T>.self)
        }
        return try gradientRows(x, cotangentY: cotangentY, cotangentP: cotangentP, computeP: computeP)
    }

    func gradientRows<T: SortScalar>(
        _ x: [T], cotangentY: [T]?, cotangentP: [T]?, computeP: Bool
    ) throws(RelaxedSortError) -> SortGradient<T> {
        let batch = try validatedBatch(x, cotangentY: cotangentY, cotangentP: cotangentP)
        let withP = computeP || cotangentP != nil
        var y = [T](repeating: 0, count: x.count)
        var p: [T] = withP ? [T](repeating: 0, count: batch * n * n) : []
        var gradX = [T](repeating: 0, count: x.count)
        var workspace = Workspace<T>(n: n, comparators: count, storeDifferences: cotangentP != nil)
        for row in 0..<batch {
            forwardRow(x, row: row, y: &y, workspace: &workspace)
            for c in 0..<count { workspace.alphaBar[c] = 0 }
            if withP {
                p.withUnsafeMutableBufferPointer { pb in
                    cotangentP.withUnsafeBufferPointerIfPresent { cp in
                        permutationPanels(row: row, p: pb, cotangentP: cp, workspace: &workspace)
                    }
                }
            }
            backwardValues(row: row, cotangentY: cotangentY, gradX: &gradX, workspace: &workspace)
        }
        return SortGradient(output: SortOutput(n: n, batch: batch, y: y, p: withP ? p : nil), gradX: gradX)
    }
}

/// Buffers sized once per call and reused for every row and panel.
struct Workspace<T: SortScalar> {
    var values: [T]
    /// Per comparator: α, dα/dd and a − b of the forward pass of the current row.
    var alpha: [T]
    var dAlpha: [T]
    var aMinusB: [T]
    /// Per comparator: ∂L/∂α accumulated from the P cotangent (then the value part is added).
    var alphaBar: [T]
    /// Panel state (wire-major, 8 P-rows per SIMD8) and its cotangent.
    var panel: [SIMD8<T>]
    var panelBar: [SIMD8<T>]
    /// Per comparator, the panel's A − B at the comparator's input (only with a P cotangent).
    var differences: [SIMD8<T>]

    init(n: Int, comparators: Int, storeDifferences: Bool) {
        values = [T](repeating: 0, count: n)
        alpha = [T](repeating: 0, count: comparators)
        dAlpha = [T](repeating: 0, count: comparators)
        aMinusB = [T](repeating: 0, count: comparators)
        alphaBar = [T](repeating: 0, count: comparators)
        panel = [SIMD8<T>](repeating: .zero, count: n)
        panelBar = storeDifferences ? [SIMD8<T>](repeating: .zero, count: n) : []
        differences = storeDifferences ? [SIMD8<T>](repeating: .zero, count: comparators) : []
    }
}

extension Optional {
    /// Calls `body` with a buffer pointer over the wrapped array, or `nil`.
    func withUnsafeBufferPointerIfPresent<E, R>(_ body: (UnsafeBufferPointer<E>?) -> R) -> R where Wrapped == [E] {
        switch self {
        case .some(let array): array.withUnsafeBufferPointer { body($0) }
        case .none: body(nil)
        }
    }
}
