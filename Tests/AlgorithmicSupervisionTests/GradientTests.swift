import AlgorithmicSupervision
import Testing

/// Reverse-mode gradients (tape and closed form) against central finite differences of the
/// reference forward pass.
@Suite struct GradientTests {
    /// Checks `grad_input · direction` against `(f(x + h·d) − f(x − h·d)) / 2h` for random
    /// directions, where `f = Σ cotangent·output`.
    func check(_ program: AlgorithmProgram, _ inputs: [String: Batched<Double>], _ p: AlgorithmParameters, seed: UInt64) throws {
        var draw = Draw(seed: seed)
        let base = try run(.reference, program, inputs, p)
        var cot: [String: [Double]] = [:]
        for name in program.outputs { cot[name] = draw.normals(base.outputs[name]!.values.count) }
        func objective(_ x: [String: Batched<Double>]) throws -> Double {
            let r = try run(.reference, program, x, p)
            return program.outputs.reduce(0) { acc, name in acc + zip(cot[name]!, r.outputs[name]!.values).map(*).reduce(0, +) }
        }
        for impl in AlgorithmImplementation.allCases {
            let g = try run(impl, program, inputs, cotangents: cot, p)
            for _ in 0..<2 {
                var plus = inputs, minus = inputs
                var analytic = 0.0
                let h = 1e-6
                for name in program.inputs {
                    let d = draw.normals(inputs[name]!.values.count)
                    analytic += zip(d, g.gradients[name]!.values).map(*).reduce(0, +)
                    plus[name]!.values = zip(inputs[name]!.values, d).map { $0 + h * $1 }
                    minus[name]!.values = zip(inputs[name]!.values, d).map { $0 - h * $1 }
                }
                let numeric = (try objective(plus) - objective(minus)) / (2 * h)
                #expect(abs(analytic - numeric) <= 1e-5 * max(1, abs(numeric)), "\(impl) \(program): analytic \(analytic) vs numeric \(numeric)")
            }
        }
    }

    @Test func bubbleSort() throws {
        var draw = Draw(seed: 31)
        for beta in [1.0, 4] {
            try check(.bubbleSort, ["array": Batched(shape: [3, 5], values: draw.normals(15))], params(beta: beta), seed: 310)
        }
    }

    @Test func shortestPath() throws {
        var draw = Draw(seed: 32)
        for (k, tconorm) in TConorm.allCases.enumerated() {
            let p = params(beta: 3) { $0.iterations = 6; $0.tconorm = tconorm; $0.tconormParameter = tconorm == .hamacher ? 3 : nil; $0.traceback = k == 1 ? .while : .for }
            try check(.shortestPath, ["cost": Batched(shape: [2, 3, 4], values: draw.costs(24))], p, seed: 320 + UInt64(k))
        }
    }

    @Test func editDistanceAndCounter() throws {
        var draw = Draw(seed: 33)
        try check(.editDistance, ["a": Batched(shape: [2, 3, 3], values: draw.distributions(2, 3, 3)),
                                  "b": Batched(shape: [2, 4, 3], values: draw.distributions(2, 4, 3))], params(beta: 3), seed: 330)
        try check(.counter, ["start": Batched(shape: [3], values: [0, 0.4, 2.2])], params(beta: 1.25), seed: 331)
    }

    /// The language's other differentiable pieces: relaxed equality conditions, the real-valued
    /// index and a probabilistic write, through the tape.
    @Test func languageConstructs() throws {
        let program = try Program<Double>(beta: 3) {
            Input("x")
            Input("i")
            Var("y", 0)
            Var("z", constant: { _ in ([1, 2, 3, 4], [4]) })
            If(Eq("x", 1) || NEq("x", "i")) { Let("y") { s in try s["x"] * s["x"] } }
            Let("z", weights: .function { s in try realIndexWeights(try s["i"], count: 4, beta: 2) }, .name("y"))
            Let("y") { s in try weightedRead(try s["z"], weights: try realIndexWeights(try s["x"], count: 4, beta: 1.5, rule: .normalizedEquality)) }
            Output("y")
            Output("z")
        }
        let x = [0.7, 2.1], i = [1.3, 0.2]
        let cot = ["y": [0.5, -1.0], "z": [1, -2, 0.5, 0.25, -1, 1, 2, 0.3]]
        let r = try program.run(["x": Batched(shape: [2], values: x), "i": Batched(shape: [2], values: i)], cotangents: cot)
        func f(_ x: [Double], _ i: [Double]) throws -> Double {
            let o = try program.run(["x": Batched(shape: [2], values: x), "i": Batched(shape: [2], values: i)]).outputs
            return zip(cot["y"]!, o["y"]!.values).map(*).reduce(0, +) + zip(cot["z"]!, o["z"]!.values).map(*).reduce(0, +)
        }
        let h = 1e-6
        for k in 0..<2 {
            var xp = x, xm = x; xp[k] += h; xm[k] -= h
            var ip = i, im = i; ip[k] += h; im[k] -= h
            let dx = (try f(xp, i) - f(xm, i)) / (2 * h), di = (try f(x, ip) - f(x, im)) / (2 * h)
            #expect(abs(r.gradients["x"]!.values[k] - dx) < 1e-6 * max(1, abs(dx)))
            #expect(abs(r.gradients["i"]!.values[k] - di) < 1e-6 * max(1, abs(di)))
        }
    }
}
