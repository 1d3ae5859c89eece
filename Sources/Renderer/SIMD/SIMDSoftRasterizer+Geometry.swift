import RealModule

/// Per-face constants and the pixel range the face can reach.
struct FacePlan<T: RendererScalar> {
    let index: Int
    let ax: (T, T, T), ay: (T, T, T)
    let ex: (T, T, T), ey: (T, T, T), length2: (T, T, T)
    let area2: T
    /// Rows and column vectors of the bounding box grown by the culling distance and one pixel.
    let rows: Range<Int>
    let vectors: Range<Int>

    /// `reach`: the culling distance in NDC (``SmoothingDistribution/cullingDistance(scale:squared:)``).
    init(_ tri: [T], _ f: Int, reach cull: Double, _ layout: RowLayout<T>) {
        index = f
        let v = (tri[6 * f], tri[6 * f + 1], tri[6 * f + 2], tri[6 * f + 3], tri[6 * f + 4], tri[6 * f + 5])
        ax = (v.0, v.2, v.4)
        ay = (v.1, v.3, v.5)
        ex = (v.2 - v.0, v.4 - v.2, v.0 - v.4)
        ey = (v.3 - v.1, v.5 - v.3, v.1 - v.5)
        length2 = (ex.0 * ex.0 + ey.0 * ey.0, ex.1 * ex.1 + ey.1 * ey.1, ex.2 * ex.2 + ey.2 * ey.2)
        area2 = (v.2 - v.0) * (v.5 - v.1) - (v.3 - v.1) * (v.4 - v.0)
        (rows, vectors) = PixelBox.of((Double(v.0), Double(v.1), Double(v.2), Double(v.3), Double(v.4), Double(v.5)), reach: cull, size: layout.size,
                                     roundoff: Double(T.ulpOfOne) / 2)
    }

    /// The pixel–triangle geometry for 8 pixels of one row, operation for operation as
    /// ``PixelTriangleDistance`` (so the reference and this agree bit for bit).
    @inline(__always)
    func geometry(px: SIMD8<T>, py: T) -> VectorGeometry<T> {
        let e0 = edge(px, py, ax.0, ay.0, ex.0, ey.0, length2.0)
        let e1 = edge(px, py, ax.1, ay.1, ex.1, ey.1, length2.1)
        let e2 = edge(px, py, ax.2, ay.2, ex.2, ey.2, length2.2)
        var g = VectorGeometry<T>(D: e0.D, t: e0.t, rx: e0.rx, ry: e0.ry, edge: .zero)
        let m1 = e1.D .< g.D
        g.D.replace(with: e1.D, where: m1); g.t.replace(with: e1.t, where: m1)
        g.rx.replace(with: e1.rx, where: m1); g.ry.replace(with: e1.ry, where: m1); g.edge.replace(with: 1, where: m1)
        let m2 = e2.D .< g.D
        g.D.replace(with: e2.D, where: m2); g.t.replace(with: e2.t, where: m2)
        g.rx.replace(with: e2.rx, where: m2); g.ry.replace(with: e2.ry, where: m2); g.edge.replace(with: 2, where: m2)
        let (o0, o1, o2) = area2 > 0 ? (e0.cross, e1.cross, e2.cross) : (-e0.cross, -e1.cross, -e2.cross)
        if area2 != 0 {
            g.inside = (o0 .> 0) .& (o1 .> 0) .& (o2 .> 0)
            g.closedInside = .!(o0 .< 0) .& .!(o1 .< 0) .& .!(o2 .< 0)
        }
        return g
    }

    @inline(__always)
    func edge(_ px: SIMD8<T>, _ py: T, _ ax: T, _ ay: T, _ ex: T, _ ey: T, _ length2: T)
        -> (D: SIMD8<T>, t: SIMD8<T>, rx: SIMD8<T>, ry: SIMD8<T>, cross: SIMD8<T>) {
        let wx = px - ax, wy = SIMD8<T>(repeating: py - ay)
        var t = SIMD8<T>.zero
        if length2 > 0 {
            t = (wx * ex + wy * ey) / length2
            t.replace(with: 0, where: t .< 0)
            t.replace(with: 1, where: t .> 1)
        }
        let rx = (t * ex + ax) - px
        let ry = (t * ey + ay) - py
        return (rx * rx + ry * ry, t, rx, ry, ex * wy - ey * wx)
    }
}

/// Nearest-edge data of 8 pixels for one face.
struct VectorGeometry<T: RendererScalar> {
    var D: SIMD8<T>
    var t: SIMD8<T>
    var rx: SIMD8<T>
    var ry: SIMD8<T>
    /// Index of the nearest edge (0, 1, 2) as a scalar of T.
    var edge: SIMD8<T>
    var inside = SIMDMask<SIMD8<T>.MaskStorage>()
    var closedInside = SIMDMask<SIMD8<T>.MaskStorage>()
}

/// The pixels a face can reach: its bounding box grown by the culling distance (with 1e-6
/// relative slack for the rounding of the distances), one pixel pitch, and the rounding error
/// of the computed distance. With coordinates up to M = max(1, max |v|) and unit roundoff u of
/// the scalar, the computed residual r̃ = (t̃·e + a) − p is within 9u·M per component of the exact
/// residual to the point at t̃ on the segment, whose length is ≥ the true distance d; so the
/// computed distance is ≥ d(1 − u) − 13u·M. Growing the box by 16u·M keeps every pixel outside it
/// beyond the culling distance in the rounded arithmetic the reference uses, too (the OBJ fuzzer
/// found a mesh with 1e16 coordinates whose faces the reference saw where the box had cut them).
enum PixelBox {
    /// Rows and 8-pixel column vectors of the box (empty ranges when it misses the image);
    /// `roundoff` is the unit roundoff of the scalar the distances are computed in.
    static func of(_ v: (Double, Double, Double, Double, Double, Double), reach cull: Double, size: Int, roundoff: Double) -> (rows: Range<Int>, vectors: Range<Int>) {
        let n = Double(size)
        let magnitude = max(1, abs(v.0), abs(v.1), abs(v.2), abs(v.3), abs(v.4), abs(v.5))
        let reach = cull * (1 + 1e-6) + 2 / n + 16 * roundoff * magnitude
        let x0 = min(v.0, v.2, v.4) - reach, x1 = max(v.0, v.2, v.4) + reach
        let y0 = min(v.1, v.3, v.5) - reach, y1 = max(v.1, v.3, v.5) + reach
        // x(col) = (2col + 1 − N)/N ∈ [x0, x1]; y(row) = (N − 1 − 2row)/N ∈ [y0, y1].
        func clamp(_ c: Double) -> Int { c.isNaN ? 0 : Int(max(-1, min(n + 1, c))) }
        let c0 = clamp(((x0 * n + n - 1) / 2).rounded(.up)), c1 = clamp(((x1 * n + n - 1) / 2).rounded(.down))
        let r0 = clamp(((n - 1 - y1 * n) / 2).rounded(.up)), r1 = clamp(((n - 1 - y0 * n) / 2).rounded(.down))
        let cLow = max(0, c0), cHigh = min(size - 1, c1), rLow = max(0, r0), rHigh = min(size - 1, r1)
        if cLow > cHigh || rLow > rHigh { return (0..<0, 0..<0) }
        return (rLow..<(rHigh + 1), (cLow / 8)..<(cHigh / 8 + 1))
    }
}
