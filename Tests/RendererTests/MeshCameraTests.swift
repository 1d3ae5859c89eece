import Renderer
import Testing

@Suite("Renderer meshes and camera")
struct MeshCameraTests {
    @Test("procedural meshes: the 1 352-vertex / 2 700-face sphere, icosphere, cube, torus")
    func procedural() throws {
        let s = try TriangleMesh.uvSphere(segments: 50, rings: 28)
        #expect(s.vertexCount == 1352 && s.faceCount == 2700)
        let ico = try TriangleMesh.icosphere(level: 3)
        #expect(ico.vertexCount == 642 && ico.faceCount == 1280)
        #expect(try TriangleMesh.cube().faceCount == 12)
        let torus = try TriangleMesh.torus(segments: 8, sides: 6)
        #expect(torus.vertexCount == 48 && torus.faceCount == 96)
        // Closed meshes: every edge is shared by exactly two faces.
        for mesh in [s, ico, try TriangleMesh.cube(), torus] {
            var edges: [Int: Int] = [:]
            for f in 0..<mesh.faceCount {
                for k in 0..<3 {
                    let a = mesh.faces[3 * f + k], b = mesh.faces[3 * f + (k + 1) % 3]
                    edges[min(a, b) * 100_000 + max(a, b), default: 0] += 1
                }
            }
            #expect(edges.values.allSatisfy { $0 == 2 })
        }
    }

    @Test("OBJ: fans polygons, negative indices, typed errors for malformed files")
    func obj() throws {
        let quad = try TriangleMesh.parseOBJ("# quad\nv 0 0 0\nv 1 0 0\nv 1 1 0\nv 0 1 0\nvn 0 0 1\nf 1//1 2//1 3//1 4//1\nf -4 -3 -2\n")
        #expect(quad.faces == [0, 1, 2, 0, 2, 3, 0, 1, 2])
        let bad: [String] = ["v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2 4\n", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 0 1 2\n", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf -4 1 2\n",
                             "v 0 0 nan\nv 1 0 0\nv 0 1 0\nf 1 2 3\n", "v 0 0 0\nv 1 0 0\n", "", "v 0 0 0\nv 1 x 0\n", "v 0 0 0\nv 1 0 0\nv 0 1 0\nf 1 2\n"]
        for text in bad { #expect(throws: RendererError.self, "\(text)") { try TriangleMesh.parseOBJ(text) } }
        let round = try TriangleMesh.parseOBJ(try TriangleMesh.cube().objText())
        #expect(round == (try TriangleMesh.cube()))
    }

    @Test("camera conventions: the eye on −z looks at +z; a vertex at the origin maps to the centre")
    func camera() throws {
        let c = try Camera(distance: 3, viewAngle: 30)
        let m = try TriangleMesh(positions: [0, 0, 0, 1, 0, 0, 0, 1, 0], faces: [0, 1, 2])
        let t = MeshSilhouette.triangles(m, c)
        #expect(abs(t[0]) < 1e-15 && abs(t[1]) < 1e-15)
        #expect(abs(t[2] - 1 / (3 * (30.0 * Double.pi / 180).tangentForTest)) < 1e-12)  // x right
        #expect(t[5] > 0)  // y up
        #expect(throws: RendererError.self) { try Camera(distance: 0) }
        #expect(throws: RendererError.self) { try Camera(distance: 2, viewAngle: 90) }
    }

    @Test("vertex and camera gradients match central differences of the loss")
    func gradients() throws {
        let mesh = try TriangleMesh.lShape()
        let camera = try Camera(distance: 3, elevation: 20, azimuth: 30, viewAngle: 20)
        let s = try SilhouetteSettings(size: 16, distribution: .named("logistic"), scale: 0.05, tconorm: .probabilistic)
        var rng = TestRandom(state: 3)
        let cot = (0..<256).map { _ in rng.uniform(-1, 1) }
        let r = MeshSilhouette(rasterizer: ReferenceSoftRasterizer())
        let g = try r.gradient(mesh, camera, s, cotangent: cot)
        func loss(_ m: TriangleMesh, _ c: Camera) throws -> Double { zip(try r.render(m, c, s), cot).reduce(0) { $0 + $1.0 * $1.1 } }
        var checked = 0, skipped = 0
        for i in stride(from: 0, to: mesh.positions.count, by: 5) {
            func shifted(_ h: Double) throws -> TriangleMesh { var p = mesh.positions; p[i] += h; return try TriangleMesh(positions: p, faces: mesh.faces) }
            let f1 = (try loss(shifted(1e-6), camera) - loss(shifted(-1e-6), camera)) / 2e-6
            let f2 = (try loss(shifted(2e-6), camera) - loss(shifted(-2e-6), camera)) / 4e-6
            if abs(f1 - f2) > 1e-5 * (1 + abs(f1)) { skipped += 1; continue }
            #expect(abs(g.vertices[i] - f1) <= 1e-5 * (1 + abs(f1)), "vertex coordinate \(i)")
            checked += 1
        }
        for k in 0..<4 {
            func shifted(_ h: Double) throws -> Camera {
                var p = camera.parameters; p[k] += h
                return try Camera(distance: p[0], elevation: p[1], azimuth: p[2], viewAngle: p[3])
            }
            let f1 = (try loss(mesh, shifted(1e-5)) - loss(mesh, shifted(-1e-5))) / 2e-5
            #expect(abs(g.camera[k] - f1) <= 1e-4 * (1 + abs(f1)), "camera parameter \(k): \(g.camera[k]) vs \(f1)")
        }
        #expect(skipped * 5 <= checked, "skipped \(skipped) of \(checked + skipped)")
    }

    @Test("IoU loss gradient matches central differences")
    func iou() {
        var rng = TestRandom(state: 4)
        let P = (0..<20).map { _ in rng.uniform(0, 1) }, T = (0..<20).map { _ in rng.uniform(0, 1) < 0.5 ? 0.0 : 1.0 }
        let (_, g) = IoULoss.value(P, T)
        for i in 0..<20 {
            var up = P, down = P
            up[i] += 1e-6; down[i] -= 1e-6
            let fd = (IoULoss.value(up, T).loss - IoULoss.value(down, T).loss) / 2e-6
            #expect(abs(g[i] - fd) <= 1e-7)
        }
    }
}

extension Double {
    var tangentForTest: Double { Foundation_tan(self) }
}

import Foundation
private func Foundation_tan(_ x: Double) -> Double { tan(x) }
