import CRendererKernels

/// Which C kernel (Sources/CRendererKernels) runs a `Float` silhouette, or `nil` for the lane path.
struct KernelPlan: @unchecked Sendable {
    let cdf: relax_render_cdf
    let fold: relax_render_fold

    init?(_ s: SilhouetteSettings) {
        guard s.distribution.shift == 0 else { return nil }
        switch s.distribution.family {
        case .uniform: cdf = RELAX_CDF_UNIFORM
        case .cubicHermite: cdf = RELAX_CDF_CUBIC_HERMITE
        case .reciprocal: cdf = RELAX_CDF_RECIPROCAL
        case .gaussian: cdf = RELAX_CDF_GAUSSIAN
        case .laplace: cdf = RELAX_CDF_LAPLACE
        case .logistic: cdf = RELAX_CDF_LOGISTIC
        case .cauchy: cdf = RELAX_CDF_CAUCHY
        default: return nil
        }
        switch s.tconorm {
        case .maximum: fold = RELAX_FOLD_MAX
        case .probabilistic: fold = RELAX_FOLD_PROBABILISTIC
        case .einstein: fold = RELAX_FOLD_EINSTEIN
        default: return nil
        }
    }
}

/// The image-wide inputs of the C kernels: pixel centres, lane masks, face records.
struct KernelInput: @unchecked Sendable {
    let size: Int, vectors: Int
    let px: [Float], py: [Float]
    let valid: [Int32]
    let faces: [relax_render_face]

    init(_ tri: [Float], size n: Int, reach: Double) {
        size = n
        vectors = (n + 7) / 8
        px = (0..<(8 * vectors)).map { $0 < n ? PixelGrid.x(column: $0, size: n) : 0 }
        py = (0..<n).map { PixelGrid.y(row: $0, size: n) }
        valid = (0..<(8 * vectors)).map { $0 < n ? -1 : 0 }
        faces = (0..<(tri.count / 6)).map { f in
            let v = (tri[6 * f], tri[6 * f + 1], tri[6 * f + 2], tri[6 * f + 3], tri[6 * f + 4], tri[6 * f + 5])
            // Edges, |e|² and the doubled area exactly as PixelTriangleDistance computes them.
            let ex = (v.2 - v.0, v.4 - v.2, v.0 - v.4), ey = (v.3 - v.1, v.5 - v.3, v.1 - v.5)
            let area2 = (v.2 - v.0) * (v.5 - v.1) - (v.3 - v.1) * (v.4 - v.0)
            let box = PixelBox.of((Double(v.0), Double(v.1), Double(v.2), Double(v.3), Double(v.4), Double(v.5)), reach: reach, size: n, roundoff: Double(Float.ulpOfOne) / 2)
            return relax_render_face(
                ax: (v.0, v.2, v.4), ay: (v.1, v.3, v.5), ex: ex, ey: ey,
                len2: (ex.0 * ex.0 + ey.0 * ey.0, ex.1 * ex.1 + ey.1 * ey.1, ex.2 * ex.2 + ey.2 * ey.2),
                orient: area2 > 0 ? 1 : (area2 < 0 ? -1 : 0),
                row0: Int32(box.rows.lowerBound), row1: Int32(box.rows.upperBound),
                vec0: Int32(box.vectors.lowerBound), vec1: Int32(box.vectors.upperBound))
        }
    }

    /// Calls `body` with the kernel parameters (pointers valid only inside).
    func withParameters<R>(_ s: SilhouetteSettings, _ plan: KernelPlan, _ body: (UnsafePointer<relax_render_params>, UnsafePointer<relax_render_face>) -> R) -> R {
        px.withUnsafeBufferPointer { x in
            py.withUnsafeBufferPointer { y in
                valid.withUnsafeBufferPointer { m in
                    faces.withUnsafeBufferPointer { f in
                        var p = relax_render_params(
                            size: Int32(size), vectors: Int32(vectors), cdf: Int32(plan.cdf.rawValue), fold: Int32(plan.fold.rawValue),
                            squared: s.squaredDistance ? 1 : 0, all_ties: s.maximumGradientToAllTies ? 1 : 0,
                            tau: Float(s.scale), floor: s.upstreamDerivativeFloors ? 1e-6 : 0,
                            threshold: Float(SmoothingDistribution.coverageThreshold),
                            px: x.baseAddress, py: y.baseAddress, valid: m.baseAddress)
                        return body(&p, f.baseAddress ?? UnsafePointer(bitPattern: 64)!)
                    }
                }
            }
        }
    }
}

extension SIMDSoftRasterizer {
    var isa: relax_render_isa { instructionSet == .avx2FMA ? RELAX_RENDER_AVX2_FMA : RELAX_RENDER_BASELINE }

    /// The forward → backward cache is used up to this many words (4 bytes each) per gradient;
    /// beyond it the backward recomputes all three edges (same result, more work).
    static let maximumCacheWords = 1 << 24

    /// The row bands of an image, one per thread.
    func bands(_ size: Int) -> [Range<Int>] {
        (0..<max(1, min(threads, size))).map { i in (i * size / threads)..<((i + 1) * size / threads) }
    }

    /// The packed (size × vectors × 8) silhouette from the C forward kernel, bands in parallel, and
    /// with `cache`, each band's nearest-edge masks for the backward (empty when over the limit).
    func kernelForward(_ input: KernelInput, _ s: SilhouetteSettings, _ plan: KernelPlan, cache: Bool = false) -> (image: [Float], caches: [[UInt32]]) {
        let V8 = input.vectors * 8
        let bands = self.bands(input.size)
        let isa = self.isa
        @Sendable func band(_ rows: Range<Int>) -> ([Float], [UInt32]) {
            var acc = [Float](repeating: 0, count: rows.count * V8)
            var words = [UInt32]()
            input.withParameters(s, plan) { p, f in
                let n = cache ? relax_render_cache_words(f, input.faces.count, Int32(rows.lowerBound), Int32(rows.upperBound)) : 0
                if n > 0 && n <= Self.maximumCacheWords { words = [UInt32](repeating: 0, count: n) }
                _ = acc.withUnsafeMutableBufferPointer { a in
                    words.withUnsafeMutableBufferPointer { w in
                        relax_render_forward(isa, p, f, input.faces.count, Int32(rows.lowerBound), Int32(rows.upperBound), a.baseAddress,
                                             w.isEmpty ? nil : w.baseAddress)
                    }
                }
            }
            return (acc, words)
        }
        if bands.count == 1 { let (a, w) = band(bands[0]); return (a, [w]) }
        let results = ConcurrentSlots<([Float], [UInt32])>(count: bands.count)
        runConcurrently(bands.count) { i in results.set(i, band(bands[i])) }
        return (results.values.flatMap { $0.0 }, results.values.map { $0.1 })
    }

    func kernelRender(_ triangles: [Float], _ s: SilhouetteSettings, _ plan: KernelPlan) throws(RendererError) -> [Float] {
        _ = try s.validate(triangles: triangles)
        let input = KernelInput(triangles, size: s.size, reach: s.distribution.cullingDistance(scale: s.scale, squared: s.squaredDistance))
        return unpack(kernelForward(input, s, plan).image, input)
    }

    func kernelGradient(_ triangles: [Float], _ s: SilhouetteSettings, _ plan: KernelPlan, cotangent: [Float]) throws(RendererError) -> SilhouetteGradient<Float> {
        _ = try s.validate(triangles: triangles)
        try s.validate(cotangent: cotangent)
        let input = KernelInput(triangles, size: s.size, reach: s.distribution.cullingDistance(scale: s.scale, squared: s.squaredDistance))
        let (packedA, caches) = kernelForward(input, s, plan, cache: cachesNearestEdges)
        let n = input.size, V8 = input.vectors * 8
        var packing = [Float](repeating: 0, count: n * V8)
        for row in 0..<n { for col in 0..<n { packing[row * V8 + col] = cotangent[row * n + col] } }
        let packedG = packing
        let bands = self.bands(n)
        let isa = self.isa, count = input.faces.count
        @Sendable func band(_ rows: Range<Int>, _ cache: [UInt32]) -> [Float] {
            var grad = [Float](repeating: 0, count: 6 * count)
            var tie = [Int32](repeating: 0, count: rows.count * V8)
            input.withParameters(s, plan) { p, f in
                packedA.withUnsafeBufferPointer { a in
                    packedG.withUnsafeBufferPointer { g in
                        tie.withUnsafeMutableBufferPointer { t in
                            _ = grad.withUnsafeMutableBufferPointer { out in
                                cache.withUnsafeBufferPointer { c in
                                    relax_render_backward(isa, p, f, count, Int32(rows.lowerBound), Int32(rows.upperBound),
                                                          a.baseAddress, g.baseAddress, t.baseAddress, out.baseAddress,
                                                          c.isEmpty ? nil : c.baseAddress)
                                }
                            }
                        }
                    }
                }
            }
            return grad
        }
        var grad: [Float]
        if bands.count == 1 {
            grad = band(bands[0], caches[0])
        } else {
            let results = ConcurrentSlots<[Float]>(count: bands.count)
            runConcurrently(bands.count) { i in results.set(i, band(bands[i], caches[i])) }
            let parts = results.values
            grad = parts[0]
            for part in parts.dropFirst() { for i in grad.indices { grad[i] += part[i] } }
        }
        return SilhouetteGradient(image: unpack(packedA, input), triangles: grad)
    }

    func unpack(_ packed: [Float], _ input: KernelInput) -> [Float] {
        let n = input.size, V8 = input.vectors * 8
        var image = [Float](repeating: 0, count: n * n)
        for row in 0..<n { for col in 0..<n { image[row * n + col] = packed[row * V8 + col] } }
        return image
    }
}

/// The C kernels' CDF and density at the given points (for the accuracy tests): `(b, f)`.
/// `fromSquare` (Cauchy only): the coverage as plain-mode renders evaluate it, from u² without a
/// square root or division (τ = 1); otherwise from |u| as squared-mode renders do.
public func rendererKernelCDF(_ family: DistributionFamily, at u: [Float], instructionSet: SIMDSoftRasterizer.InstructionSet,
                              fromSquare: Bool = false) -> (b: [Float], f: [Float])? {
    guard let s = try? SilhouetteSettings(size: 1, distribution: SmoothingDistribution(family, shape: family.takesShape ? 1 : nil), scale: 1, tconorm: .probabilistic),
          let plan = KernelPlan(s) else { return nil }
    let n = (u.count + 7) / 8 * 8
    let x = u + [Float](repeating: 0, count: n - u.count)
    var b = [Float](repeating: 0, count: n), f = [Float](repeating: 0, count: n)
    let isa = instructionSet == .avx2FMA ? RELAX_RENDER_AVX2_FMA : RELAX_RENDER_BASELINE
    x.withUnsafeBufferPointer { xp in
        b.withUnsafeMutableBufferPointer { bp in
            f.withUnsafeMutableBufferPointer { fp in
                let cdf = fromSquare && family == .cauchy ? Int32(RELAX_CDF_CAUCHY_FROM_SQUARE.rawValue) : Int32(plan.cdf.rawValue)
                _ = relax_render_cdf_eval(isa, cdf, xp.baseAddress, bp.baseAddress, fp.baseAddress, n)
            }
        }
    }
    return (Array(b.prefix(u.count)), Array(f.prefix(u.count)))
}

/// Runs the Cauchy + probabilistic forward and backward kernels on a 64×64 image and copies of one
/// face for about `iterations` × 8 pairs — the kernels' measured ceiling in `relax render bench`.
public func rendererRooflineProbe(iterations: Int, instructionSet: SIMDSoftRasterizer.InstructionSet) -> Float {
    relax_render_roofline_probe(instructionSet == .avx2FMA ? RELAX_RENDER_AVX2_FMA : RELAX_RENDER_BASELINE, iterations)
}
