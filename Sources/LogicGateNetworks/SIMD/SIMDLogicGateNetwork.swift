import RealModule

/// The optimized implementation: relaxed layers vectorised over the batch (see
/// `SIMDLogicKernels.swift` for goals and bound) and ``BitSlicedLogicNetwork`` for hard networks.
public struct SIMDLogicGateNetwork: LogicGateNetworkImplementation {
    /// Bound on `|optimized − reference|` for relaxed outputs and gradients, relative to the scale
    /// `1 + max |reference|` of the compared tensor: a few hundred ulps of the precision (the
    /// collapsed form reorders sums of 16 terms; the gradients add one more reduction over the batch).
    public static func agreementBound<T: LogicScalar>(for _: T.Type) -> T { 256 * T.ulpOfOne }

    public let threads: Int
    /// The bit-sliced kernel of ``counts(_:inputs:)``.
    public let kernel: BitSliceKernel
    public init(threads: Int = 1, kernel: BitSliceKernel = .c) {
        self.threads = threads
        self.kernel = kernel
    }

    public func layerForward<T: LogicScalar>(_ layer: LogicLayer<T>, x: [T], batch: Int) -> [T] {
        let net = try! LogicGateNetwork(layers: [layer], groupSum: try! GroupSum(classes: 1, tau: 1))
        let ws = LogicTrainingWorkspace(for: net, capacity: batch, threads: threads)
        x.withUnsafeBufferPointer { ws.loadInputs($0, batch: batch) }
        ws.forward(net, batch: batch)
        return ws.batchMajor(layer: 1, batch: batch)
    }

    public func layerBackward<T: LogicScalar>(
        _ layer: LogicLayer<T>, x: [T], batch: Int, cotangentY: [T]
    ) -> (gradX: [T], gradLogits: [T]) {
        // A stand-alone layer: put the cotangent directly on its output and run the layer backward.
        let net = try! LogicGateNetwork(layers: [layer], groupSum: try! GroupSum(classes: 1, tau: 1))
        let ws = LogicTrainingWorkspace(for: net, capacity: batch, threads: threads)
        x.withUnsafeBufferPointer { ws.loadInputs($0, batch: batch) }
        ws.forward(net, batch: batch)
        let gradX = ws.layerBackward(layer, cotangentY: cotangentY, batch: batch)
        return (gradX, ws.gradLogits[0])
    }

    public func scores<T: LogicScalar>(_ network: LogicGateNetwork<T>, x: [T], batch: Int) -> [T] {
        let ws = LogicTrainingWorkspace(for: network, capacity: batch, threads: threads)
        x.withUnsafeBufferPointer { ws.loadInputs($0, batch: batch) }
        ws.forward(network, batch: batch)
        ws.computeScores(network, batch: batch)
        return Array(ws.scores[..<(batch * network.classes)])
    }

    public func lossAndGradient<T: LogicScalar>(
        _ network: LogicGateNetwork<T>, x: [T], labels: [Int]
    ) -> LogicNetworkGradient<T> {
        let ws = LogicTrainingWorkspace(for: network, capacity: labels.count, threads: threads)
        let loss = ws.step(network, x: x, labels: labels)
        return LogicNetworkGradient(
            loss: loss, scores: Array(ws.scores[..<(labels.count * network.classes)]), gradLogits: ws.gradLogits)
    }

    public func counts(_ network: HardLogicGateNetwork, inputs: [UInt8]) throws(LogicNetworkError) -> [Int] {
        try BitSlicedLogicNetwork(network).counts(inputs: inputs, threads: threads, kernel: kernel)
    }
}

extension LogicTrainingWorkspace {
    /// One forward + backward pass over a batch-major batch; fills `scores` and `gradLogits`.
    public func step(_ network: LogicGateNetwork<T>, x: [T], labels: [Int]) -> T {
        x.withUnsafeBufferPointer { loadInputs($0, batch: labels.count) }
        forward(network, batch: labels.count)
        computeScores(network, batch: labels.count)
        return labels.withUnsafeBufferPointer { backward(network, labels: $0) }
    }

    /// The logit gradients of the last ``step(_:x:labels:)``.
    public var logitGradients: [[T]] { gradLogits }

    /// Activation `l` (0 = input) as batch-major `[B][width]`.
    func batchMajor(layer l: Int, batch: Int) -> [T] {
        let n = widths[l], stride = 8 * P
        let Y = UnsafeRawPointer(activations[l]).assumingMemoryBound(to: T.self)
        var out = [T](repeating: 0, count: batch * n)
        for u in 0..<n { for s in 0..<batch { out[s * n + u] = Y[u * stride + s] } }
        return out
    }

    /// Backward of the single layer 0 with an explicit cotangent; returns ∂/∂x batch-major.
    func layerBackward(_ layer: LogicLayer<T>, cotangentY: [T], batch: Int) -> [T] {
        let m = layer.outputWidth, n = layer.inputWidth, stride = 8 * P
        let G = UnsafeMutableRawPointer(gradients[1]).assumingMemoryBound(to: T.self)
        for u in 0..<m { for s in 0..<stride { G[u * stride + s] = s < batch ? cotangentY[s * m + u] : 0 } }
        let GX = UnsafeMutablePointer<SIMD8<T>>.allocate(capacity: n * P)
        GX.initialize(repeating: .zero, count: n * P)
        defer { GX.deallocate() }
        let S = UnsafeMutablePointer<SIMD4<T>>.allocate(capacity: m)
        S.initialize(repeating: .zero, count: m)
        defer { S.deallocate() }
        coefficients[0].c.withUnsafeBufferPointer { c in
            layer.a.withUnsafeBufferPointer { a in
                layer.b.withUnsafeBufferPointer { b in
                    Self.backwardKernel(
                        X: activations[0], GY: gradients[1], GX: GX, stride: P, a: a.baseAddress!, b: b.baseAddress!,
                        c: c.baseAddress!, gradFactor: layer.gradFactor, S: S, outputs: m, range: 0..<((batch + 7) / 8))
                }
            }
        }
        Self.logitGradient(S: Array(UnsafeBufferPointer(start: S, count: m)), p: coefficients[0].p, gateCoefficients: gateK, into: &gradLogits[0])
        let gx = UnsafeRawPointer(GX).assumingMemoryBound(to: T.self)
        var out = [T](repeating: 0, count: batch * n)
        for i in 0..<n { for s in 0..<batch { out[s * n + i] = gx[i * stride + s] } }
        return out
    }
}
