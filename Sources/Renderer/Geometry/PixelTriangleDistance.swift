import RealModule

/// The pixel–triangle geometry of GenDR (arXiv 2204.13845, Sec. 3, Eq. 1): the distance from a
/// pixel centre `p` to a closed 2D triangle and whether `p` lies strictly inside.
///
/// `d(p, T) = min_k dist(p, segment_k)`: for an outside point this is the distance to the
/// triangle, for an inside point the distance to its boundary (the nearest edge line is touched
/// within its segment). Generic over any ordered field so that the proofs evaluate the squared
/// distance exactly on rationals.
public struct PixelTriangleDistance<T: AlgebraicField & Comparable> {
    /// `d²`, the squared Euclidean distance to the nearest edge segment.
    public var squaredDistance: T
    /// The first edge (0: P0→P1, 1: P1→P2, 2: P2→P0) attaining the minimum.
    public var edge: Int
    /// The clamped projection parameter on that edge: the closest point is `P_k + t·(P_{k+1} − P_k)`.
    public var t: T
    /// Residual `r = q − p` from the pixel to the closest point.
    public var residualX: T
    public var residualY: T
    /// Strictly inside (all three oriented edge functions positive); edges count as outside.
    public var inside: Bool
    /// Inside or on the boundary (the hard rasterizer's closed test); never for zero-area triangles.
    public var closedInside: Bool

    /// `v` is `(x0, y0, x1, y1, x2, y2)`.
    @inlinable public init(px: T, py: T, _ v: (T, T, T, T, T, T)) {
        let area2 = (v.2 - v.0) * (v.5 - v.1) - (v.3 - v.1) * (v.4 - v.0)
        let e0 = Self.edge(px, py, v.0, v.1, v.2, v.3)
        let e1 = Self.edge(px, py, v.2, v.3, v.4, v.5)
        let e2 = Self.edge(px, py, v.4, v.5, v.0, v.1)
        var best = e0, bestEdge = 0
        if e1.D < best.D { best = e1; bestEdge = 1 }
        if e2.D < best.D { best = e2; bestEdge = 2 }
        squaredDistance = best.D
        edge = bestEdge
        t = best.t
        residualX = best.rx
        residualY = best.ry
        let o0 = area2 > 0 ? e0.cross : -e0.cross
        let o1 = area2 > 0 ? e1.cross : -e1.cross
        let o2 = area2 > 0 ? e2.cross : -e2.cross
        inside = area2 != 0 && o0 > 0 && o1 > 0 && o2 > 0
        closedInside = area2 != 0 && !(o0 < 0) && !(o1 < 0) && !(o2 < 0)
    }

    /// Distance from `p` to the segment `a→b`: clamped projection `t = clamp(((p − a)·e)/|e|², 0, 1)`,
    /// residual `r = a + t·e − p`, `D = |r|²`, and the edge function `e × (p − a)`.
    @inlinable static func edge(_ px: T, _ py: T, _ ax: T, _ ay: T, _ bx: T, _ by: T) -> (D: T, t: T, rx: T, ry: T, cross: T) {
        let ex = bx - ax, ey = by - ay
        let wx = px - ax, wy = py - ay
        let length2 = ex * ex + ey * ey
        var t = T.zero
        if length2 > 0 {
            t = (wx * ex + wy * ey) / length2
            if t < 0 { t = 0 } else if t > 1 { t = 1 }
        }
        let rx = ax + t * ex - px, ry = ay + t * ey - py
        return (rx * rx + ry * ry, t, rx, ry, ex * wy - ey * wx)
    }
}

/// Pixel centres of an `N × N` image covering NDC [−1, 1]²: `x(col) = (2col + 1 − N)/N`,
/// `y(row) = (N − 1 − 2row)/N`, row 0 at the top (the authors' convention).
public enum PixelGrid {
    @inlinable public static func x<T: AlgebraicField>(column: Int, size n: Int) -> T { T(exactly: 2 * column + 1 - n)! / T(exactly: n)! }
    @inlinable public static func y<T: AlgebraicField>(row: Int, size n: Int) -> T { T(exactly: n - 1 - 2 * row)! / T(exactly: n)! }
}
