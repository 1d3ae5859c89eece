import Benchmark
import SortingNetworks

/// Forward + backward (cotangents on y and P) of the valid bitonic network, Cauchy, Double,
/// one sample, for every implementation — the workload of issue 2's performance table.
func sortingBenchmarks() {
    for n in [32, 256, 1024] {
        for impl in SortingNetworks.SortingImplementation.allCases {
            if impl == .reference && n > 256 { continue }  // seconds per sample; see `relax bench`
            let config = SortConfiguration(network: .bitonic, construction: .valid, family: .cauchy, steepness: 10)
            var rng = SplitMix64(seed: UInt64(n))
            let x = (0..<n).map { _ in rng.normal() }
            let cy = (0..<n).map { _ in rng.normal() }
            let cp = (0..<(n * n)).map { _ in Double.random(in: -1...1, using: &rng) }
            Benchmark("sort fwd+bwd P, bitonic n=\(n), \(impl)",
                      configuration: .init(metrics: [.cpuTotal, .wallClock, .mallocCountTotal], maxDuration: .seconds(3))) { benchmark in
                let sorter = try impl.makeSorter(n: n, configuration: config)
                for _ in benchmark.scaledIterations {
                    blackHole(try sorter.gradient(x, cotangentY: cy, cotangentP: cp, computeP: true))
                }
            }
        }
    }
}
