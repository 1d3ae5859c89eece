import RealModule

extension LogicTrainingWorkspace {
    /// Softmax cross-entropy on the scores, then the backward pass through GroupSum and every
    /// layer; fills `gradLogits`. Returns the mean loss. `labels` must be in range.
    func backward(_ network: LogicGateNetwork<T>, labels: UnsafeBufferPointer<Int>) -> T {
        let batch = labels.count, k = network.classes, L = network.layers.count
        let n = widths[L], group = n / k, rowStride = 8 * P, P = self.P
        let tau = T(network.groupSum.tau)
        var loss: T = 0
        // ∂L/∂y of the last layer: (softmax(s) − onehot)/B/τ for every unit of the class group.
        let G = UnsafeMutableRawPointer(gradients[L]).assumingMemoryBound(to: T.self)
        for s in 0..<batch {
            var m = scores[s * k]
            for c in 1..<k where scores[s * k + c] > m { m = scores[s * k + c] }
            var z: T = 0
            for c in 0..<k { z += T.exp(scores[s * k + c] - m) }
            loss += m + T.log(z) - scores[s * k + labels[s]]
            for c in 0..<k {
                let p = T.exp(scores[s * k + c] - m) / z
                let g = (p - (c == labels[s] ? 1 : 0)) / T(batch) / tau
                for u in c * group..<(c + 1) * group { G[u * rowStride + s] = g }
            }
        }
        for u in 0..<n { for s in batch..<rowStride { G[u * rowStride + s] = 0 } }

        let vectors = (batch + 7) / 8
        for l in stride(from: L - 1, through: 0, by: -1) {
            let layer = network.layers[l]
            let m = layer.outputWidth
            for w in 0..<threads { sums[w * L + l].update(repeating: .zero, count: m) }
            let GX: UnsafeMutablePointer<SIMD8<T>>? = l > 0 ? gradients[l] : nil
            if let GX { GX.update(repeating: .zero, count: widths[l] * P) }
            nonisolated(unsafe) let X = UnsafePointer(activations[l]), GY = UnsafePointer(gradients[l + 1]), gx = GX
            let gf = layer.gradFactor
            let c = coefficients[l].c
            nonisolated(unsafe) let sumBase = sums[l]  // worker w uses sumBase-relative layer offset below
            nonisolated(unsafe) let allSums = sums
            layer.a.withUnsafeBufferPointer { a in
                layer.b.withUnsafeBufferPointer { b in
                    c.withUnsafeBufferPointer { c in
                        nonisolated(unsafe) let (a, b, c) = (a.baseAddress!, b.baseAddress!, c.baseAddress!)
                        parallel(vectors: vectors) { w, r in
                            Self.backwardKernel(
                                X: X, GY: GY, GX: gx, stride: P, a: a, b: b, c: c, gradFactor: gf,
                                S: allSums[w * L + l], outputs: m, range: r)
                        }
                    }
                }
            }
            _ = sumBase
            for j in 0..<m {
                var t = SIMD4<T>.zero
                for w in 0..<threads { t += sums[w * L + l][j] }
                totals[l][j] = t
            }
            Self.logitGradient(S: totals[l], p: coefficients[l].p, gateCoefficients: gateK, into: &gradLogits[l])
        }
        return loss / T(batch)
    }
}
