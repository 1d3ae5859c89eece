import RealModule

extension ReferenceSoftRasterizer {
    /// The vector–Jacobian product of the silhouette with respect to the screen-space vertices
    /// (arXiv 2204.13845, Sec. 3; chain rule through Eq. 1):
    ///
    ///     ∂L/∂P = Σ_pixels g_A · ∂A/∂b · f(u)/τ · s · ∂x/∂P,
    ///
    /// with `∂A/∂b` from the T-conorm's generator (``TConorm/derivative(total:face:upstreamFloors:)``), `f` the
    /// density, and, for the closest point `q = (1 − t)P_k + t P_{k+1}` on the nearest edge and
    /// `r = q − p`: `∂d/∂P_k = (1 − t) r/d`, `∂d/∂P_{k+1} = t r/d` (`t` held fixed: at an interior
    /// optimum its derivative vanishes, at a clamped end the point is a vertex), and
    /// `∂d²/∂P = 2·(…)·r`. At `d = 0` (pixel on an edge) the derivative does not exist; we return
    /// 0 there (the authors floor `d` at 1e-6, which yields an arbitrary unit-scale vector).
    public func gradient<T: RendererScalar>(_ triangles: [T], _ s: SilhouetteSettings, cotangent: [T]) throws(RendererError) -> SilhouetteGradient<T> {
        try T.referenceGradient(triangles, s, cotangent: cotangent)
    }

    /// ``gradient(_:_:cotangent:)`` for any real scalar (the shims of ``RendererScalar`` compile it for `Float` and `Double`).
    static func backward<T: Real & BinaryFloatingPoint>(_ triangles: [T], _ s: SilhouetteSettings, cotangent: [T]) throws(RendererError) -> SilhouetteGradient<T> {
        let image = try silhouette(triangles, s)
        try s.validate(cotangent: cotangent)
        let faces = triangles.count / 6
        let n = s.size
        var grad = [T](repeating: 0, count: triangles.count)
        let tau = T(s.scale)
        for row in 0..<n {
            let py: T = PixelGrid.y(row: row, size: n)
            for col in 0..<n {
                let gA = cotangent[row * n + col]
                if gA == 0 { continue }
                let px: T = PixelGrid.x(column: col, size: n)
                let A = image[row * n + col]
                var tieTaken = false
                for f in 0..<faces {
                    guard let c = Self.coverage(px, py, Self.face(triangles, f), s) else { continue }
                    var dAdb = s.tconorm.derivative(total: A, face: c.b, upstreamFloors: s.upstreamDerivativeFloors)
                    if case .maximum = s.tconorm, dAdb != 0 {
                        if tieTaken && !s.maximumGradientToAllTies { dAdb = 0 }
                        tieTaken = true
                    }
                    let density = s.distribution.density(scalar: c.u)
                    if dAdb == 0 || density == 0 { continue }
                    let C = gA * dAdb * density / tau * c.sign
                    let g = c.geometry
                    let factor: T
                    if s.squaredDistance {
                        factor = 2 * C
                    } else {
                        let d = g.squaredDistance.squareRoot()
                        factor = d > 0 ? C / d : 0
                    }
                    let k = g.edge, j = (g.edge + 1) % 3
                    let wk = factor * (1 - g.t), wj = factor * g.t
                    grad[6 * f + 2 * k] += wk * g.residualX
                    grad[6 * f + 2 * k + 1] += wk * g.residualY
                    grad[6 * f + 2 * j] += wj * g.residualX
                    grad[6 * f + 2 * j + 1] += wj * g.residualY
                }
            }
        }
        return SilhouetteGradient(image: image, triangles: grad)
    }
}
