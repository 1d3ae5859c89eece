import RealModule

/// The teaching implementation: readable loops over samples, layers, neurons and gates.
///
/// * Relaxed forward/backward follow Petersen et al. 2022, Eq. 2 (`y = Σᵢ softmax(z)ᵢ·gᵢ(a,b)`)
///   and arXiv 2210.08277, one sample at a time, 16-term sums, no tricks.
/// * The hard network evaluates every gate through its truth table, `LogicGate.callAsFunction`.
public struct ReferenceLogicGateNetwork: LogicGateNetworkImplementation {
    public init() {}

    // MARK: Relaxed layer

    public func layerForward<T: LogicScalar>(_ layer: LogicLayer<T>, x: [T], batch: Int) -> [T] {
        let n = layer.inputWidth, m = layer.outputWidth
        var y = [T](repeating: 0, count: batch * m)
        for j in 0..<m {
            let p = GateMixture.softmax(layer.logits(of: j))
            for s in 0..<batch {
                y[s * m + j] = GateMixture.output(p: p, a: x[s * n + layer.a[j]], b: x[s * n + layer.b[j]])
            }
        }
        return y
    }

    public func layerBackward<T: LogicScalar>(
        _ layer: LogicLayer<T>, x: [T], batch: Int, cotangentY: [T]
    ) -> (gradX: [T], gradLogits: [T]) {
        let n = layer.inputWidth, m = layer.outputWidth
        var gradX = [T](repeating: 0, count: batch * n)
        var gradLogits = [T](repeating: 0, count: 16 * m)
        for j in 0..<m {
            let p = GateMixture.softmax(layer.logits(of: j))
            for s in 0..<batch {
                let a = x[s * n + layer.a[j]], b = x[s * n + layer.b[j]]
                let G = cotangentY[s * m + j]
                let (dA, dB) = GateMixture.inputPartials(p: p, a: a, b: b)
                // When a[j] == b[j] both terms land on the same input: ∂y/∂a + ∂y/∂b.
                gradX[s * n + layer.a[j]] += layer.gradFactor * G * dA
                gradX[s * n + layer.b[j]] += layer.gradFactor * G * dB
                let dZ = GateMixture.logitPartials(p: p, a: a, b: b)
                for i in 0..<16 { gradLogits[16 * j + i] += G * dZ[i] }
            }
        }
        return (gradX, gradLogits)
    }

    // MARK: Relaxed network

    public func scores<T: LogicScalar>(_ network: LogicGateNetwork<T>, x: [T], batch: Int) -> [T] {
        var h = x
        for layer in network.layers { h = layerForward(layer, x: h, batch: batch) }
        return network.groupSum.forward(h, batch: batch)
    }

    public func lossAndGradient<T: LogicScalar>(
        _ network: LogicGateNetwork<T>, x: [T], labels: [Int]
    ) -> LogicNetworkGradient<T> {
        let batch = labels.count
        var activations = [x]
        for layer in network.layers { activations.append(layerForward(layer, x: activations.last!, batch: batch)) }
        let scores = network.groupSum.forward(activations.last!, batch: batch)
        let (loss, gradScores) = CrossEntropy.lossAndGradient(scores: scores, labels: labels, classes: network.classes)
        var G = network.groupSum.backward(gradScores, batch: batch, width: network.layers.last!.outputWidth)
        var gradLogits: [[T]] = Array(repeating: [], count: network.layers.count)
        for l in network.layers.indices.reversed() {
            let (gx, gz) = layerBackward(network.layers[l], x: activations[l], batch: batch, cotangentY: G)
            gradLogits[l] = gz
            G = gx
        }
        return LogicNetworkGradient(loss: loss, scores: scores, gradLogits: gradLogits)
    }

    // MARK: Hard network

    /// Runs one sample through the hard network and returns its last-layer bits.
    public func outputs(_ network: HardLogicGateNetwork, sample x: [Bool]) -> [Bool] {
        var h = x
        for layer in network.layers {
            var next = [Bool](repeating: false, count: layer.width)
            for j in 0..<layer.width {
                next[j] = layer.gates[j](h[layer.a[j]], h[layer.b[j]])
            }
            h = next
        }
        return h
    }

    public func counts(_ network: HardLogicGateNetwork, inputs: [UInt8]) throws(LogicNetworkError) -> [Int] {
        let batch = try network.validate(inputs: inputs)
        let k = network.classes
        let group = network.outputWidth / k
        var counts = [Int](repeating: 0, count: batch * k)
        for s in 0..<batch {
            let x = inputs[s * network.inputBits..<(s + 1) * network.inputBits].map { $0 == 1 }
            let y = outputs(network, sample: x)
            for u in 0..<y.count where y[u] { counts[s * k + u / group] += 1 }
        }
        return counts
    }
}
