import Benchmark
import SortingNetworks
import TopK

/// Loss + gradient, n = 1000 classes, K = 5, batch 64, Float, one thread — issue 4's workload —
/// for every implementation and the network sorters.
func topKBenchmarks() {
    let n = 1000, batch = 64
    var rng = SplitMix64(seed: 4)
    let logits = (0..<(batch * n)).map { _ in Float(rng.normal()) }
    let labels = (0..<batch).map { _ in Int.random(in: 0..<n, using: &rng) }
    for method in [TopKMethod.bitonic, .splitterSelection] {
        for impl in TopK.TopKImplementation.allCases {
            Benchmark("top-k loss+grad, \(method) n=1000 K=5 batch 64, \(impl)",
                      configuration: .init(metrics: [.cpuTotal, .wallClock, .mallocCountTotal], maxDuration: .seconds(3))) { benchmark in
                let loss = try impl.makeLoss(n: n, configuration: TopKConfiguration(method: method))
                for _ in benchmark.scaledIterations {
                    blackHole(try loss.evaluate(logits: logits, labels: labels, computeProbabilities: false))
                }
            }
        }
    }
}
