import AlgorithmicSupervision
import Benchmark
import SortingNetworks

/// Forward + backward of every shipped program (issue 9's workloads: bubble sort n = 16 batch
/// 100, shortest path 12×12 T = 24 batch 16; plus edit distance and the counter), one thread,
/// for every `AlgorithmImplementation`. `relax algo bench` and `Benchmarks/compare-algo.sh` time
/// the first two next to the authors' AlgoVision.
func algorithmBenchmarks() {
    var rng = SplitMix64(seed: 9)
    var sortP = AlgorithmParameters(); sortP.beta = 8
    var pathP = AlgorithmParameters(); pathP.beta = 10; pathP.iterations = 24
    var editP = AlgorithmParameters(); editP.beta = 5
    var countP = AlgorithmParameters(); countP.beta = 2; countP.limit = 5
    func letters(_ rows: Int, _ n: Int, _ K: Int) -> [Double] {
        (0..<(rows * n)).flatMap { _ -> [Double] in
            let w = (0..<K).map { _ in Double.random(in: 0.05...1, using: &rng) }
            let total = w.reduce(0, +)
            return w.map { $0 / total }
        }
    }
    let workloads: [(name: String, program: AlgorithmProgram, inputs: [String: Batched<Double>], cot: [String: [Double]], p: AlgorithmParameters)] = [
        ("bubble_sort n=16 B=100 beta=8", .bubbleSort, ["array": Batched(shape: [100, 16], values: (0..<1600).map { _ in rng.normal() })],
         ["array": [Double](repeating: 0, count: 1600), "loss_sum": [Double](repeating: 1, count: 100)], sortP),
        ("shortest_path 12x12 T=24 B=16 beta=10", .shortestPath,
         ["cost": Batched(shape: [16, 12, 12], values: (0..<(16 * 144)).map { _ in 1 / (1 + Double.exp(-4 * rng.normal())) + 0.2 })],
         ["path": [Double](repeating: 1, count: 16 * 144)], pathP),
        ("edit_distance 8x8 K=4 B=16 beta=5", .editDistance,
         ["a": Batched(shape: [16, 8, 4], values: letters(16, 8, 4)), "b": Batched(shape: [16, 8, 4], values: letters(16, 8, 4))],
         ["distance": [Double](repeating: 1, count: 16)], editP),
        ("counter B=64 beta=2 limit=5", .counter, ["start": Batched(shape: [64], values: (0..<64).map { _ in rng.normal() })],
         ["x": [Double](repeating: 1, count: 64)], countP),
    ]
    for w in workloads {
        for impl in AlgorithmImplementation.allCases {
            Benchmark("algorithm \(w.name) forward+backward, \(impl)",
                      configuration: .init(metrics: [.cpuTotal, .wallClock, .mallocCountTotal], maxDuration: .seconds(3))) { benchmark in
                let runner = impl.runner
                for _ in benchmark.scaledIterations {
                    blackHole(try runner.run(w.program, inputs: w.inputs, cotangents: w.cot, parameters: w.p))
                }
            }
        }
    }
}
