import RealModule
import SortingNetworks

/// Per-call buffers of ``SIMDTopKLoss`` (sized once, reused for every row).
struct Workspace<T: SortScalar> {
    let n: Int
    let k: Int
    /// SIMD8 vectors per wire of the n×K buffer.
    let chunks: Int
    var values: [T]
    /// Row `y` of the partial relaxed permutation matrix, pushed forward with the values.
    var p: [T]
    /// Gradient of the loss through the sorter with respect to the (reduced) logits.
    var g: [T]
    var alpha: [T]
    var dAlpha: [T]
    /// `a − b` at each comparator.
    var diff: [T]
    /// `p[lo] − p[hi]` before each comparator.
    var pDelta: [T]
    /// `⟨w, R_min − R_max⟩` at each comparator during the assembly.
    var sDot: [T]
    /// The n×K attribution buffer, wire-major, `chunks` SIMD8 vectors per wire.
    var R: [SIMD8<T>]
    /// Column weights `w_j`, zero-padded.
    var w: [SIMD8<T>]
    /// NeuralSort/SoftSort: the K slot distributions, slot-major (`K × n`), and the sort order.
    var columns: [T]
    var order: [Int]
    var aux: [T]

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    init(n: Int, k: Int, comparators: Int, weights: [Double]) {
        self.n = n
        self.k = k
        chunks = (k + 8) / 8  // K attribution lanes plus the weighted lane r = R·w at lane K
        values = [T](repeating: 0, count: n)
        p = values
        g = values
        alpha = [T](repeating: 0, count: comparators)
        dAlpha = alpha
        diff = alpha
        pDelta = alpha
        sDot = alpha
        R = [SIMD8<T>](repeating: .zero, count: n * chunks)
        w = [SIMD8<T>](repeating: .zero, count: chunks)
        for (j, wj) in weights.enumerated() { w[j / 8][j % 8] = T(wj) }
        columns = []
        order = Array(0..<n)
        aux = [T](repeating: 0, count: n)
    }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func attributionRow(_ y: Int, into aY: inout [T]) {
        for j in 0..<k { aY[j] = R[y * chunks + j / 8][j % 8] }
    }

    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func copyAttribution(into out: inout [T], offset: Int) {
        for i in 0..<n {
            for j in 0..<k { out[offset + i * k + j] = R[i * chunks + j / 8][j % 8] }
        }
    }

    /// `R ← E` (the last K columns of the identity) and lane K ← `E·w`. Every comparator updates
    /// all lanes by the same linear blend, so lane K stays `R·w` and `⟨w, R_min − R_max⟩` is read
    /// off one lane instead of a horizontal sum.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    mutating func resetAssembly() {
        for i in R.indices { R[i] = .zero }
        for j in 0..<k {
            R[(n - k + j) * chunks + j / 8][j % 8] = 1
            R[(n - k + j) * chunks + k / 8][k % 8] = w[j / 8][j % 8]
        }
    }
}

extension SIMDTopKLoss {
    /// Values forward (recording α, dα/dd, a − b and the p-vector differences), then the
    /// in-place backward assembly of the n×K buffer (recording ⟨w, R_min − R_max⟩).
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func forwardNetwork<T: SortScalar>(_ s: [T], label y: Int, workspace ws: inout Workspace<T>) {
        let kernel = SigmoidKernel<T>(family: configuration.family, steepness: T(configuration.steepness), artLambda: T(configuration.artLambda))
        let count = lo.count, chunks = ws.chunks, lane = ws.k
        for i in 0..<ws.n {
            ws.values[i] = s[i]
            ws.p[i] = i == y ? 1 : 0
        }
        ws.resetAssembly()
        lo.withUnsafeBufferPointer { lo in hi.withUnsafeBufferPointer { hi in
        minWire.withUnsafeBufferPointer { mnW in maxWire.withUnsafeBufferPointer { mxW in
        ws.values.withUnsafeMutableBufferPointer { v in ws.p.withUnsafeMutableBufferPointer { p in
        ws.alpha.withUnsafeMutableBufferPointer { alpha in ws.dAlpha.withUnsafeMutableBufferPointer { dAlpha in
        ws.diff.withUnsafeMutableBufferPointer { diff in ws.pDelta.withUnsafeMutableBufferPointer { pDelta in
        ws.sDot.withUnsafeMutableBufferPointer { sDot in ws.R.withUnsafeMutableBufferPointer { R in
            for c in 0..<count {
                let a = v[lo[c]], b = v[hi[c]]
                let (al, da) = kernel(b - a)
                alpha[c] = al
                dAlpha[c] = da
                diff[c] = a - b
                v[mnW[c]] = al * a + (1 - al) * b
                v[mxW[c]] = (1 - al) * a + al * b
                let pl = p[lo[c]], ph = p[hi[c]]
                pDelta[c] = pl - ph
                p[mnW[c]] = al * pl + (1 - al) * ph
                p[mxW[c]] = (1 - al) * pl + al * ph
            }
            let wq = lane / 8, wl = lane % 8
            var c = count - 1
            if chunks == 1 {
                while c >= 0 {
                    let al = alpha[c], bl = 1 - al
                    let rMin = R[mnW[c]], rMax = R[mxW[c]]
                    sDot[c] = rMin[wl] - rMax[wl]
                    R[lo[c]] = al * rMin + bl * rMax
                    R[hi[c]] = bl * rMin + al * rMax
                    c -= 1
                }
            } else {
                while c >= 0 {
                    let al = alpha[c], bl = 1 - al
                    let mn = mnW[c] * chunks, mx = mxW[c] * chunks, l = lo[c] * chunks, h = hi[c] * chunks
                    sDot[c] = R[mn + wq][wl] - R[mx + wq][wl]
                    for q in 0..<chunks {
                        let rMin = R[mn + q], rMax = R[mx + q]
                        R[l + q] = al * rMin + bl * rMax
                        R[h + q] = bl * rMin + al * rMax
                    }
                    c -= 1
                }
            }
        }}}}}}}}}}}}
    }

    /// The exact gradient through the network for the rank-one cotangent `factor·w` on row y.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func backwardNetwork<T: SortScalar>(factor: T, workspace ws: inout Workspace<T>) {
        for i in 0..<ws.n { ws.g[i] = 0 }
        let count = lo.count
        lo.withUnsafeBufferPointer { lo in hi.withUnsafeBufferPointer { hi in
        minWire.withUnsafeBufferPointer { mnW in maxWire.withUnsafeBufferPointer { mxW in
        ws.g.withUnsafeMutableBufferPointer { g in
        ws.alpha.withUnsafeBufferPointer { alpha in ws.dAlpha.withUnsafeBufferPointer { dAlpha in
        ws.diff.withUnsafeBufferPointer { diff in ws.pDelta.withUnsafeBufferPointer { pDelta in
        ws.sDot.withUnsafeBufferPointer { sDot in
            var c = count - 1
            while c >= 0 {
                let al = alpha[c]
                let gMin = g[mnW[c]], gMax = g[mxW[c]]
                let dBar = (diff[c] * (gMin - gMax) + factor * pDelta[c] * sDot[c]) * dAlpha[c]
                g[lo[c]] = al * gMin + (1 - al) * gMax - dBar
                g[hi[c]] = (1 - al) * gMin + al * gMax + dBar
                c -= 1
            }
        }}}}}}}}}}
    }
}
