import AlgorithmicSupervision
import ArgumentParser
import Foundation
import SortingNetworks

/// `relax algo bench`: forward + backward time of both implementations on the benchmark
/// configurations (one thread); `Benchmarks/compare-algo.sh` runs it next to the authors'
/// AlgoVision on the same inputs.
struct AlgoBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Time forward+backward of the reference and SIMD programs (bubble sort n=16 B=100; shortest path 12x12 T=24 B=16).",
        discussion: "Build with -c release. Inputs are seeded (SplitMix64); prints one line per configuration and implementation.")

    @Option(help: "Minimum seconds of timing per measurement.")
    var seconds: Double = 1
    @Option(help: "Seed of the inputs.")
    var seed: UInt64 = 7
    @Option(help: "Only this program (bubble_sort or shortest_path); default both.")
    var only: String?
    @Option(help: "Only this implementation (reference, optimized or optimized-avx2); default all, with the ratios.")
    var implementation: String?

    struct Config { let name: String; let program: AlgorithmProgram; let inputs: [String: Batched<Double>]; let cot: [String: [Double]]; let p: AlgorithmParameters }

    func run() async throws {
        var rng = SplitMix64(seed: seed)
        let array = (0..<1600).map { _ in rng.normal() }
        let cost = (0..<(16 * 144)).map { _ in 1 / (1 + Double.exp(-4 * rng.normal())) + 0.2 }
        var sortP = AlgorithmParameters(); sortP.beta = 8
        var pathP = AlgorithmParameters(); pathP.beta = 10; pathP.iterations = 24
        let configs = [
            Config(name: "bubble_sort n=16 B=100 beta=8", program: .bubbleSort, inputs: ["array": Batched(shape: [100, 16], values: array)],
                   cot: ["array": [Double](repeating: 0, count: 1600), "loss_sum": [Double](repeating: 1, count: 100)], p: sortP),
            Config(name: "shortest_path 12x12 T=24 B=16 beta=10 for/probabilistic", program: .shortestPath,
                   inputs: ["cost": Batched(shape: [16, 12, 12], values: cost)], cot: ["path": [Double](repeating: 1, count: 16 * 144)], p: pathP),
        ]
        print("config | implementation | ms per forward+backward (thread CPU time, best of 10 blocks) | calls")
        for c in configs where only.map({ c.name.hasPrefix($0 + " ") }) ?? true {
            var times: [AlgorithmImplementation: Double] = [:]
            for impl in AlgorithmImplementation.allCases where implementation.map({ impl.rawValue == $0 }) ?? true {
                let runner = impl.runner
                _ = try runner.run(c.program, inputs: c.inputs, cotangents: c.cot, parameters: c.p)
                // The minimum over 10 blocks of about `seconds`/10 each (the mean per call within
                // a block), as the AlgoVision script takes the minimum over its repetitions: load
                // from other jobs on a shared machine inflates some blocks, never shortens one.
                var calls = 0, ms = Double.infinity
                for _ in 0..<10 {
                    var n = 0
                    let start = Self.threadTime()
                    while Self.threadTime() - start < seconds / 10 || n < 1 {
                        _ = try runner.run(c.program, inputs: c.inputs, cotangents: c.cot, parameters: c.p)
                        n += 1
                    }
                    ms = min(ms, (Self.threadTime() - start) * 1000 / Double(n))
                    calls += n
                }
                times[impl] = ms
                print("\(c.name) | \(impl.rawValue) | \(String(format: "%.3f", ms)) | \(calls)")
            }
            if let r = times[.reference], let o = times[.optimized] {
                print("\(c.name) | reference/optimized ratio | \(String(format: "%.1f", r / o)) |")
            }
            if let r = times[.reference], let o = times[.optimizedAVX2] {
                print("\(c.name) | reference/optimized-avx2 ratio | \(String(format: "%.1f", r / o)) |")
            }
        }
    }

    /// CPU time of the calling thread, in seconds (other load on the machine does not count).
    static func threadTime() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }
}
