import AlgorithmicSupervision
import Testing

/// The hand-checkable vectors of arXiv 2110.05651's constructs (values as computed by the
/// authors' AlgoVision package), on the language itself.
@Suite struct SpecVectorTests {
    @Test func relaxedIfBlendsBothBranches() throws {
        let program = try Program<Double>(beta: 2) {
            Input("x")
            Var("y", 0.5)
            Var("z", 0)
            Var("w", 5)
            If(GT("x", "y")) {
                Let("z", 1)
                Let("w") { s in try s["w"] * 2 }
            } else: {
                Let("z", -1)
            }
            Output("z")
            Output("w")
        }
        let r = try program.run(["x": Batched(shape: [1], values: [1])])
        #expect(abs(r.outputs["z"]!.values[0] - 0.462117) < 1e-6)
        #expect(abs(r.outputs["w"]!.values[0] - 8.655293) < 1e-6)
    }

    @Test func relaxedWhileCounter() throws {
        for impl in AlgorithmImplementation.allCases {
            let r = try run(impl, .counter, ["start": Batched(shape: [1], values: [0])], params(beta: 1.25))
            #expect(abs(r.outputs["x"]!.values[0] - 4.980389) < 1e-6, "\(impl)")
            #expect(r.whileReports.first?.iterations == 9, "\(impl): the loop leaves after 9 iterations")
        }
    }

    @Test func bubbleSortVectors() throws {
        let cases: [([Double], Double, [Double], Double)] = [
            ([2, 1], 1, [1.268941, 1.731059], 0.731059),
            ([3, 1, 2], 5, [1.006611, 2.000175, 2.993214], 1.999736),
            ([1, 2, 3], 5, [1.006783, 1.999734, 2.993483], 0.013258),
            ([3, 1, 2], 1e4, [1, 2, 3], 2),
        ]
        for impl in AlgorithmImplementation.allCases {
            for (x, beta, y, loss) in cases {
                let r = try run(impl, .bubbleSort, ["array": Batched(shape: [1, x.count], values: x)], params(beta: beta))
                expectClose(r.outputs["array"]!.values, y, abs: 1e-6, rel: 0, "\(impl) array \(x) β=\(beta)")
                expectClose(r.outputs["loss_sum"]!.values, [loss], abs: 1e-6, rel: 0, "\(impl) loss \(x) β=\(beta)")
            }
        }
    }

    @Test func conditionsAndSoftMinMax() throws {
        let tape = Tape<Double>()
        func t(_ v: [Double]) -> Tensor<Double> { .constant(v, shape: [v.count], on: tape) }
        let program = try Program<Double>(beta: 2) {
            Input("one")
            Var("zero", 0)
            Var("eq", 0)
            Var("neq", 0)
            If(Eq("one", "zero")) { Let("eq", 1) }
            If(NEq("one", "zero")) { Let("neq", 1) }
            Output("eq")
            Output("neq")
        }
        let r = try program.run(["one": Batched(shape: [1], values: [1])])
        #expect(abs(r.outputs["eq"]!.values[0] - 0.419974) < 1e-6)
        #expect(abs(r.outputs["neq"]!.values[0] - 0.580026) < 1e-6)
        let parts = [t([1]), t([2]), t([3])]
        #expect(abs(try softMin(parts, beta: 1).values[0] - 1.424790) < 1e-6)
        #expect(abs(try softMax(parts, beta: 1).values[0] - 2.575210) < 1e-6)
        expectClose(try softArgMin(parts, beta: 1).values, [0.665241, 0.244728, 0.090031], abs: 1e-6, rel: 0, "ArgMin")
        // CatProbEq uses sech (not sech²) of β(1 − cos).
        let cat = try Program<Double>(beta: 10) {
            Input("l")
            Var("r", constant: { _ in ([0.6, 0.4, 0], [3]) })
            Var("hit", 0)
            If(CatProbEq("l", "r")) { Let("hit", 1) }
            Output("hit")
        }
        let c = try cat.run(["l": Batched(shape: [1, 3], values: [0.8, 0.2, 0])])
        #expect(abs(c.outputs["hit"]!.values[0] - 0.851386) < 1e-6)
    }

    @Test func probabilisticWriteAndRealIndex() throws {
        let program = try Program<Double> {
            Input("x")
            Let("x", weights: .constant(values: [0.2, 0.7, 0.1], shape: [3]), 1)
            Output("x")
        }
        let r = try program.run(["x": Batched(shape: [1, 3], values: [10, 20, 30])])
        expectClose(r.outputs["x"]!.values, [8.2, 6.7, 27.1], abs: 1e-12, rel: 0, "probabilistic write")

        let tape = Tape<Double>()
        let i = Tensor<Double>.constant([1.3], shape: [1], on: tape)
        let x = Tensor<Double>.constant([10, 20, 30, 40], shape: [1, 4], on: tape)
        let w = try realIndexWeights(i, count: 4, beta: 4)
        expectClose(w.values, [0.039166, 0.650809, 0.301863, 0.008163], abs: 1e-6, rel: 0, "rounding weights")
        #expect(abs(try weightedRead(x, weights: w).values[0] - 22.790224) < 1e-6)
        #expect(abs(w.values.reduce(0, +) - 1) < 1e-15)
        let e = try realIndexWeights(i, count: 4, beta: 4, rule: .normalizedEquality)
        expectClose(e.values, [0.022877, 0.745888, 0.226575, 0.004660], abs: 1e-6, rel: 0, "sech² weights")
        #expect(abs(try weightedRead(x, weights: e).values[0] - 22.130168) < 1e-6)
    }

    @Test func shortestPathExample() throws {
        let cost = Batched<Double>(shape: [1, 3, 3], values: [1, 5, 1, 1, 5, 1, 1, 1, 1])
        let expected2 = [0.968524, 0.000621, 0.001157, 0.978701, 0.003369, 0.091132, 0.119587, 0.926345, 1.000000]
        for impl in AlgorithmImplementation.allCases {
            let r = try run(impl, .shortestPath, ["cost": cost], params(beta: 2) { $0.iterations = 6 })
            expectClose(r.outputs["path"]!.values, expected2, abs: 1e-6, rel: 0, "\(impl) β=2")
            let r10 = try run(impl, .shortestPath, ["cost": cost], params(beta: 10) { $0.iterations = 6 })
            expectClose(r10.outputs["path"]!.values, [1, 0, 0, 1, 0, 0.000045, 0.000045, 0.999955, 1], abs: 1e-6, rel: 0, "\(impl) β=10")
        }
    }
}
