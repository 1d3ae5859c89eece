import CSortingKernels
import CPUFeatures
import Dispatch
import RealModule

// SIMDRelaxedSorter — the optimized relaxed sorting network.
//
// Goals, in priority order:
//   1. Agree with ReferenceRelaxedSorter within `SIMDRelaxedSorter.agreementBound` (relative to
//      the magnitude of the compared quantity, see below) for every family, network and n, with
//      either panel kernel.
//   2. Never materialise a dense layer matrix: each comparator is a sparse wire-pair update,
//      O(n log² n) for values and O(n² log² n) for P (the authors' dense code is O(n³ log² n)).
//   3. Cache-aware P: P rows are independent (row j of P is e_j pushed through the layers), so P
//      is processed in panels of 8 rows held wire-major as 8-lane vectors; one panel runs through
//      *all* layers forward, and — when a cotangent on P is given — straight back again, so the
//      per-comparator differences it needs stay in a panel-sized buffer (comparators × 64 B).
//   4. Few loads and stores per comparator: the panel kernel (C, Sources/CSortingKernels) runs a
//      schedule in which two consecutive layers whose comparators close on four wires (bitonic
//      strides 2s then s) are fused into "quads": four wires are loaded, two layers applied in
//      registers, four wires stored — half the panel traffic. Each comparator still computes
//      the same floating-point operations on the same inputs, so fusion changes no bit.
//      Comparators outside a panel's cone (the input wires that can reach them) are skipped.
//   5. The default build runs on any x86-64; an AVX2 + FMA instance of the same C source is
//      chosen at run time (`InstructionSet.avx2FMA`, `SortingImplementation.optimizedAVX2`).
//   6. No allocation per layer or per panel: every buffer is sized once per call.
//
// Agreement bound: the values path uses the reference's formulas in the same order, so y and
// every α are bit-identical to the reference (tested). P and the backward differ only by the
// order of floating-point operations (the P blend is B + α(A − B) here, αA + (1 − α)B in the
// reference; with FMA it is rounded once instead of twice) and the accumulation order of the P
// part of ᾱ. Each layer is a convex blend of two wires, so rounding errors add at most linearly
// over the layers, and the bound is stated per layer in units of the type's ulp:
// |optimized − reference| ≤ agreementBound · layers · ε_T · scale, where scale is the largest
// magnitude of the compared arrays (the gradient bound carries an extra factor n for the n-term
// ᾱ sums). Tested in SIMDAgreementTests for both kernels over every family, network and
// n = 1…70 in Float and Double, and at n = 96…200: the worst case lies between 0.5 and 1 ulp
// per layer (a bound of 0.5 fails, 1 passes), so the stated bound of 4 leaves a margin of 4–8×
// without hiding a real defect.
//
// What was tried (bitonic n = 1024, Cauchy, Double, forward + backward with P, thread CPU time
// per sample on the 2-core AMD EPYC CI machine; `relax bench --n 1024`). Absolute times depend
// on how many other jobs share the two cores (the same binary measured 33 ms on a quiet
// machine and 60–78 ms under a load average of 12), so every comparison below is A/B in
// alternating runs of one session:
//   - Rejected on paper: column-at-a-time P (the paper's layout) touches two length-n columns
//     with stride n per comparator; full P snapshots per layer for the backward need
//     n²·layers memory (440 MB at n = 1024).
//   - Swift SIMD8 panels of 8 rows through all layers: 41 ms first, 33–35 ms after a tree
//     reduction for ᾱ and building the cotangent panel from 8 scalars (quiet machine). Panels of
//     4 rows: 35 ms. `-target-cpu haswell` build of that Swift source: no real gain (33.0–33.4 vs
//     33.5–34.6 ms) — Swift's SIMD8<Double> did not turn into good AVX2 code.
//   - The same algorithm in C with clang vector extensions, one comparator at a time: 43 ms
//     (SSE2) and 31 ms (AVX2 + FMA) for the P part against 71–78 ms for the whole Swift sorter
//     in the same loaded session.
//   - Recomputing the differences per segment of 1024 or 4096 comparators from panel snapshots
//     instead of storing all of them (to keep them in L2): slower, 65–69 ms (SSE2) and 41–53 ms
//     (AVX2) against 43 and 31 ms. Time per comparator and panel is the same at n = 128 (all
//     in L1/L2) and n = 2048, so the kernel is bound by instructions (loads, stores, index
//     arithmetic), not by the cache level of the difference buffer.
//   - Layer-pair fusion into quads (kept): 6912 of 7424 operations are quads at n = 1024,
//     i.e. 98 % of the comparators are fused (unfused: the single layer that opens each odd
//     stage). Without grouping the quads by direction the 16-way switch mispredicted (64 →
//     38 ms); grouped: AVX2 28–33 ms, SSE2 51–61 ms for the P part. Whole sorter in the same
//     session: see the README table (`Benchmarks/scaling.sh`).
//   - Cones (kept; issue 10): row j of P is e_j pushed through the network, so a comparator
//     can be non-zero in row j only if input wire j reaches it. schedule.c computes for every
//     operation the hull of the input wires that reach it (one pass), groups operations into
//     segments of one direction mask and hull, and the kernel skips a segment whose hull misses
//     the panel's 8 rows (exact: it would map zeros to zeros, and its backward would add
//     ⟨0, e⟩ = 0). In a bitonic network stage b acts inside aligned blocks of 2^(b+1) wires, so
//     a panel meets 9,224 of the 28,160 comparators at n = 1024 (3.05× less work). P and ᾱ are
//     bit-identical to the kernel without skipping (checked on bitonic and odd-even networks,
//     n = 8…2048, in a C harness). P kernel alone, n = 1024, AVX2, A/B in one session: 28.6 →
//     11.4 ms; SSE2: 58.2 → 22.2 ms.
//   - Branch-free segments: within a segment the direction mask is fixed, so the 16-way switch
//     runs once per segment instead of once per quad.
//   - Hoisted wire indices and slot pointers (the compiler re-read them after every vector
//     store, which may alias), the ⟨d, e⟩ halving as one multiply–add, 4-wire shuffle
//     transposes for writing P and reading its cotangent, and zeroing the panel during the
//     write-out instead of a memset per panel: 59.3 M → 50.4 M instructions per sample in the
//     P kernel (callgrind, n = 1024, AVX2), ᾱ rounding changes only by the multiply–add.
//   - FFT-style blocking (kept): a run of operation groups that stay inside aligned blocks of
//     256 wires is emitted block by block, so a panel's 16 KB block stays in L1 through the
//     run; bit-identical, 7 % fewer simulated L1 misses (cachegrind, 32 KB L1), time within
//     the noise of the loaded machine. Most remaining L1 and L2 misses are the difference buffer
//     (9,224 × 64 B = 590 KB per panel, just above the 512 KB L2).
//   - P is no longer zero-filled before the kernel writes every entry (8 MB per sample), and
//     the finiteness check of the P cotangent runs specialised (FiniteScan.swift; it was 4 %
//     of a whole call, unspecialised).
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

    /// The instruction set of the P panel kernel (the values path is Swift either way).
    public var instructionSet: InstructionSet = .baseline

    /// Instruction sets of the P panel kernel. `.avx2FMA` is chosen at run time: on a CPU
    /// without AVX2 and FMA it runs the baseline kernel (see ``avx2FMAAvailable``).
    public enum InstructionSet: String, Sendable, CaseIterable {
        /// The build's target: any x86-64 (SSE2) by default.
        case baseline
        /// AVX2 + FMA (fused multiply–add rounds once where the baseline rounds twice).
        case avx2FMA = "avx2-fma"
    }

    /// Whether this CPU runs the AVX2 + FMA kernel.
    public static var avx2FMAAvailable: Bool { relax_cpu_has_avx2_fma() != 0 }

    public init(n: Int, configuration: SortConfiguration) throws(RelaxedSortError) {
        network = try configuration.makeNetwork(n: n)
        self.n = n
        self.configuration = configuration
        wiring = ComparatorWiring(network)
    }

    /// The same sorter with `threads` worker threads (at least 1) and the given panel kernel.
    public init(n: Int, configuration: SortConfiguration, threads: Int = 1, instructionSet: InstructionSet = .baseline) throws(RelaxedSortError) {
        try self.init(n: n, configuration: configuration)
        self.threads = max(1, threads)
        self.instructionSet = instructionSet
    }

    /// Runs `body(rows, workspace)` on contiguous blocks of rows, in parallel when `threads > 1`.
    func forEachRowBlock<T: SortScalar>(
        batch: Int, withP: Bool, _ body: (Range<Int>, Workspace<T>) -> Void
    ) {
        let workers = min(threads, batch)
        guard workers > 1 else {
            body(0..<batch, Workspace<T>(n: n, comparators: wiring.count, withP: withP))
            return
        }
        let per = (batch + workers - 1) / workers
        let (n, comparators) = (self.n, wiring.count)
        withoutActuallyEscaping(body) { body in
            // Safe: every block touches disjoint rows of the outputs and its own workspace, and
            // concurrentPerform returns only when every block is done.
            nonisolated(unsafe) let body = body
            DispatchQueue.concurrentPerform(iterations: workers) { w in
                // min on both ends: with e.g. 11 rows on 8 workers (2 per block) the last blocks
                // are empty, and a range with lower > upper bound would trap.
                let rows = min(batch, w * per)..<min(batch, (w + 1) * per)
                if !rows.isEmpty {
                    body(rows, Workspace<T>(n: n, comparators: comparators, withP: withP))
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
        var p = Self.permutationStorage(T.self, count: computeP ? batch * n * n : 0)
        x.withUnsafeBufferPointer { x in
            y.withUnsafeMutableBufferPointer { y in
                p.withUnsafeMutableBufferPointer { p in
                    // Each block writes only its own rows of y and P.
                    let (xb, yb, pb) = (x.baseAddress, y.baseAddress, p.baseAddress)
                    forEachRowBlock(batch: batch, withP: computeP) { (rows: Range<Int>, workspace: Workspace<T>) in
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
        let batch = try validatedBatch(x, cotangentY: cotangentY, cotangentP: cotangentP, forGradient: true)
        let withP = computeP || cotangentP != nil
        var y = [T](repeating: 0, count: x.count)
        var p = Self.permutationStorage(T.self, count: withP ? batch * n * n : 0)
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
            forEachRowBlock(batch: batch, withP: withP) { (rows: Range<Int>, workspace: Workspace<T>) in
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

extension SIMDRelaxedSorter {
    /// Storage for P that is not zero-filled first: the panel kernel writes every entry of every
    /// row (each panel writes all n wires of its rows, and the panels cover all n rows), so a
    /// zero fill would be a wasted pass over batch·n² scalars (8 MB per sample at n = 1024).
    static func permutationStorage<T: SortScalar>(_: T.Type, count: Int) -> [T] {
        [T](unsafeUninitializedCapacity: count) { _, initialized in initialized = count }
    }
}

/// The flattened comparator list as raw index buffers, and the panel kernel's schedule of it
/// (allocated once, never mutated).
final class ComparatorWiring: @unchecked Sendable {
    // @unchecked: the buffers are written only in init and freed in deinit.
    let count: Int
    let lo, hi, minWire, maxWire: UnsafeMutablePointer<Int32>
    /// Quads and single comparators for the C panel kernel (see schedule.c).
    let ops, perm, segments: UnsafeMutablePointer<Int32>
    let schedule: relax_schedule

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
        ops = .allocate(capacity: 8 * max(count, 1))
        perm = .allocate(capacity: max(count, 1))
        segments = .allocate(capacity: 8 * max(count, 1))
        let straight = flat.map { UInt8($0.descending ? 0 : 1) }
        var layerStart: [Int32] = [0]
        for layer in network.layers { layerStart.append(layerStart.last! + Int32(layer.count)) }
        var segmentCount = 0
        let opCount = relax_schedule_build(network.n, count, lo, hi, straight, layerStart, network.layers.count, ops, perm,
                                           segments, &segmentCount)
        schedule = relax_schedule(n: network.n, count: count, ops: opCount, op: ops, perm: perm,
                                  segments: segmentCount, seg: segments)
    }

    deinit {
        for b in [lo, hi, minWire, maxWire, ops, perm, segments] { b.deallocate() }
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
    /// The C panel kernel's workspace: panel, its cotangent, per-slot differences, α and ᾱ.
    let panelWorkspace: UnsafeMutableRawPointer

    init(n: Int, comparators: Int, withP: Bool) {
        let c = max(comparators, 1)
        func scalars(_ count: Int) -> UnsafeMutablePointer<T> {
            let b = UnsafeMutablePointer<T>.allocate(capacity: count)
            b.initialize(repeating: 0, count: count)
            return b
        }
        self.n = n
        values = scalars(n)
        alpha = scalars(c)
        dAlpha = scalars(c)
        aMinusB = scalars(c)
        alphaBar = scalars(c)
        let scalarBytes = MemoryLayout<T>.size == 4 ? 4 : 8
        panelWorkspace = .allocate(byteCount: withP ? relax_panel_workspace_bytes(n, comparators, scalarBytes) : 64, alignment: 64)
    }

    deinit {
        for b in [values, alpha, dAlpha, aMinusB, alphaBar] { b.deallocate() }
        panelWorkspace.deallocate()
    }
}
