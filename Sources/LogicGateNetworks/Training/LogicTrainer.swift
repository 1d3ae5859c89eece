import RealModule

/// A labelled binary dataset: `[count][bits]` bytes of 0/1 and labels in `0..<classes`.
public struct LogicDataset: Sendable {
    public let bits: Int
    public let x: [UInt8]
    public let labels: [Int]
    public var count: Int { labels.count }

    public init(bits: Int, x: [UInt8], labels: [Int], classes: Int) throws(LogicNetworkError) {
        guard bits >= 1 else { throw .invalidWidth(bits) }
        guard x.count == bits * labels.count else {
            throw .shapeMismatch("\(labels.count) labels but \(x.count) input bytes for \(bits) bits per sample")
        }
        for (i, v) in x.enumerated() where v > 1 {
            throw .nonBinaryInput(sample: i / bits, feature: i % bits, value: Double(v))
        }
        for (s, l) in labels.enumerated() where !(0..<classes).contains(l) {
            throw .labelOutOfRange(sample: s, label: l, classes: classes)
        }
        self.bits = bits
        self.x = x
        self.labels = labels
    }
}

/// Hyper-parameters of ``LogicTrainer`` (defaults: the authors' Adam lr 0.01, batch 100).
public struct LogicTrainingOptions: Sendable {
    public var width = 2000
    public var depth = 4
    public var tau = 10.0
    public var learningRate: Float = 0.01
    public var batchSize = 100
    public var steps = 3000
    public var connections: ConnectionScheme = .random
    public var initialization: LogicInitialization = .gaussian
    public var gradFactor: Float = 1
    public var seed: UInt64 = 0
    public var threads = 1
    public init() {}
}

/// Accuracies of a trained network on one dataset.
public struct LogicAccuracy: Sendable {
    /// The relaxed network (softmax mixtures) on the binary inputs.
    public var relaxed: Double
    /// The discretized network (argmax gates), bit-sliced.
    public var discretized: Double
}

/// Trains a relaxed network with the SIMD kernels and Adam, without allocating per step.
public struct LogicTrainer: Sendable {
    public var options: LogicTrainingOptions
    public init(options: LogicTrainingOptions) { self.options = options }

    /// Trains on `train`; `progress(step, loss)` is called every `reportEvery` steps.
    public func train(
        _ train: LogicDataset, classes: Int, reportEvery: Int = 100, progress: (Int, Float) -> Void = { _, _ in }
    ) throws(LogicNetworkError) -> LogicGateNetwork<Float> {
        let o = options
        var net = try LogicGateNetwork<Float>(
            inputWidth: train.bits, width: o.width, depth: o.depth, classes: classes, tau: o.tau,
            connections: o.connections, initialization: o.initialization, gradFactor: o.gradFactor, seed: o.seed)
        let batch = min(o.batchSize, train.count)
        let workspace = LogicTrainingWorkspace(for: net, capacity: batch, threads: o.threads)
        var adam = Adam<Float>(learningRate: o.learningRate)
        var rng = SeededGenerator(seed: o.seed &+ 1)
        var order = rng.permutation(train.count)
        var cursor = 0
        var x = [Float](repeating: 0, count: batch * train.bits)
        var y = [Int](repeating: 0, count: batch)
        var running: Float = 0
        for step in 1...max(1, o.steps) {
            for s in 0..<batch {  // epochs of a fixed shuffled order, reshuffled each epoch
                if cursor == order.count { order.shuffle(using: &rng); cursor = 0 }
                let i = order[cursor]
                cursor += 1
                for f in 0..<train.bits { x[s * train.bits + f] = Float(train.x[i * train.bits + f]) }
                y[s] = train.labels[i]
            }
            let loss = workspace.step(net, x: x, labels: y)
            adam.update(&net, gradients: workspace.gradLogits)
            running = step == 1 ? loss : 0.98 * running + 0.02 * loss
            if step % reportEvery == 0 || step == o.steps { progress(step, running) }
        }
        return net
    }

    /// Accuracy of the relaxed and the discretized network on `data`.
    public static func accuracy(_ net: LogicGateNetwork<Float>, on data: LogicDataset, threads: Int = 1) throws(LogicNetworkError) -> LogicAccuracy {
        let k = net.classes
        var relaxedCorrect = 0
        let chunk = 500
        var start = 0
        while start < data.count {
            let n = min(chunk, data.count - start)
            let x = data.x[start * data.bits..<(start + n) * data.bits].map { Float($0) }
            let scores = SIMDLogicGateNetwork(threads: threads).scores(net, x: x, batch: n)
            for s in 0..<n where GateMixture.argmax(scores[s * k..<(s + 1) * k]) == data.labels[start + s] { relaxedCorrect += 1 }
            start += n
        }
        let counts = try BitSlicedLogicNetwork(net.discretized()).counts(inputs: data.x, threads: threads)
        let predictions = logicPredictions(counts: counts, classes: k)
        let hardCorrect = zip(predictions, data.labels).filter { $0 == $1 }.count
        return LogicAccuracy(relaxed: Double(relaxedCorrect) / Double(data.count), discretized: Double(hardCorrect) / Double(data.count))
    }
}
