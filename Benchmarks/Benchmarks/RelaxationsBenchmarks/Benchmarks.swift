import Benchmark

let benchmarks: @Sendable () -> Void = {
    sortingBenchmarks()
    topKBenchmarks()
    logicBenchmarks()
    algorithmBenchmarks()
}
