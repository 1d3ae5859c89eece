import ArgumentParser
import SortingNetworks
#if canImport(Glibc)
import Glibc
#endif

/// `relax bench` — throughput of every implementation, measured in one run so ratios are fair.
struct BenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Benchmark the relaxed sorters (forward + backward with P) against the reference.",
        discussion: """
            Runs forward + backward (cotangents on y and P) of a bitonic network per n on one thread, \
            for every implementation, and prints the minimum thread CPU time per sample over the repetitions and the ratio to the \
            reference. Build with -c release.
            """)

    @Option(name: .long, parsing: .upToNextOption, help: "Sizes n to benchmark.")
    var n: [Int] = [32, 256, 1024]

    @Option(help: "Sigmoid family.")
    var family: String = "cauchy"

    @Option(help: "Network: bitonic or odd_even.")
    var network: String = "bitonic"

    @Option(help: "Repetitions per measurement (the minimum is reported: the least disturbed by other processes).")
    var repetitions: Int = 5

    @Option(help: "Skip the reference above this n (it is O(n³ log² n) memory traffic).")
    var referenceLimit: Int = 1024

    @Flag(help: "Values only (no P, cotangent on y only).")
    var valuesOnly = false

    @Option(help: "Rows per call (the batch).")
    var batch: Int = 1

    @Option(help: "Worker threads of the SIMD sorter (rows are split across threads). Above 1, wall time per sample is reported.")
    var threads: Int = 1

    func run() async throws {
        try checkThreads(threads)
        guard let family = SigmoidFamily(rawValue: family) else { throw ValidationError("unknown family '\(family)'") }
        guard let kind = SortingNetwork.Kind(rawValue: network) else { throw ValidationError("unknown network '\(network)'") }
        print("relax bench: \(kind.rawValue) network, \(family), Double, batch \(batch), \(threads == 1 ? "one thread (thread CPU time)" : "\(threads) threads for the SIMD sorter (wall time)"), forward + backward\(valuesOnly ? " (values only)" : " with P")")
        print(pad("n", 6) + pad("implementation", 16) + pad("min s/sample", 22) + pad("samples/s", 12) + "vs reference")
        for n in self.n {
            var referenceTime: Double?
            for impl in SortingImplementation.allCases {
                if impl == .reference && n > referenceLimit { continue }
                let config = SortConfiguration(network: kind, construction: .valid, family: family, steepness: 10)
                let sorter: any RelaxedSorter = impl != .reference && threads > 1
                    ? try SIMDRelaxedSorter(n: n, configuration: config, threads: threads,
                                            instructionSet: impl == .optimizedAVX2 ? .avx2FMA : .baseline)
                    : try impl.makeSorter(n: n, configuration: config)
                var rng = SplitMix64(seed: UInt64(n))
                let rows = max(1, batch)
                let x = (0..<(rows * n)).map { _ in rng.normal() }
                let cy = (0..<(rows * n)).map { _ in rng.normal() }
                let cp: [Double]? = valuesOnly ? nil : (0..<(rows * n * n)).map { _ in Double.random(in: -1...1, using: &rng) }
                var times: [Double] = []
                let clock = ContinuousClock()
                for _ in 0..<repetitions {
                    let start = threadCPUSeconds(), wallStart = clock.now
                    let g = try sorter.gradient(x, cotangentY: cy, cotangentP: cp, computeP: !valuesOnly)
                    let wall = clock.now - wallStart
                    let seconds = threads > 1
                        ? Double(wall.components.seconds) + Double(wall.components.attoseconds) * 1e-18
                        : threadCPUSeconds() - start
                    times.append(seconds / Double(rows))
                    guard g.gradX.count == rows * n else { throw ValidationError("unexpected gradient shape") }
                }
                let median = times.min()!  // the minimum: least disturbed by other processes on a shared machine
                if impl == .reference { referenceTime = median }
                let ratio = referenceTime.map { String(format: "%.1f×", $0 / median) } ?? "–"
                print(pad("\(n)", 6) + pad(impl.rawValue, 16) + pad(String(format: "%.6f", median), 22)
                      + pad(String(format: "%.1f", 1 / median), 12) + ratio)
            }
        }
    }

    /// CPU time of the calling thread: unaffected by other processes competing for the cores.
    func threadCPUSeconds() -> Double {
        var t = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &t)
        return Double(t.tv_sec) + Double(t.tv_nsec) * 1e-9
    }

    func pad(_ s: String, _ width: Int) -> String { s.count >= width ? s + " " : s + String(repeating: " ", count: width - s.count) }
}
