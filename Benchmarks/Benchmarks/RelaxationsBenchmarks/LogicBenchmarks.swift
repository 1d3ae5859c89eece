import Benchmark
import LogicGateNetworks
import SortingNetworks

/// Hard-network inference, 400 → 6 × 8,000 random gates (48 K), batch 8,192, every
/// implementation (`counts`: packing + gates + GroupSum), the bit-sliced plain and simplified
/// programs with every kernel; and one relaxed training step (loss and gradient) of every implementation.
func logicBenchmarks() {
    var rng = SplitMix64(seed: 3)
    let inputBits = 400, width = 8000, depth = 6, batch = 8192
    var layers: [(a: [Int], b: [Int], gates: [Int])] = []
    var previous = inputBits
    for _ in 0..<depth {
        layers.append((a: (0..<width).map { _ in Int.random(in: 0..<previous, using: &rng) },
                       b: (0..<width).map { _ in Int.random(in: 0..<previous, using: &rng) },
                       gates: (0..<width).map { _ in Int.random(in: 0..<16, using: &rng) }))
        previous = width
    }
    guard let network = try? HardLogicGateNetwork(inputBits: inputBits, layers: layers, classes: 10, tau: 10) else { return }
    let inputs = (0..<(batch * inputBits)).map { _ in UInt8.random(in: 0...1, using: &rng) }
    for impl in LogicGateNetworks.LogicImplementation.allCases {
        Benchmark("logic hard inference 400→6×8000, batch 8192, \(impl)",
                  configuration: .init(metrics: [.cpuTotal, .wallClock, .throughput], maxDuration: .seconds(3))) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(try impl.implementation.counts(network, inputs: inputs))
            }
        }
    }
    for simplify in [false, true] {
        let sliced = BitSlicedLogicNetwork(network, eliminateDeadGates: simplify)
        for kernel in BitSliceKernel.allCases {
            Benchmark("logic hard inference 400→6×8000, batch 8192, bit-sliced \(simplify ? "simplified" : "plain"), kernel \(kernel.rawValue)",
                      configuration: .init(metrics: [.cpuTotal, .wallClock, .throughput], maxDuration: .seconds(3))) { benchmark in
                for _ in benchmark.scaledIterations {
                    blackHole(try sliced.counts(inputs: inputs, kernel: kernel))
                }
            }
        }
    }
    // Relaxed: 192 → 4 × 500, batch 100, Float (the digits architecture, narrower).
    guard let relaxed = try? LogicGateNetwork<Float>(inputWidth: 192, width: 500, depth: 4, classes: 10, tau: 10) else { return }
    let x = (0..<(100 * 192)).map { _ in Float(Int.random(in: 0...1, using: &rng)) }
    let labels = (0..<100).map { _ in Int.random(in: 0..<10, using: &rng) }
    for impl in LogicGateNetworks.LogicImplementation.allCases {
        Benchmark("logic relaxed loss + gradient 192→4×500, batch 100, Float, \(impl)",
                  configuration: .init(metrics: [.cpuTotal, .wallClock, .throughput], maxDuration: .seconds(3))) { benchmark in
            for _ in benchmark.scaledIterations {
                blackHole(impl.implementation.lossAndGradient(relaxed, x: x, labels: labels))
            }
        }
    }
}
