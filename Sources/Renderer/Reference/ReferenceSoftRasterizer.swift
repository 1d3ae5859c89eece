import RealModule

/// Teaching implementation of GenDR's soft silhouette (Petersen et al., arXiv 2204.13845,
/// Sec. 3): for every pixel, for every face in order, the coverage probability
///
///     b = F(s·x/τ),   x = d(p, T) or d(p, T)²,   s = +1 strictly inside, −1 otherwise   (Eq. 1)
///
/// and the silhouette `A = S(…S(S(0, b₁), b₂)…, b_F)` with a T-conorm `S` (Sec. 3.2), faces with
/// `b ≤ 1e-6` skipped. Plain loops, no culling, no caches. The geometry is generic over any
/// ordered field (``PixelTriangleDistance``); the scalar here is `Float` or `Double`.
public struct ReferenceSoftRasterizer: SoftRasterizer {
    public init() {}

    /// One face's contribution at one pixel, or `nil` when it is skipped (b ≤ threshold).
    struct Coverage<T: AlgebraicField & Comparable> {
        var b: T
        var u: T
        var sign: T
        var geometry: PixelTriangleDistance<T>
    }

    @inlinable static func face<T>(_ triangles: [T], _ f: Int) -> (T, T, T, T, T, T) {
        let i = 6 * f
        return (triangles[i], triangles[i + 1], triangles[i + 2], triangles[i + 3], triangles[i + 4], triangles[i + 5])
    }

    /// Eq. 1 of the paper at pixel `(px, py)` for face `f`.
    static func coverage<T: Real & BinaryFloatingPoint>(_ px: T, _ py: T, _ triangle: (T, T, T, T, T, T),
                                                        _ s: SilhouetteSettings) -> Coverage<T>? {
        let g = PixelTriangleDistance(px: px, py: py, triangle)
        let b: T, u: T
        let sign: T = g.inside ? 1 : -1
        if s.distribution.family == .hard {
            b = g.closedInside ? 1 : 0
            u = 0
        } else {
            let x = s.squaredDistance ? g.squaredDistance : g.squaredDistance.squareRoot()
            u = sign * x / T(s.scale)
            b = s.distribution.cdf(scalar: u)
        }
        guard b > T(SmoothingDistribution.coverageThreshold) else { return nil }
        return Coverage(b: b, u: u, sign: sign, geometry: g)
    }

    /// The silhouette, `size × size`, row 0 on top (the generic `silhouette` below, compiled for `T`).
    public func render<T: RendererScalar>(_ triangles: [T], _ s: SilhouetteSettings) throws(RendererError) -> [T] {
        try T.referenceSilhouette(triangles, s)
    }

    /// The silhouette, `size × size`, row 0 on top.
    static func silhouette<T: Real & BinaryFloatingPoint>(_ triangles: [T], _ s: SilhouetteSettings) throws(RendererError) -> [T] {
        let faces = try s.validate(triangles: triangles)
        let n = s.size
        var image = [T](repeating: 0, count: n * n)
        for row in 0..<n {
            let py: T = PixelGrid.y(row: row, size: n)
            for col in 0..<n {
                let px: T = PixelGrid.x(column: col, size: n)
                var a: T = 0
                for f in 0..<faces {
                    if let c = Self.coverage(px, py, Self.face(triangles, f), s) { a = s.tconorm.combine(a, c.b) }
                }
                image[row * n + col] = a
            }
        }
        return image
    }
}
