import AlgorithmicSupervision
import Testing

/// In hard mode every shipped program equals its ordinary algorithm exactly (random inputs,
/// both implementations).
@Suite struct HardModeTests {
    @Test(arguments: AlgorithmImplementation.allCases)
    func bubbleSortIsBubbleSort(_ impl: AlgorithmImplementation) throws {
        var draw = Draw(seed: 11)
        for trial in 0..<20 {
            let (batch, n) = (draw.int(in: 1...6), draw.int(in: 1...9))
            let x = draw.normals(batch * n, scale: 3)
            let r = try run(impl, .bubbleSort, ["array": Batched(shape: [batch, n], values: x)], params { $0.hard = true })
            for b in 0..<batch {
                let plain = PlainAlgorithms.bubbleSort(Array(x[(b * n)..<(b * n + n)]))
                #expect(Array(r.outputs["array"]!.values[(b * n)..<(b * n + n)]) == plain.sorted, "trial \(trial) row \(b)")
                #expect(r.outputs["loss_sum"]!.values[b] == Double(plain.swaps), "trial \(trial) row \(b)")
            }
        }
    }

    @Test(arguments: AlgorithmImplementation.allCases)
    func shortestPathIsBellmanFord(_ impl: AlgorithmImplementation) throws {
        var draw = Draw(seed: 12)
        for trial in 0..<12 {
            let (batch, H, W) = (draw.int(in: 1...5), draw.int(in: 1...6), draw.int(in: 1...6))
            let T = draw.int(in: 0...(H + W + 2))
            let tconorm = TConorm.allCases[trial % 3]
            let cost = draw.costs(batch * H * W)
            let p = params { $0.hard = true; $0.iterations = T; $0.tconorm = tconorm; $0.tconormParameter = tconorm == .hamacher ? 2 : nil }
            let r = try run(impl, .shortestPath, ["cost": Batched(shape: [batch, H, W], values: cost)], p)
            for b in 0..<batch {
                let plain = PlainAlgorithms.shortestPath(cost: Array(cost[(b * H * W)..<((b + 1) * H * W)]), H: H, W: W, iterations: T, infinity: 1e12)
                #expect(Array(r.outputs["path"]!.values[(b * H * W)..<((b + 1) * H * W)]) == plain, "trial \(trial) row \(b) \(H)x\(W) T=\(T) \(tconorm)")
            }
        }
    }

    @Test(arguments: AlgorithmImplementation.allCases)
    func editDistanceIsLevenshtein(_ impl: AlgorithmImplementation) throws {
        var draw = Draw(seed: 13)
        for trial in 0..<20 {
            let (batch, n, m, K) = (draw.int(in: 1...4), draw.int(in: 1...7), draw.int(in: 1...7), draw.int(in: 2...4))
            var a: [Double] = [], b: [Double] = []
            var words: [([Int], [Int])] = []
            for _ in 0..<batch {
                let s = (0..<n).map { _ in draw.int(in: 0...(K - 1)) }, t = (0..<m).map { _ in draw.int(in: 0...(K - 1)) }
                words.append((s, t))
                for c in s { a += (0..<K).map { $0 == c ? 1 : 0 } }
                for c in t { b += (0..<K).map { $0 == c ? 1 : 0 } }
            }
            let r = try run(impl, .editDistance, ["a": Batched(shape: [batch, n, K], values: a), "b": Batched(shape: [batch, m, K], values: b)],
                            params { $0.hard = true })
            for (row, (s, t)) in words.enumerated() {
                #expect(r.outputs["distance"]!.values[row] == Double(PlainAlgorithms.levenshtein(s, t)), "trial \(trial) \(s) \(t)")
            }
        }
    }

    /// `While` is relaxed even in hard mode (the package's `hard` affects `If` only), so the
    /// counter reaches the plain result in the limit β → ∞: at β = 10⁴ with every distance to
    /// the limit ≥ ½, each σ is exactly 0 or 1 in Double.
    @Test(arguments: AlgorithmImplementation.allCases)
    func counterAtLargeBetaIsTheLoop(_ impl: AlgorithmImplementation) throws {
        let starts = [-3.5, 0.5, 2.5, 4.5, 7.5]
        let r = try run(impl, .counter, ["start": Batched(shape: [5], values: starts)], params(beta: 1e4))
        #expect(r.outputs["x"]!.values == starts.map { PlainAlgorithms.counter(start: $0, limit: 5) })
    }
}
