import AlgorithmicSupervision
import ArgumentParser
import Datasets
import Fixtures
import Foundation
import SortingNetworks

/// `relax algo train-sort`: sorting supervision in miniature (arXiv 2110.05651, §4.1). A small
/// score model (one hidden layer) maps each image of the bundled digits data to a scalar; it
/// learns only from the *order* of sets of `n` images with distinct labels, through the relaxed
/// bubble sort's expected number of swaps (`loss_sum`) on the scores arranged in ground-truth
/// order. The same model, initialisation and batches are trained side by side with the sorting
/// module's relaxed sorting network loss (BCE between the relaxed permutation matrix and the
/// true one, arXiv 2105.04019).
struct AlgoTrainSortCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "train-sort",
        abstract: "Learn image scores from ordering alone (relaxed bubble sort vs relaxed sorting network); print ranking accuracy.")

    @Option(help: "digits or mnist5k.")
    var dataset = "digits"
    @Option(help: "Directory with <dataset>-{train,test}-{x,y}.npy (default: the datasets bundled with the tool).")
    var dataDir: String?
    @Option(help: "Set size n (distinct labels per set).")
    var n = 5
    @Option(help: "β of the relaxed bubble sort (the authors' script: 8).")
    var beta: Double = 8
    @Option(help: "Sorting network of the comparison loss: odd_even or bitonic.")
    var network = "odd_even"
    @Option(help: "Sigmoid family of the comparison loss.")
    var family = "logistic"
    @Option(help: "Steepness of the comparison loss (default: β).")
    var steepness: Double?
    @Option var steps = 400
    @Option(help: "Sets per batch.")
    var batch = 32
    @Option var hidden = 32
    @Option(help: "Adam learning rate.")
    var learningRate: Double = 3e-3
    @Option var seed: UInt64 = 0
    @Option(help: "Test sets for the accuracy.")
    var testSets = 1000

    func run() async throws {
        let directory = dataDir ?? BundledDatasets.directory.path
        let train = try SortData.load(directory, dataset, "train"), test = try SortData.load(directory, dataset, "test")
        let classes = (train.y.max() ?? 0) + 1
        guard n >= 2, n <= classes else { throw ValidationError("n must be in 2…\(classes) (sets have distinct labels)") }
        guard let kind = SortingNetwork.Kind(rawValue: network), let fam = SigmoidFamily(rawValue: family) else {
            throw ValidationError("network: odd_even | bitonic; family: \(SigmoidFamily.allCases.map(\.rawValue).joined(separator: ", "))")
        }
        let sorter = try SortingNetworks.SortingImplementation.optimized.makeSorter(
            n: n, configuration: SortConfiguration(network: kind, construction: .valid, family: fam, steepness: steepness ?? beta))
        var parameters = AlgorithmParameters()
        parameters.beta = beta
        let runner = AlgorithmImplementation.optimized.runner
        print("relax algo train-sort: \(dataset), \(train.count) train / \(test.count) test images, sets of n = \(n) distinct labels")
        print("score model \(train.features)→\(hidden)→1 (ReLU), Adam lr \(learningRate), batch \(batch) sets, \(steps) steps, same init and batches for both losses")
        print("A: relaxed bubble sort loss_sum, β = \(beta)   B: relaxed sorting network (\(network), \(family), steepness \(steepness ?? beta)), BCE on P\n")
        var rng = SplitMix64(seed: seed &+ 1)
        var testRng = SplitMix64(seed: seed &+ 2)
        let testSetsDrawn = (0..<testSets).map { _ in test.drawSet(n, classes: classes, using: &testRng) }
        var modelA = ScoreModel(inputs: train.features, hidden: hidden, seed: seed), modelB = modelA
        let start = Date()
        for step in 1...steps {
            let sets = (0..<batch).map { _ in train.drawSet(n, classes: classes, using: &rng) }
            let rows = sets.flatMap { $0 }   // each set in ground-truth (ascending label) order
            // A: relaxed bubble sort.
            let (sA, cacheA) = modelA.forward(train, rows)
            let r = try runner.run(.bubbleSort, inputs: ["array": Batched(shape: [batch, n], values: sA)],
                                   cotangents: ["loss_sum": [Double](repeating: 1 / Double(batch), count: batch)], parameters: parameters)
            let lossA = r.outputs["loss_sum"]!.values.reduce(0, +) / Double(batch)
            modelA.backward(train, rows, cacheA, gradScores: r.gradients["array"]!.values, learningRate: learningRate)
            // B: relaxed sorting network, BCE(P, identity).
            let (sB, cacheB) = modelB.forward(train, rows)
            let forward = try sorter.sort(sB, computeP: true)
            let (lossB, gradP) = Self.bce(forward.p!, n: n, batch: batch)
            let g = try sorter.gradient(sB, cotangentY: nil, cotangentP: gradP, computeP: true)
            modelB.backward(train, rows, cacheB, gradScores: g.gradX, learningRate: learningRate)
            if step == 1 || step == steps || step % max(1, steps / 10) == 0 {
                let a = Self.accuracy(modelA, test, testSetsDrawn), b = Self.accuracy(modelB, test, testSetsDrawn)
                print(String(format: "step %4d/%d [%5.1f s]  A: loss %.4f EM %.1f%% EW %.1f%%  |  B: loss %.4f EM %.1f%% EW %.1f%%",
                             step, steps, Date().timeIntervalSince(start), lossA, a.em * 100, a.ew * 100, lossB, b.em * 100, b.ew * 100))
            }
        }
        let a = Self.accuracy(modelA, test, testSetsDrawn), b = Self.accuracy(modelB, test, testSetsDrawn)
        print("\n| loss (n = \(n), \(testSets) test sets) | exact match | element-wise |")
        print("|---|---:|---:|")
        print(String(format: "| relaxed bubble sort (β = %g) | %.1f%% | %.1f%% |", beta, a.em * 100, a.ew * 100))
        print(String(format: "| relaxed sorting network (%@, %@) | %.1f%% | %.1f%% |", network as NSString, family as NSString, b.em * 100, b.ew * 100))
    }

    /// Mean binary cross-entropy between `P` (authors' convention) and the identity, and its
    /// gradient (log clamped at −100 as in PyTorch's BCELoss).
    static func bce(_ p: [Double], n: Int, batch: Int) -> (Double, [Double]) {
        var loss = 0.0
        var grad = [Double](repeating: 0, count: p.count)
        let scale = 1 / Double(p.count)
        for b in 0..<batch {
            for j in 0..<n {
                for i in 0..<n {
                    let k = (b * n + j) * n + i
                    let t = i == j ? 1.0 : 0.0
                    let q = min(max(p[k], 1e-12), 1 - 1e-12)
                    loss -= (t * max(Double.log(q), -100) + (1 - t) * max(Double.log(1 - q), -100)) * scale
                    grad[k] = (q - t) / (q * (1 - q)) * scale
                }
            }
        }
        return (loss, grad)
    }

    /// Exact match (the whole predicted order is right) and element-wise (each element's
    /// predicted rank is right), over sets given in ground-truth order.
    static func accuracy(_ model: ScoreModel, _ data: SortData, _ sets: [[Int]]) -> (em: Double, ew: Double) {
        var exact = 0, elements = 0, total = 0
        for set in sets {
            let (s, _) = model.forward(data, set)
            let ranks = s.indices.map { i in s.indices.filter { s[$0] < s[i] }.count }
            let right = ranks.enumerated().filter { $0.offset == $0.element }.count
            elements += right
            total += set.count
            if right == set.count { exact += 1 }
        }
        return (Double(exact) / Double(sets.count), Double(elements) / Double(total))
    }
}

/// A dataset split for sorting: images and labels.
struct SortData {
    let x: [Double], y: [Int], count: Int, features: Int
    let byLabel: [Int: [Int]]

    static func load(_ dir: String, _ dataset: String, _ part: String) throws -> SortData {
        func read(_ name: String) throws -> FixtureTensor {
            let path = "\(dir)/\(dataset)-\(part)-\(name).npy"
            guard let data = FileManager.default.contents(atPath: path) else { throw ValidationError("cannot read \(path) (pass --data-dir)") }
            return try NPY.decode([UInt8](data))
        }
        let x = try read("x"), y = try read("y")
        guard x.shape.count == 2, y.shape == [x.shape[0]] else { throw ValidationError("\(dataset)-\(part): x must be [N][d] and y [N]") }
        let labels = y.values.map { Int($0) }
        return SortData(x: x.values, y: labels, count: x.shape[0], features: x.shape[1],
                        byLabel: Dictionary(grouping: labels.indices, by: { labels[$0] }))
    }

    /// `n` images with distinct labels, in ascending label order.
    func drawSet(_ n: Int, classes: Int, using rng: inout SplitMix64) -> [Int] {
        var labels = Array(byLabel.keys).sorted()
        labels.shuffle(using: &rng)
        return labels.prefix(n).sorted().map { byLabel[$0]!.randomElement(using: &rng)! }
    }
}

/// Score model `s = v·relu(W·x + b) + c` with Adam.
struct ScoreModel {
    let inputs: Int, hidden: Int
    var theta: [Double], m: [Double], v: [Double]
    var step = 0

    init(inputs: Int, hidden: Int, seed: UInt64) {
        self.inputs = inputs
        self.hidden = hidden
        var rng = SplitMix64(seed: seed)
        let count = hidden * inputs + hidden + hidden + 1
        theta = (0..<count).map { k in
            k < hidden * inputs ? rng.normal() / Double(inputs).squareRoot()
                : k < hidden * inputs + hidden ? 0 : k < count - 1 ? rng.normal() / Double(hidden).squareRoot() : 0
        }
        m = [Double](repeating: 0, count: count)
        v = m
    }

    /// Scores of `rows` and the hidden activations (for the backward).
    func forward(_ d: SortData, _ rows: [Int]) -> ([Double], [Double]) {
        var h = [Double](repeating: 0, count: rows.count * hidden)
        var s = [Double](repeating: theta[theta.count - 1], count: rows.count)
        let bOff = hidden * inputs, vOff = bOff + hidden
        for (r, row) in rows.enumerated() {
            for u in 0..<hidden {
                var z = theta[bOff + u]
                for i in 0..<inputs where d.x[row * inputs + i] != 0 { z += theta[u * inputs + i] * d.x[row * inputs + i] }
                h[r * hidden + u] = max(z, 0)
                s[r] += theta[vOff + u] * h[r * hidden + u]
            }
        }
        return (s, h)
    }

    mutating func backward(_ d: SortData, _ rows: [Int], _ h: [Double], gradScores g: [Double], learningRate lr: Double) {
        var grad = [Double](repeating: 0, count: theta.count)
        let bOff = hidden * inputs, vOff = bOff + hidden
        for (r, row) in rows.enumerated() {
            grad[theta.count - 1] += g[r]
            for u in 0..<hidden where h[r * hidden + u] > 0 {
                grad[vOff + u] += g[r] * h[r * hidden + u]
                let gz = g[r] * theta[vOff + u]
                grad[bOff + u] += gz
                for i in 0..<inputs where d.x[row * inputs + i] != 0 { grad[u * inputs + i] += gz * d.x[row * inputs + i] }
            }
        }
        step += 1
        let (b1, b2) = (0.9, 0.999)
        let c1 = 1 - Double.pow(b1, Double(step)), c2 = 1 - Double.pow(b2, Double(step))
        for k in theta.indices {
            m[k] = b1 * m[k] + (1 - b1) * grad[k]
            v[k] = b2 * v[k] + (1 - b2) * grad[k] * grad[k]
            theta[k] -= lr * (m[k] / c1) / ((v[k] / c2).squareRoot() + 1e-8)
        }
    }
}
