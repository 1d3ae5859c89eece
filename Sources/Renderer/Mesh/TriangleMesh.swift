/// A triangle mesh: vertex positions and faces as vertex-index triples (counter-clockwise seen
/// from outside for the procedural meshes; the silhouette does not depend on winding).
public struct TriangleMesh: Sendable, Equatable {
    /// `x, y, z` per vertex, flat.
    public var positions: [Double]
    /// Three vertex indices per face, flat.
    public var faces: [Int]

    public var vertexCount: Int { positions.count / 3 }
    public var faceCount: Int { faces.count / 3 }

    /// Validates: at least one vertex and one face, finite coordinates, indices in range.
    public init(positions: [Double], faces: [Int]) throws(RendererError) {
        guard !positions.isEmpty, positions.count % 3 == 0 else { throw .emptyMesh("\(positions.count / 3) vertices") }
        guard !faces.isEmpty, faces.count % 3 == 0 else { throw .emptyMesh("no faces") }
        if let i = positions.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteCoordinate(face: -1, vertex: i / 3) }
        let n = positions.count / 3
        if let bad = faces.first(where: { $0 < 0 || $0 >= n }) { throw .objIndexOutOfRange(line: 0, index: bad, vertexCount: n) }
        self.positions = positions
        self.faces = faces
    }

    /// The vertex neighbours (for the Laplacian regulariser), sorted and unique.
    public func neighbours() -> [[Int]] {
        var sets = [Set<Int>](repeating: [], count: vertexCount)
        for f in 0..<faceCount {
            let a = faces[3 * f], b = faces[3 * f + 1], c = faces[3 * f + 2]
            sets[a].formUnion([b, c]); sets[b].formUnion([a, c]); sets[c].formUnion([a, b])
        }
        return sets.map { $0.sorted() }
    }

    /// Uniform Laplacian energy `Σ_i ‖v_i − mean of neighbours‖²` (arXiv 2204.13845 uses it as the
    /// shape regulariser, following SoftRas) and its gradient with respect to the positions.
    public func laplacian(_ neighbours: [[Int]]) -> (energy: Double, gradient: [Double]) {
        var energy = 0.0
        var gradient = [Double](repeating: 0, count: positions.count)
        for i in 0..<vertexCount where !neighbours[i].isEmpty {
            let w = 1 / Double(neighbours[i].count)
            for k in 0..<3 {
                var delta = positions[3 * i + k]
                for j in neighbours[i] { delta -= w * positions[3 * j + k] }
                energy += delta * delta
                gradient[3 * i + k] += 2 * delta
                for j in neighbours[i] { gradient[3 * j + k] -= 2 * delta * w }
            }
        }
        return (energy, gradient)
    }
}
