import RealModule

/// Soft silhouettes of a mesh seen by a ``Camera``, with gradients chained from the screen-space
/// triangles to the mesh vertices and to the camera parameters.
public struct MeshSilhouette: Sendable {
    public var rasterizer: any SoftRasterizer
    public init(rasterizer: any SoftRasterizer = SIMDSoftRasterizer()) { self.rasterizer = rasterizer }

    public struct Gradient: Sendable {
        public var image: [Double]
        /// ∂L/∂positions, `3 × vertexCount`.
        public var vertices: [Double]
        /// ∂L/∂(distance, elevation°, azimuth°, view angle°).
        public var camera: [Double]
    }

    /// Screen triangles `F × 3 × 2` of the mesh.
    public static func triangles(_ mesh: TriangleMesh, _ camera: Camera) -> [Double] {
        let (xy, _) = Camera.project(mesh.positions, camera.parameters)
        var t: [Double] = []
        t.reserveCapacity(mesh.faces.count * 2)
        for v in mesh.faces { t += [xy[2 * v], xy[2 * v + 1]] }
        return t
    }

    public func render(_ mesh: TriangleMesh, _ camera: Camera, _ s: SilhouetteSettings) throws(RendererError) -> [Double] {
        try rasterizer.render(Self.triangles(mesh, camera), s)
    }

    /// Image and `∂(Σ cotangent·image)` with respect to the vertices and the camera parameters.
    /// Vertex gradients: the per-face screen gradients summed over the faces that share a vertex,
    /// through the projection's Jacobian; camera gradients: forward-mode dual numbers through the
    /// whole projection (exact, four passes over the vertices).
    public func gradient(_ mesh: TriangleMesh, _ camera: Camera, _ s: SilhouetteSettings, cotangent: [Double],
                         cameraGradient: Bool = true) throws(RendererError) -> Gradient {
        let g = try rasterizer.gradient(Self.triangles(mesh, camera), s, cotangent: cotangent)
        // ∂L/∂(x_ndc, y_ndc) per vertex.
        var screen = [Double](repeating: 0, count: mesh.vertexCount * 2)
        for (k, v) in mesh.faces.enumerated() {
            screen[2 * v] += g.triangles[2 * k]
            screen[2 * v + 1] += g.triangles[2 * k + 1]
        }
        // Vertices: x_ndc = c_x/(c_z t), c = R(v − eye) ⇒ ∂L/∂v = Rᵀ(gx/(c_z t), gy/(c_z t), −(gx c_x + gy c_y)/(c_z² t)).
        let frame = camera.frame()
        let t = (camera.viewAngle * Double.pi / 180).tangent
        var dv = [Double](repeating: 0, count: mesh.positions.count)
        for v in 0..<mesh.vertexCount {
            let q = (mesh.positions[3 * v] - frame.eye.0, mesh.positions[3 * v + 1] - frame.eye.1, mesh.positions[3 * v + 2] - frame.eye.2)
            let cx = frame.x.0 * q.0 + frame.x.1 * q.1 + frame.x.2 * q.2
            let cy = frame.y.0 * q.0 + frame.y.1 * q.1 + frame.y.2 * q.2
            let cz = frame.z.0 * q.0 + frame.z.1 * q.1 + frame.z.2 * q.2
            let gx = screen[2 * v], gy = screen[2 * v + 1]
            let dcx = gx / (cz * t), dcy = gy / (cz * t), dcz = -(gx * cx + gy * cy) / (cz * cz * t)
            dv[3 * v] = frame.x.0 * dcx + frame.y.0 * dcy + frame.z.0 * dcz
            dv[3 * v + 1] = frame.x.1 * dcx + frame.y.1 * dcy + frame.z.1 * dcz
            dv[3 * v + 2] = frame.x.2 * dcx + frame.y.2 * dcy + frame.z.2 * dcz
        }
        var dc = [Double](repeating: 0, count: 4)
        if cameraGradient {
            for k in 0..<4 {
                let p = camera.parameters.enumerated().map { Dual($0.element, $0.offset == k ? 1 : 0) }
                let (xy, _) = Camera.project(mesh.positions, p)
                var sum = 0.0
                for i in 0..<screen.count { sum += screen[i] * xy[i].derivative }
                dc[k] = sum
            }
        }
        return Gradient(image: g.image, vertices: dv, camera: dc)
    }
}

extension Double {
    var tangent: Double { Double.tan(self) }
}

/// The silhouette IoU loss of GenDR's experiments (arXiv 2204.13845, Sec. 5, after SoftRas):
/// `1 − Σ P·T / (Σ (P + T − P·T) + 1e-6)` and its gradient with respect to `P`.
public enum IoULoss {
    public static func value(_ P: [Double], _ T: [Double]) -> (loss: Double, gradient: [Double]) {
        var I = 0.0, U = 1e-6
        for i in P.indices { I += P[i] * T[i]; U += P[i] + T[i] - P[i] * T[i] }
        let gradient = P.indices.map { i in -(T[i] * U - I * (1 - T[i])) / (U * U) }
        return (1 - I / U, gradient)
    }

    /// The IoU of two hard (0/1 after thresholding at ½) silhouettes.
    public static func hardIoU(_ P: [Double], _ T: [Double]) -> Double {
        var i = 0, u = 0
        for k in P.indices {
            let p = P[k] > 0.5, t = T[k] > 0.5
            if p && t { i += 1 }
            if p || t { u += 1 }
        }
        return u == 0 ? 1 : Double(i) / Double(u)
    }
}
