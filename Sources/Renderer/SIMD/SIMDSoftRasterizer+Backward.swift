import RealModule

extension SIMDSoftRasterizer {
    /// Vector–Jacobian product with respect to the triangles (the reference's formulas, see
    /// ``ReferenceSoftRasterizer/gradient(_:_:cotangent:)``), face-major over the same culled
    /// pixel ranges as the forward pass; per-face sums are reduced over lanes at the end of a face.
    @_specialize(where T == Float)
    @_specialize(where T == Double)
    func backward<T: RendererScalar>(_ triangles: [T], _ s: SilhouetteSettings, cotangent: [T]) throws(RendererError) -> SilhouetteGradient<T> {
        let image = try silhouette(triangles, s)
        try s.validate(cotangent: cotangent)
        let faces = triangles.count / 6
        let layout = RowLayout<T>(size: s.size)
        let reach = s.distribution.cullingDistance(scale: s.scale, squared: s.squaredDistance)
        let plans = (0..<faces).map { FacePlan(triangles, $0, reach: reach, layout) }
        let packedA = pack(image, layout), packedG = pack(cotangent, layout)
        let bands = layout.bands(threads)
        let parts: [[T]]
        if bands.count == 1 {
            parts = [backwardBand(plans, s, layout, rows: bands[0], A: packedA, gA: packedG)]
        } else {
            let results = ConcurrentSlots<[T]>(count: bands.count)
            let shared = SharedInput(value: (plans, layout, packedA, packedG))
            runConcurrently(bands.count) { i in
                let (plans, layout, packedA, packedG) = shared.value
                results.set(i, backwardBand(plans, s, layout, rows: bands[i], A: packedA, gA: packedG))
            }
            parts = results.values
        }
        var grad = parts[0]
        for part in parts.dropFirst() { for i in grad.indices { grad[i] += part[i] } }
        return SilhouetteGradient(image: image, triangles: grad)
    }

    @_specialize(where T == Float)
    @_specialize(where T == Double)
    func pack<T: BinaryFloatingPoint & SIMDScalar>(_ image: [T], _ layout: RowLayout<T>) -> [SIMD8<T>] {
        let n = layout.size, V = layout.vectorsPerRow
        var out = [SIMD8<T>](repeating: .zero, count: n * V)
        for row in 0..<n { for col in 0..<n { out[row * V + col / 8][col % 8] = image[row * n + col] } }
        return out
    }

    @_specialize(where T == Float)
    @_specialize(where T == Double)
    func backwardBand<T: RendererScalar>(_ plans: [FacePlan<T>], _ s: SilhouetteSettings, _ layout: RowLayout<T>,
                                                                   rows: Range<Int>, A: [SIMD8<T>], gA: [SIMD8<T>]) -> [T] {
        let V = layout.vectorsPerRow
        var grad = [T](repeating: 0, count: plans.count * 6)
        let kernel = CoverageKernel<T>(s)
        let isMax: Bool = { if case .maximum = s.tconorm { return true } else { return false } }()
        var tieTaken = [SIMDMask<SIMD8<T>.MaskStorage>](repeating: .init(), count: isMax ? rows.count * V : 0)
        let tau = T(s.scale)
        for plan in plans {
            let r0 = max(plan.rows.lowerBound, rows.lowerBound), r1 = min(plan.rows.upperBound, rows.upperBound)
            if r0 >= r1 || kernel.hard { continue }
            var g0x = SIMD8<T>.zero, g0y = SIMD8<T>.zero, g1x = SIMD8<T>.zero, g1y = SIMD8<T>.zero, g2x = SIMD8<T>.zero, g2y = SIMD8<T>.zero
            for row in r0..<r1 {
                for v in plan.vectors {
                    let i = row * V + v
                    let cot = gA[i]
                    let geometry = plan.geometry(px: layout.x[v], py: layout.y[row])
                    let (b, u) = kernel.coverage(geometry, plan)
                    let active = (b .> kernel.threshold) .& layout.valid[v] .& (cot .!= 0)
                    if !any(active) { continue }
                    var dAdb = kernel.derivative(A[i], b, active)
                    if isMax {
                        let j = (row - rows.lowerBound) * V + v
                        var tie = (dAdb .!= 0)
                        if !s.maximumGradientToAllTies { tie = tie .& .!tieTaken[j] }
                        tieTaken[j] = tieTaken[j] .| (dAdb .!= 0)
                        dAdb = SIMD8<T>.zero.replacing(with: 1, where: tie)
                    }
                    let f = kernel.density(u, active)
                    let sign = SIMD8<T>(repeating: -1).replacing(with: 1, where: geometry.inside)
                    var C = cot * dAdb * f / tau * sign
                    C.replace(with: 0, where: .!active)
                    var factor: SIMD8<T>
                    if s.squaredDistance {
                        factor = 2 * C
                    } else {
                        let d = geometry.D.squareRoot()
                        factor = (C / d).replacing(with: 0, where: .!(d .> 0))
                    }
                    factor.replace(with: 0, where: .!active)
                    let wNear = factor * (1 - geometry.t), wFar = factor * geometry.t
                    let on0 = geometry.edge .== 0, on1 = geometry.edge .== 1, on2 = geometry.edge .== 2
                    // Edge k runs from vertex k to vertex k+1: vertex k gets (1 − t), vertex k+1 gets t.
                    let w0 = SIMD8<T>.zero.replacing(with: wNear, where: on0).replacing(with: wFar, where: on2)
                    let w1 = SIMD8<T>.zero.replacing(with: wNear, where: on1).replacing(with: wFar, where: on0)
                    let w2 = SIMD8<T>.zero.replacing(with: wNear, where: on2).replacing(with: wFar, where: on1)
                    g0x += w0 * geometry.rx; g0y += w0 * geometry.ry
                    g1x += w1 * geometry.rx; g1y += w1 * geometry.ry
                    g2x += w2 * geometry.rx; g2y += w2 * geometry.ry
                }
            }
            let f = plan.index * 6
            grad[f] = g0x.sum(); grad[f + 1] = g0y.sum()
            grad[f + 2] = g1x.sum(); grad[f + 3] = g1y.sum()
            grad[f + 4] = g2x.sum(); grad[f + 5] = g2y.sum()
        }
        return grad
    }
}
