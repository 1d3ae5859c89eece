import Benchmark

let benchmarks: @Sendable () -> Void = {
    sortingBenchmarks()
    topKBenchmarks()
    logicBenchmarks()
    rendererBenchmarks()
    algorithmBenchmarks()
}
