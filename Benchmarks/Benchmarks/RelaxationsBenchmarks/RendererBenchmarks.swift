import Benchmark
import Renderer

/// The renderer workload of `relax render bench`: 64×64 soft silhouette of the 2,700-face sphere,
/// forward + backward, Float, one thread, for every implementation (the reference only for the
/// culled settings, where one sample takes about a second).
func rendererBenchmarks() {
    guard let mesh = try? TriangleMesh.uvSphere(radius: 0.5, segments: 50, rings: 28),
          let camera = try? Camera(distance: 2.732, elevation: 30, azimuth: 0, viewAngle: 15) else { return }
    let triangles = MeshSilhouette.triangles(mesh, camera).map(Float.init)
    let n = 64
    let cot = [Float](repeating: 1, count: n * n)
    let rows: [(String, String, Double, Bool)] = [
        ("uniform τ=10^-1.5", "uniform", 0.031622776601683794, false),
        ("logistic τ=0.01", "logistic", 0.01, false),
        ("gaussian τ=10^-1.5", "gaussian", 0.031622776601683794, false),
        ("logistic squared τ=1e-4", "logistic", 1e-4, true),
        ("cauchy τ=10^-3.5", "cauchy", 0.00031622776601683794, false),
    ]
    for (label, name, tau, squared) in rows {
        guard let s = try? SilhouetteSettings(size: n, distribution: .named(name), scale: tau, squaredDistance: squared, tconorm: .probabilistic) else { continue }
        for impl in RendererImplementation.allCases {
            Benchmark("render 64×64 sphere fwd+bwd Float, \(label), \(impl.rawValue)",
                      configuration: .init(metrics: [.cpuTotal, .wallClock, .throughput], maxDuration: .seconds(impl == .reference ? 10 : 3),
                                           maxIterations: impl == .reference ? 3 : 1000)) { benchmark in
                let r = impl.rasterizer
                for _ in benchmark.scaledIterations {
                    blackHole(try r.gradient(triangles, s, cotangent: cot))
                }
            }
        }
    }
}
