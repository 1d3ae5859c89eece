import Dispatch
import RealModule

/// Reusable buffers for training one network shape with batches of up to `capacity` samples, so a
/// training step allocates nothing (activations are feature-major `[unit][batch padded to 8]`).
public final class LogicTrainingWorkspace<T: LogicScalar>: @unchecked Sendable {
    public let capacity: Int
    public let threads: Int
    let P: Int  // vectors per row
    var activations: [UnsafeMutablePointer<SIMD8<T>>]  // [layer 0 = input, …, L]
    var gradients: [UnsafeMutablePointer<SIMD8<T>>]    // ∂L/∂activation for layers 1…L (index l ↔ activation l)
    var widths: [Int]
    var coefficients: [NeuronCoefficients<T>]
    /// Per worker and layer (`w·layers + l`): the partial (S1, Sa, Sb, Sab) sums of every neuron.
    var sums: [UnsafeMutablePointer<SIMD4<T>>]
    /// The reduced sums per layer.
    var totals: [[SIMD4<T>]]
    var gradLogits: [[T]]
    var scores: [T]
    /// `(k0, k1, k2, k3)` of the 16 gates, computed once.
    let gateK: [SIMD4<T>] = LogicTrainingWorkspace<T>.gateCoefficients

    public init(for network: LogicGateNetwork<T>, capacity: Int, threads: Int = 1) {
        self.capacity = capacity
        self.threads = max(1, threads)
        P = max(1, (capacity + 7) / 8)
        widths = [network.inputWidth] + network.layers.map(\.outputWidth)
        activations = widths.map { w in
            let p = UnsafeMutablePointer<SIMD8<T>>.allocate(capacity: w * max(1, (capacity + 7) / 8))
            p.initialize(repeating: .zero, count: w * max(1, (capacity + 7) / 8))
            return p
        }
        gradients = activations.map { _ in UnsafeMutablePointer<SIMD8<T>>.allocate(capacity: 1) }
        for l in 1..<widths.count {
            gradients[l].deallocate()
            gradients[l] = .allocate(capacity: widths[l] * P)
            gradients[l].initialize(repeating: .zero, count: widths[l] * P)
        }
        coefficients = network.layers.map { NeuronCoefficients(count: $0.outputWidth) }
        sums = (0..<max(1, threads)).flatMap { _ in
            network.layers.map { layer in
                let p = UnsafeMutablePointer<SIMD4<T>>.allocate(capacity: layer.outputWidth)
                p.initialize(repeating: .zero, count: layer.outputWidth)
                return p
            }
        }
        totals = network.layers.map { [SIMD4<T>](repeating: .zero, count: $0.outputWidth) }
        gradLogits = network.layers.map { [T](repeating: 0, count: 16 * $0.outputWidth) }
        scores = [T](repeating: 0, count: capacity * network.classes)
    }

    deinit {
        for p in activations { p.deallocate() }
        for p in gradients { p.deallocate() }
        for p in sums { p.deallocate() }
    }

    /// Loads a batch-major `[B][in]` batch into the feature-major input rows (zero padding).
    func loadInputs(_ x: UnsafeBufferPointer<T>, batch: Int) {
        let n = widths[0]
        let X = UnsafeMutableRawPointer(activations[0]).assumingMemoryBound(to: T.self)
        let stride = 8 * P
        for i in 0..<n {
            let row = X + i * stride
            for s in 0..<batch { row[s] = x[s * n + i] }
            for s in batch..<stride { row[s] = 0 }
        }
    }

    /// Splits the vectors `0..<vectors` across workers and runs `body(worker, range)`.
    func parallel(vectors: Int, _ body: @Sendable (Int, Range<Int>) -> Void) {
        let workers = min(threads, vectors)
        if workers <= 1 { body(0, 0..<vectors); return }
        DispatchQueue.concurrentPerform(iterations: workers) { w in
            body(w, (w * vectors / workers)..<((w + 1) * vectors / workers))
        }
    }

    /// Forward through all layers for a loaded batch of `batch` samples.
    func forward(_ network: LogicGateNetwork<T>, batch: Int) {
        let vectors = (batch + 7) / 8, P = self.P
        for (l, layer) in network.layers.enumerated() {
            coefficients[l].update(from: layer, gateCoefficients: gateK)
            nonisolated(unsafe) let X = UnsafePointer(activations[l]), Y = activations[l + 1]
            let c = coefficients[l].c
            layer.a.withUnsafeBufferPointer { a in
                layer.b.withUnsafeBufferPointer { b in
                    c.withUnsafeBufferPointer { c in
                        nonisolated(unsafe) let (a, b, c) = (a.baseAddress!, b.baseAddress!, c.baseAddress!)
                        let m = layer.outputWidth
                        parallel(vectors: vectors) { _, r in
                            Self.forwardKernel(X: X, Y: Y, stride: P, a: a, b: b, c: c, outputs: m, range: r)
                        }
                    }
                }
            }
        }
    }

    /// GroupSum scores `[B][classes]` of the last forward pass.
    func computeScores(_ network: LogicGateNetwork<T>, batch: Int) {
        let k = network.classes, n = widths.last!, group = n / k
        let Y = UnsafeMutableRawPointer(activations.last!).assumingMemoryBound(to: T.self)
        let stride = 8 * P, tau = T(network.groupSum.tau)
        for s in 0..<batch {
            for c in 0..<k {
                var total: T = 0
                for u in c * group..<(c + 1) * group { total += Y[u * stride + s] }
                scores[s * k + c] = total / tau
            }
        }
    }
}
