import ArgumentParser
import Foundation
import Renderer

/// `relax render bench`: one 64×64 silhouette of the 2 700-face sphere, forward + backward, Float:
/// the reference, the optimized rasterizer's baseline (SSE2) and AVX2 + FMA kernels on one thread,
/// the AVX2 kernels on two threads, and the kernels' measured ceiling, all in the same run (and, with
/// `--python`, the vectorised PyTorch SoftRas script of Benchmarks/). Not a test: build with `-c release`.
struct RenderBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark: 64×64, 2 700-face sphere, forward + backward, Float: reference vs optimized (SSE2, AVX2, 2 threads) vs the kernels' measured ceiling (+ PyTorch SoftRas).")
    @Option(help: "Repetitions of each optimized run (the minimum is reported).")
    var repeats: Int = 7
    @Option(help: "Repetitions of each reference run (the minimum is reported).")
    var referenceRepeats: Int = 1
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
        let machine = Self.machine()
        print("64×64, \(mesh.faceCount) faces (\(Int(pairs)) pairs), forward + backward, Float. \(machine)")
        print("Times: minimum over repeats; one thread = thread-CPU time, two threads = wall time.")
        // The ceiling: the Cauchy + probabilistic forward and backward kernels on a 64×64 image and
        // copies of one face, timed here: what the kernels' loops reach without a mesh (no culling,
        // face data in L1). The issue roofline of the minimal sequence is derived
        // in the header of Sources/CRendererKernels/render_kernels.c (≈ 0.55 G pairs/s per core, Zen 3).
        let probeIterations = 2_000_000
        var probe: [SIMDSoftRasterizer.InstructionSet: Double] = [:]
        for isa in SIMDSoftRasterizer.InstructionSet.allCases {
            probe[isa] = Self.minimum(repeats) { _ = rendererRooflineProbe(iterations: probeIterations, instructionSet: isa) }
        }
        let probeRate = probe.mapValues { 8 * Double(probeIterations) / $0 }
        print(String(format: "Kernel ceiling (Cauchy forward + backward, 64×64, copies of one face): AVX2 %.3f G pairs/s, SSE2 %.3f G pairs/s per core; issue roofline of the kernels' minimal sequence ≈ 0.55 G pairs/s forward + backward (AVX2, 2.9 GHz Zen 3)",
                     probeRate[.avx2FMA]! / 1e9, probeRate[.baseline]! / 1e9))
        print("| setting | reference ms | SSE2 ms | AVX2 ms | AVX2 forward only ms | AVX2 2 threads ms (wall) | speed-up SSE2 | speed-up AVX2 | AVX2 pairs/s |")
        print("|---|---|---|---|---|---|---|---|---|")
        for (label, s) in rows {
            var t: [String: Double] = [:]
            for isa in SIMDSoftRasterizer.InstructionSet.allCases {
                let r = SIMDSoftRasterizer(threads: 1, instructionSet: isa)
                t[isa.rawValue] = try Self.minimum(repeats) { _ = try r.gradient(triangles, s, cotangent: cot) }
            }
            let one = SIMDSoftRasterizer(threads: 1, instructionSet: .avx2FMA)
            let forward = try Self.minimum(repeats) { _ = try one.render(triangles, s) }
            let two = SIMDSoftRasterizer(threads: 2, instructionSet: .avx2FMA)
            let wall2 = try Self.minimum(repeats, wall: true) { _ = try two.gradient(triangles, s, cotangent: cot) }
            var ref = Double.nan
            if !noReference {
                ref = try Self.minimum(referenceRepeats) { _ = try ReferenceSoftRasterizer().gradient(triangles, s, cotangent: cot) }
            }
            let sse = t["baseline"]!, avx = t["avx2-fma"]!
            print(String(format: "| %@ | %@ | %.2f | %.2f | %.2f | %.2f | %@ | %@ | %.2f G |", label,
                         ref.isNaN ? "–" : String(format: "%.0f", ref * 1000), sse * 1000, avx * 1000, forward * 1000, wall2 * 1000,
                         ref.isNaN ? "–" : String(format: "%.0f×", ref / sse), ref.isNaN ? "–" : String(format: "%.0f×", ref / avx),
                         pairs / avx / 1e9))
        }
        print("(pairs/s counts all \(Int(pairs)) pixel–face pairs of forward + backward, culled ones included)")
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

    /// Minimum over `count` runs of thread-CPU time (or wall time).
    static func minimum(_ count: Int, wall: Bool = false, _ body: () throws -> Void) rethrows -> Double {
        var best = Double.infinity
        for _ in 0..<max(1, count) {
            let t0 = wall ? wallSeconds() : threadCPUSeconds()
            try body()
            best = min(best, (wall ? wallSeconds() : threadCPUSeconds()) - t0)
        }
        return best
    }

    static func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    static func wallSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_MONOTONIC, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    /// CPU model, core count and load average, for the record.
    static func machine() -> String {
        let cpu = (try? String(contentsOfFile: "/proc/cpuinfo", encoding: .utf8))?
            .split(separator: "\n").first { $0.hasPrefix("model name") }?
            .split(separator: ":").last.map { $0.trimmingCharacters(in: .whitespaces) } ?? "unknown CPU"
        let load = (try? String(contentsOfFile: "/proc/loadavg", encoding: .utf8))?.split(separator: " ").prefix(3).joined(separator: " ") ?? "?"
        return "Machine: \(cpu), \(ProcessInfo.processInfo.activeProcessorCount) cores, load average \(load)"
    }
}
