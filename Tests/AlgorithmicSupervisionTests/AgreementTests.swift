import AlgorithmicSupervision
import SortingNetworks
import Testing

/// The optimized implementations (SIMD programs, the shortest path's C kernel in both builds) agree with the reference interpreter within `simdAgreementBound`
/// (outputs and gradients), on random batches that are not multiples of the lane width,
/// soft and hard, every t-conorm and traceback.
@Suite struct AgreementTests {
    func compare(_ program: AlgorithmProgram, _ inputs: [String: Batched<Double>], _ cot: [String: [Double]],
                 _ p: AlgorithmParameters, _ label: String) throws {
        let ref = try run(.reference, program, inputs, cotangents: cot, p)
        for impl in AlgorithmImplementation.allCases where impl != .reference {
            try compare(program, ref, try run(impl, program, inputs, cotangents: cot, p), "\(impl) \(label)")
        }
    }

    func compare(_ program: AlgorithmProgram, _ ref: AlgorithmResult, _ fast: AlgorithmResult, _ label: String) throws {
        for name in program.outputs {
            expectClose(fast.outputs[name]!.values, ref.outputs[name]!.values, abs: simdAgreementBound.abs, rel: simdAgreementBound.rel, "\(label) \(name)")
        }
        for name in program.inputs {
            expectClose(fast.gradients[name]!.values, ref.gradients[name]!.values, abs: simdAgreementBound.abs, rel: simdAgreementBound.rel, "\(label) grad_\(name)")
        }
        // Loop reports: the same iteration counts and max_iter flags; the remaining mass is a
        // computed value like the outputs, so it is held to the same bound.
        #expect(fast.whileReports.map(\.iterations) == ref.whileReports.map(\.iterations), "\(label) loop iterations")
        #expect(fast.whileReports.map(\.reachedMaxIterations) == ref.whileReports.map(\.reachedMaxIterations), "\(label) loop max_iter")
        expectClose(fast.whileReports.map(\.remainingMass), ref.whileReports.map(\.remainingMass),
                    abs: simdAgreementBound.abs, rel: simdAgreementBound.rel, "\(label) loop remaining mass")
    }

    @Test func bubbleSort() throws {
        var draw = Draw(seed: 21)
        for trial in 0..<16 {
            let (batch, n) = (draw.int(in: 1...7), draw.int(in: 1...8))
            let x = draw.normals(batch * n, scale: 2)
            let p = params(beta: [1, 4, 10, 30][trial % 4]) { $0.hard = trial % 5 == 4; $0.maxIterations = trial % 7 == 6 ? 2 : 1024 }
            try compare(.bubbleSort, ["array": Batched(shape: [batch, n], values: x)],
                        ["array": draw.normals(batch * n), "loss_sum": draw.normals(batch)], p, "bubble trial \(trial)")
        }
    }

    @Test func shortestPath() throws {
        var draw = Draw(seed: 22)
        for trial in 0..<12 {
            let (batch, H, W) = (draw.int(in: 1...5), draw.int(in: 2...5), draw.int(in: 2...5))
            let p = params(beta: [2, 5, 10][trial % 3]) {
                // Every cell reached (see `simdAgreementBound`): iterations ≥ max(H, W) − 1.
                $0.iterations = draw.int(in: (max(H, W) - 1)...(H + W))
                $0.tconorm = TConorm.allCases[trial % 3]
                $0.tconormParameter = $0.tconorm == .hamacher ? [0.5, 2, 5][trial % 3] : nil
                $0.traceback = trial % 2 == 0 ? .for : .while
                $0.hard = trial == 11
            }
            try compare(.shortestPath, ["cost": Batched(shape: [batch, H, W], values: draw.costs(batch * H * W))],
                        ["path": draw.normals(batch * H * W)], p, "shortest path trial \(trial) \(p.tconorm) \(p.traceback)")
        }
    }

    /// The SIMD shortest path's three soft-arg-min forms (see `SIMDShortestPath`): large β·d
    /// (β = 60, distances up to ~20: shared exponentials underflow, so cells take the per-cell
    /// form), long unreached stretches (7 × 2 grids, cells sit near `infinity` for several
    /// sweeps: the far form), and the usual near form — all within the bound, both tracebacks.
    @Test func shortestPathEveryBand() throws {
        var draw = Draw(seed: 25)
        for (trial, (H, W, beta)) in [(4, 4, 100.0), (7, 2, 10), (2, 7, 3), (5, 5, 60)].enumerated() {
            let p = params(beta: beta) {
                $0.iterations = max(H, W) - 1 + trial
                $0.traceback = trial % 2 == 0 ? .for : .while
                $0.tconorm = TConorm.allCases[trial % 3]
            }
            let costs = draw.costs(3 * H * W).map { $0 * 4 }
            try compare(.shortestPath, ["cost": Batched(shape: [3, H, W], values: costs)],
                        ["path": draw.normals(3 * H * W)], p, "bands trial \(trial) \(H)x\(W) β=\(beta)")
        }
    }

    @Test func editDistanceAndCounter() throws {
        var draw = Draw(seed: 23)
        for trial in 0..<8 {
            let (batch, n, m, K) = (draw.int(in: 1...6), draw.int(in: 1...5), draw.int(in: 1...5), draw.int(in: 2...5))
            try compare(.editDistance, ["a": Batched(shape: [batch, n, K], values: draw.distributions(batch, n, K)),
                                        "b": Batched(shape: [batch, m, K], values: draw.distributions(batch, m, K))],
                        ["distance": draw.normals(batch)], params(beta: [1, 5, 20][trial % 3]) { $0.hard = trial == 7 }, "edit trial \(trial)")
            let starts = draw.normals(batch, scale: 3)
            try compare(.counter, ["start": Batched(shape: [batch], values: starts)], ["x": draw.normals(batch)],
                        params(beta: [0.5, 1.25, 3][trial % 3]) { $0.limit = Double(trial) }, "counter trial \(trial)")
        }
    }

    /// Relaxed bubble sort against the sorting module's reference relaxed sorting network with
    /// the logistic family on the same comparators (bubble-sort passes, one comparator per
    /// layer): with ε = 0 (no skipped `If`), every pass's state is the network's state after
    /// that pass, and the program's output is the `While` expectation over those states with
    /// continue-probabilities `1 − Π(1 − p_i)` computed from the network's own trace.
    @Test func bubbleSortIsTheLogisticSortingNetworkInExpectation() throws {
        var draw = Draw(seed: 24)
        for trial in 0..<12 {
            let n = draw.int(in: 2...7)
            let beta = [1.0, 3, 8][trial % 3]
            let x = draw.normals(n, scale: 2)
            var layers: [[SortingNetwork.Comparator]] = [], passOfLayer: [Int] = []
            for pass in 0..<(n - 1) { for i in 0..<(n - 1 - pass) { layers.append([.init(i, i + 1)]); passOfLayer.append(pass) } }
            let network = try SortingNetwork(validating: layers, n: n)
            let trace = RelaxedSortingNetwork.forward(x: x, network: network, swap: SigmoidFamily.logistic.conditionalSwap(steepness: beta, artLambda: 0),
                                                      tracksPermutation: false)
            // States after each pass, and swapped = 1 − Π(1 − p_i) per pass.
            var states: [[Double]] = [x], swapped: [Double] = []
            var notSwapped = 1.0
            for (l, layer) in layers.enumerated() {
                let (a, b) = (trace.values[l][layer[0].lo], trace.values[l][layer[0].hi])
                notSwapped *= 1 - 1 / (1 + Double.exp(-beta * (a - b)))
                if l == layers.count - 1 || passOfLayer[l + 1] != passOfLayer[l] {
                    states.append(trace.values[l + 1]); swapped.append(1 - notSwapped); notSwapped = 1
                }
            }
            states.append(states.last!); swapped.append(0)   // the empty pass
            var expected = [Double](repeating: 0, count: n)
            var P = 1.0
            for (t, c) in swapped.enumerated() {
                let next = P * c
                for e in 0..<n { expected[e] += (P - next) * states[t + 1][e] }
                P = next
            }
            for impl in AlgorithmImplementation.allCases {
                let r = try run(impl, .bubbleSort, ["array": Batched(shape: [1, n], values: x)], params(beta: beta) { $0.epsilon = 0 })
                expectClose(r.outputs["array"]!.values, expected, abs: 1e-12, rel: 1e-12, "\(impl) trial \(trial) n=\(n) β=\(beta)")
            }
        }
    }
}
