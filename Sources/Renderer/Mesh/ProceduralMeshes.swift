import RealModule

/// Meshes built in code (nothing is downloaded).
extension TriangleMesh {
    /// UV sphere of radius `r`: `segments` longitudes, `rings` latitude bands; `segments·(rings − 1) + 2`
    /// vertices and `2·segments·(rings − 1)` faces. `uvSphere(segments: 50, rings: 28)` is the
    /// 1 352-vertex / 2 700-face sphere of the GenDR shape experiments' template size.
    public static func uvSphere(radius r: Double = 1, segments: Int = 50, rings: Int = 28) throws(RendererError) -> TriangleMesh {
        guard segments >= 3, rings >= 2, r.isFinite, r > 0 else { throw .emptyMesh("uv sphere needs segments ≥ 3, rings ≥ 2, radius > 0") }
        var p: [Double] = [0, r, 0]
        for i in 1..<rings {
            let theta = Double.pi * Double(i) / Double(rings)
            for j in 0..<segments {
                let phi = 2 * Double.pi * Double(j) / Double(segments)
                p += [r * Double.sin(theta) * Double.cos(phi), r * Double.cos(theta), r * Double.sin(theta) * Double.sin(phi)]
            }
        }
        p += [0, -r, 0]
        let south = (rings - 1) * segments + 1
        var f: [Int] = []
        func ring(_ i: Int, _ j: Int) -> Int { 1 + (i - 1) * segments + (j % segments) }
        for j in 0..<segments { f += [0, ring(1, j + 1), ring(1, j)] }
        if rings > 2 {
            for i in 1..<(rings - 1) {
                for j in 0..<segments {
                    f += [ring(i, j), ring(i, j + 1), ring(i + 1, j)]
                    f += [ring(i, j + 1), ring(i + 1, j + 1), ring(i + 1, j)]
                }
            }
        }
        for j in 0..<segments { f += [south, ring(rings - 1, j), ring(rings - 1, j + 1)] }
        return try TriangleMesh(positions: p, faces: f)
    }

    /// Icosphere: an icosahedron subdivided `level` times and projected onto the sphere
    /// (`10·4^level + 2` vertices; level 3 is the 642-vertex / 1 280-face template).
    public static func icosphere(radius r: Double = 1, level: Int = 3) throws(RendererError) -> TriangleMesh {
        guard level >= 0 && level <= 7, r.isFinite, r > 0 else { throw .emptyMesh("icosphere needs 0 ≤ level ≤ 7, radius > 0") }
        let t = (1 + 5.0.squareRoot()) / 2
        var v: [(Double, Double, Double)] = [(-1, t, 0), (1, t, 0), (-1, -t, 0), (1, -t, 0), (0, -1, t), (0, 1, t), (0, -1, -t), (0, 1, -t),
                                             (t, 0, -1), (t, 0, 1), (-t, 0, -1), (-t, 0, 1)]
        var f: [(Int, Int, Int)] = [(0, 11, 5), (0, 5, 1), (0, 1, 7), (0, 7, 10), (0, 10, 11), (1, 5, 9), (5, 11, 4), (11, 10, 2), (10, 7, 6), (7, 1, 8),
                                    (3, 9, 4), (3, 4, 2), (3, 2, 6), (3, 6, 8), (3, 8, 9), (4, 9, 5), (2, 4, 11), (6, 2, 10), (8, 6, 7), (9, 8, 1)]
        for _ in 0..<level {
            var midpoints: [Int: Int] = [:]
            func mid(_ a: Int, _ b: Int) -> Int {
                let key = min(a, b) * 1_000_000 + max(a, b)
                if let m = midpoints[key] { return m }
                v.append(((v[a].0 + v[b].0) / 2, (v[a].1 + v[b].1) / 2, (v[a].2 + v[b].2) / 2))
                midpoints[key] = v.count - 1
                return v.count - 1
            }
            f = f.flatMap { (a, b, c) -> [(Int, Int, Int)] in
                let ab = mid(a, b), bc = mid(b, c), ca = mid(c, a)
                return [(a, ab, ca), (b, bc, ab), (c, ca, bc), (ab, bc, ca)]
            }
        }
        let p = v.flatMap { x -> [Double] in
            let n = (x.0 * x.0 + x.1 * x.1 + x.2 * x.2).squareRoot()
            return [r * x.0 / n, r * x.1 / n, r * x.2 / n]
        }
        return try TriangleMesh(positions: p, faces: f.flatMap { [$0.0, $0.1, $0.2] })
    }

    /// Axis-aligned box centred at `centre` with half-sizes `half` (8 vertices, 12 faces).
    public static func box(centre: (Double, Double, Double) = (0, 0, 0), half: (Double, Double, Double) = (0.5, 0.5, 0.5)) throws(RendererError) -> TriangleMesh {
        var p: [Double] = []
        for i in 0..<8 {
            p += [centre.0 + (i & 1 == 0 ? -half.0 : half.0), centre.1 + (i & 2 == 0 ? -half.1 : half.1), centre.2 + (i & 4 == 0 ? -half.2 : half.2)]
        }
        let f = [0, 2, 1, 1, 2, 3, 4, 5, 6, 5, 7, 6, 0, 1, 4, 1, 5, 4, 2, 6, 3, 3, 6, 7, 0, 4, 2, 2, 4, 6, 1, 3, 5, 3, 7, 5]
        return try TriangleMesh(positions: p, faces: f)
    }

    /// The unit cube [−½, ½]³.
    public static func cube() throws(RendererError) -> TriangleMesh { try box() }

    /// Torus around the y axis: major radius `R`, minor radius `r`.
    public static func torus(major R: Double = 0.6, minor r: Double = 0.25, segments: Int = 32, sides: Int = 16) throws(RendererError) -> TriangleMesh {
        guard segments >= 3, sides >= 3, R > 0, r > 0, R.isFinite, r.isFinite else { throw .emptyMesh("torus needs segments, sides ≥ 3 and positive radii") }
        var p: [Double] = [], f: [Int] = []
        for i in 0..<segments {
            let u = 2 * Double.pi * Double(i) / Double(segments)
            for j in 0..<sides {
                let w = 2 * Double.pi * Double(j) / Double(sides)
                let rr = R + r * Double.cos(w)
                p += [rr * Double.cos(u), r * Double.sin(w), rr * Double.sin(u)]
            }
        }
        func id(_ i: Int, _ j: Int) -> Int { (i % segments) * sides + (j % sides) }
        for i in 0..<segments {
            for j in 0..<sides {
                f += [id(i, j), id(i + 1, j), id(i, j + 1), id(i + 1, j), id(i + 1, j + 1), id(i, j + 1)]
            }
        }
        return try TriangleMesh(positions: p, faces: f)
    }

    /// Two boxes forming an asymmetric "L" (24 faces): a pose-fitting target whose silhouette
    /// changes with every rotation (a sphere's would not).
    public static func lShape() throws(RendererError) -> TriangleMesh {
        let a = try box(centre: (0, -0.25, 0), half: (0.6, 0.15, 0.25))
        let b = try box(centre: (-0.45, 0.2, 0), half: (0.15, 0.3, 0.25))
        return try TriangleMesh(positions: a.positions + b.positions, faces: a.faces + b.faces.map { $0 + a.vertexCount })
    }

    /// The named procedural meshes `relax render` accepts.
    public static func named(_ name: String) throws(RendererError) -> TriangleMesh {
        switch name {
        case "sphere": return try uvSphere(radius: 0.5)
        case "icosphere": return try icosphere(radius: 0.5, level: 3)
        case "cube": return try cube()
        case "torus": return try torus()
        case "l-shape": return try lShape()
        default: throw .unknownName(kind: "mesh", name: name, known: ["sphere", "icosphere", "cube", "torus", "l-shape", "or a path to an .obj file"])
        }
    }
}
