import Dispatch
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
// number of layers (arXiv 2203.09630), so the bound is stated per layer in units of the
// type's ulp: |optimized − reference| ≤ agreementBound · layers · ε_T · scale, where scale is the
// largest magnitude of the compared arrays (the gradient bound carries an extra factor n for
// the n-term ᾱ sums). Tested in SIMDAgreementTests over every family, network and n = 1…70 in
// Float and Double: the worst case lies between 0.5 and 1 ulp per layer (a bound of 0.5 fails,
// 1 passes), so the stated bound of 4 leaves a margin of 4–8× without hiding a real defect.
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
//   - Opt-in `-target-cpu haswell` (AVX2 + FMA) build of the same source: 29 ms against 34 ms
//     for the first version; after the pointer-workspace rewrite 33.0–33.4 ms against
//     33.5–34.6 ms (alternating runs), i.e. no real gain; `znver4` likewise. The default build
//     stays baseline x86-64 (SSE2).
//   - Calls through the protocol arrive unspecialised; `sort`/`gradient` dispatch Double and
//     Float to specialised kernels (the generic fallback was ~10× slower).
public struct SIMDRelaxedSorter: RelaxedSorter {
    public let n: Int
    public let configuration: SortConfiguration
    public let network: SortingNetwork

    /// The agreement bound with the reference, in ulps per layer (see the file header).
    public static let agreementBound: Double = 4

    /// Flattened comparators in application order (layer boundaries are irrelevant: comparators
    /// of one layer touch disjoint wires).
    let wiring: ComparatorWiring

    /// Worker threads for batches: rows are independent, so a batch is split into contiguous
    /// blocks of rows, one workspace per thread. Results do not depend on the thread count.
    public var threads: Int = 1

    public init(n: Int, configuration: SortConfiguration) throws(RelaxedSortError) {
        network = try configuration.makeNetwork(n: n)
        self.n = n
        self.configuration = configuration
        wiring = ComparatorWiring(network)
    }

    /// The same sorter with `threads` worker threads (at least 1).
    public init(n: Int, configuration: SortConfiguration, threads: Int) throws(RelaxedSortError) {
        try self.init(n: n, configuration: configuration)
        self.threads = max(1, threads)
    }

    /// Runs `body(rows, workspace)` on contiguous blocks of rows, in parallel when `threads > 1`.
    func forEachRowBlock<T: SortScalar>(
        batch: Int, storeDifferences: Bool, _ body: (Range<Int>, Workspace<T>) -> Void
    ) {
        let workers = min(threads, batch)
        guard workers > 1 else {
            body(0..<batch, Workspace<T>(n: n, comparators: wiring.count, storeDifferences: storeDifferences))
            return
        }
        let per = (batch + workers - 1) / workers
        let (n, comparators) = (self.n, wiring.count)
        withoutActuallyEscaping(body) { body in
            // Safe: every block touches disjoint rows of the outputs and its own workspace, and
            // concurrentPerform returns only when every block is done.
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                let rows = (w * per)..<min(batch, (w + 1) * per)
                if !rows.isEmpty {
                    body(rows, Workspace<T>(n: n, comparators: comparators, storeDifferences: storeDifferences))
                }
            }
        }
    }

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
        var p = [T](repeating: 0, count: computeP ? batch * n * n : 0)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                p.withUnsafeMutableBufferPointer { p in
                    // Each block writes only its own rows of y and P.
                    let (xb, yb, pb) = (x.baseAddress, y.baseAddress, p.baseAddress)
                    forEachRowBlock(batch: batch, storeDifferences: false) { (rows: Range<Int>, workspace: Workspace<T>) in
                        for row in rows {
                            forwardRow(xb! + row * n, y: yb! + row * n, workspace)
                            if computeP { permutationPanels(pb! + row * n * n, cotangentP: nil, workspace) }
                        }
                    }
                }
            }
        }
        return SortOutput(n: n, batch: batch, y: y, p: computeP ? p : nil)
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
        var p = [T](repeating: 0, count: withP ? batch * n * n : 0)
        var gradX = [T](repeating: 0, count: x.count)
        let cy = cotangentY ?? [], cp = cotangentP ?? []
        let hasCotangentY = cotangentY != nil, hasCotangentP = cotangentP != nil
        x.withUnsafeBufferPointer { x in
        y.withUnsafeMutableBufferPointer { y in
        p.withUnsafeMutableBufferPointer { p in
        gradX.withUnsafeMutableBufferPointer { gradX in
        cy.withUnsafeBufferPointer { cy in
        cp.withUnsafeBufferPointer { cp in
            // Each block writes only its own rows of y, P and ∂x.
            let (xb, yb, pb, gb, cyb, cpb) = (x.baseAddress, y.baseAddress, p.baseAddress, gradX.baseAddress, cy.baseAddress, cp.baseAddress)
            forEachRowBlock(batch: batch, storeDifferences: hasCotangentP) { (rows: Range<Int>, workspace: Workspace<T>) in
                for row in rows {
                    forwardRow(xb! + row * n, y: yb! + row * n, workspace)
                    workspace.alphaBar.update(repeating: 0, count: wiring.count)
                    if withP {
                        permutationPanels(pb! + row * n * n, cotangentP: hasCotangentP ? cpb! + row * n * n : nil, workspace)
                    }
                    backwardValues(cotangentY: hasCotangentY ? cyb! + row * n : nil, gradX: gb! + row * n, workspace)
                }
            }
        }}}}}}
        return SortGradient(output: SortOutput(n: n, batch: batch, y: y, p: withP ? p : nil), gradX: gradX)
    }
}

/// The flattened comparator list as raw index buffers (allocated once, never mutated).
final class ComparatorWiring: @unchecked Sendable {
    // @unchecked: the buffers are written only in init and freed in deinit.
    let count: Int
    let lo, hi, minWire, maxWire: UnsafeMutablePointer<Int32>

    init(_ network: SortingNetwork) {
        let flat = network.layers.flatMap { $0 }
        count = flat.count
        func buffer(_ wire: (SortingNetwork.Comparator) -> Int) -> UnsafeMutablePointer<Int32> {
            let b = UnsafeMutablePointer<Int32>.allocate(capacity: max(flat.count, 1))
            for (c, comparator) in flat.enumerated() { b[c] = Int32(wire(comparator)) }
            return b
        }
        lo = buffer(\.lo)
        hi = buffer(\.hi)
        minWire = buffer(\.minWire)
        maxWire = buffer(\.maxWire)
    }

    deinit {
        for b in [lo, hi, minWire, maxWire] { b.deallocate() }
    }
}

/// Buffers sized once per call and reused for every row and panel.
final class Workspace<T: SortScalar> {
    let n: Int
    /// Wire values of the current row (forward), then their cotangents (backward).
    let values: UnsafeMutablePointer<T>
    /// Per comparator: α, dα/dd and a − b of the forward pass of the current row.
    let alpha, dAlpha, aMinusB: UnsafeMutablePointer<T>
    /// Per comparator: ∂L/∂α accumulated from the P cotangent (then the value part is added).
    let alphaBar: UnsafeMutablePointer<T>
    /// Panel state (wire-major, 8 P-rows per SIMD8) and its cotangent.
    let panel, panelBar: UnsafeMutablePointer<SIMD8<T>>
    /// Per comparator, the panel's A − B at the comparator's input (used with a P cotangent).
    let differences: UnsafeMutablePointer<SIMD8<T>>

    init(n: Int, comparators: Int, storeDifferences: Bool) {
        let c = max(comparators, 1)
        func scalars(_ count: Int) -> UnsafeMutablePointer<T> {
            let b = UnsafeMutablePointer<T>.allocate(capacity: count)
            b.initialize(repeating: 0, count: count)
            return b
        }
        func vectors(_ count: Int) -> UnsafeMutablePointer<SIMD8<T>> {
            let b = UnsafeMutablePointer<SIMD8<T>>.allocate(capacity: count)
            b.initialize(repeating: .zero, count: count)
            return b
        }
        self.n = n
        values = scalars(n)
        alpha = scalars(c)
        dAlpha = scalars(c)
        aMinusB = scalars(c)
        alphaBar = scalars(c)
        panel = vectors(n)
        panelBar = vectors(storeDifferences ? n : 1)
        differences = vectors(storeDifferences ? c : 1)
    }

    deinit {
        for b in [values, alpha, dAlpha, aMinusB, alphaBar] { b.deallocate() }
        for b in [panel, panelBar, differences] { b.deallocate() }
    }
}
