import ArgumentParser
import Foundation
import Renderer

/// `relax render bench`: one 64×64 silhouette of the 2 700-face sphere, forward + backward, Float,
/// optimized vs reference in the same run (and, with `--python`, the vectorised PyTorch SoftRas
/// script of Benchmarks/ timed in the same run). Not a test: build with `-c release`.
struct RenderBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark: 64×64, 2 700-face sphere, forward + backward, Float, optimized vs reference (+ PyTorch SoftRas).")
    @Option(help: "Repetitions of the optimized run (the median is reported).")
    var repeats: Int = 5
    @Option(help: "Threads of the optimized rasterizer.")
    var threads: Int = 1
    @Flag(help: "Skip the (slow) reference runs.")
    var noReference = false
    @Option(help: "Python with torch: also time Benchmarks/render_softras_torch.py in this run.")
    var python: String?

    func run() async throws {
        let mesh = try TriangleMesh.uvSphere(radius: 0.5, segments: 50, rings: 28)
        let camera = try Camera(distance: 2.732, elevation: 30, azimuth: 0, viewAngle: 15)
        let triangles = MeshSilhouette.triangles(mesh, camera).map(Float.init)
        let n = 64, pairs = Double(n * n * mesh.faceCount)
        let cot = [Float](repeating: 1, count: n * n)
        let rows: [(String, SilhouetteSettings)] = [
            ("uniform τ=10^-1.5", try SilhouetteSettings(size: n, distribution: .named("uniform"), scale: pow(10, -1.5), tconorm: .probabilistic)),
            ("logistic τ=0.01", try SilhouetteSettings(size: n, distribution: .named("logistic"), scale: 0.01, tconorm: .probabilistic)),
            ("gaussian τ=10^-1.5", try SilhouetteSettings(size: n, distribution: .named("gaussian"), scale: pow(10, -1.5), tconorm: .probabilistic)),
            ("logistic squared τ=1e-4 (SoftRas)", try SilhouetteSettings(size: n, distribution: .named("logistic"), scale: 1e-4, squaredDistance: true, tconorm: .probabilistic)),
            ("cauchy τ=10^-3.5", try SilhouetteSettings(size: n, distribution: .named("cauchy"), scale: pow(10, -3.5), tconorm: .probabilistic)),
        ]
        print("64×64, \(mesh.faceCount) faces (\(Int(pairs)) pairs), forward + backward, Float, optimized threads = \(threads)")
        print("| setting | optimized ms | reference ms | speed-up | optimized pairs/s |\n|---|---|---|---|---|")
        for (label, s) in rows {
            let simd = SIMDSoftRasterizer(threads: threads)
            var times: [Double] = []
            for _ in 0..<max(1, repeats) {
                let t0 = Date()
                _ = try simd.gradient(triangles, s, cotangent: cot)
                times.append(Date().timeIntervalSince(t0))
            }
            let opt = times.sorted()[times.count / 2]
            var refText = "–", ratioText = "–"
            if !noReference {
                let t0 = Date()
                _ = try ReferenceSoftRasterizer().gradient(triangles, s, cotangent: cot)
                let ref = Date().timeIntervalSince(t0)
                refText = String(format: "%.0f", ref * 1000)
                ratioText = String(format: "%.1f×", ref / opt)
            }
            print(String(format: "| %@ | %.2f | %@ | %@ | %.2f G |", label, opt * 1000, refText, ratioText, pairs / opt / 1e9))
        }
        if let python {
            let process = Process()
            process.executableURL = URL(fileURLWithPath: python)
            process.arguments = ["Benchmarks/render_softras_torch.py"]
            let pipe = Pipe()
            process.standardOutput = pipe
            try process.run()
            process.waitUntilExit()
            let text = String(decoding: pipe.fileHandleForReading.readDataToEndOfFile(), as: UTF8.self)
            print(text.trimmingCharacters(in: .whitespacesAndNewlines))
        }
    }
}
