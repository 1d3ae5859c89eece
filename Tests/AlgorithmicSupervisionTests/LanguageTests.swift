import AlgorithmicSupervision
import ExactArithmetic
import Testing

/// Semantics of the language's constructs (arXiv 2110.05651, §3) and its typed errors.
@Suite struct LanguageTests {
    /// `If` with p ∈ {0, 1} selects a branch exactly (here on exact rationals).
    @Test func ifWithCertainConditionSelectsExactly() throws {
        for p in [Rational(0), Rational(1)] {
            let program = try Program<Rational> {
                Input("x")
                Var("y", Rational(7) / Rational(3))
                If(Condition { s in s.constant(p) }) {
                    Let("y") { s in try s["x"] * 2 }
                } else: {
                    Let("y") { s in try s["x"] + Rational(1) / Rational(5) }
                }
                Output("y")
            }
            let x: [Rational] = [Rational(1) / Rational(3), Rational(-5) / Rational(7)]
            let r = try program.run(["x": Batched(shape: [2], values: x)])
            #expect(r.outputs["y"]!.values == (p == 1 ? x.map { $0 * 2 } : x.map { $0 + Rational(1) / Rational(5) }))
        }
    }

    /// The `While` weights are non-negative and sum to 1; a condition false on entry returns
    /// the input state.
    @Test func whileWeightsAndFalseOnEntry() throws {
        let program = try Program<Double>(beta: 2) {
            Input("x")
            Var("one", 1)
            While(LT("x", 3)) { Let("x") { s in try s["x"] + 0.5 } }
            Output("x")
            Output("one")
        }
        let r = try program.run(["x": Batched(shape: [3], values: [0, 1, 2.5])])
        for v in r.outputs["one"]!.values { #expect(abs(v - 1) < 1e-15) }
        let hard = try Program<Double>(beta: 10) {
            Input("x")
            While(LT("x", -1e6)) { Let("x") { s in try s["x"] + 1 } }
            Output("x")
        }
        let h = try hard.run(["x": Batched(shape: [2], values: [0, 4])], toDouble: { $0 })
        #expect(h.outputs["x"]!.values == [0, 4])
        #expect(h.whileReports == [WhileReport(iterations: 0, remainingMass: 0, reachedMaxIterations: false)])
    }

    /// Hyperparameters propagate: a condition's own β wins over the program's.
    @Test func hyperparameterPropagation() throws {
        func run(_ local: Double?) throws -> Double {
            let program = try Program<Double>(beta: 1) {
                Input("x")
                Var("y", 0)
                If(GT("x", 0, beta: local)) { Let("y", 1) }
                Output("y")
            }
            return try program.run(["x": Batched(shape: [1], values: [1])]).outputs["y"]!.values[0]
        }
        #expect(abs(try run(nil) - 1 / (1 + Double.exp(-1))) < 1e-15)
        #expect(abs(try run(5) - 1 / (1 + Double.exp(-5))) < 1e-15)
    }

    @Test func typedLanguageErrors() throws {
        // Integer changed inside a relaxed branch.
        let changes = try Program<Double> {
            Input("x")
            VarInt("n") { _ in 0 }
            If(GT("x", 0)) { LetInt("n") { _ in 1 } }
            Output("x")
        }
        #expect(throws: AlgorithmError.integerChangedInRelaxedBranch(variable: "n", trueBranch: 1, falseBranch: 0)) {
            try changes.run(["x": Batched(shape: [1], values: [0.3])])
        }
        // Undeclared variable: statically (a target) and dynamically (a read).
        #expect(throws: AlgorithmError.undeclaredVariable("z")) {
            _ = try Program<Double> { Input("x"); Let("z", 1); Output("x") }
        }
        let reads = try Program<Double> { Input("x"); Let("x") { s in try s["nope"] }; Output("x") }
        #expect(throws: AlgorithmError.undeclaredVariable("nope")) { try reads.run(["x": Batched(shape: [1], values: [1])]) }
        #expect(throws: AlgorithmError.duplicateDeclaration("x")) { _ = try Program<Double> { Input("x"); Var("x", 0); Output("x") } }
        // Index out of range.
        let oob = try Program<Double> { Input("x"); Let("x", at: [3], 1); Output("x") }
        #expect(throws: AlgorithmError.indexOutOfRange(variable: "x", index: [3], shape: [1, 2])) {
            try oob.run(["x": Batched(shape: [1, 2], values: [1, 2])])
        }
        // A While that reaches max_iter: reported, and an error in strict mode.
        let forever = try Program<Double>(beta: 1, maxIterations: 5) { Input("x"); While(GT("x", -1e9)) { Let("x") { s in try s["x"] + 1 } }; Output("x") }
        let r = try forever.run(["x": Batched(shape: [1], values: [0])], toDouble: { $0 })
        #expect(r.whileReports.first?.reachedMaxIterations == true)
        #expect(throws: AlgorithmError.whileReachedMaxIterations(maxIterations: 5, remainingMass: 1)) {
            try forever.run(["x": Batched(shape: [1], values: [0])], strictLoops: true, toDouble: { $0 })
        }
    }

    @Test func typedInputErrors() throws {
        let nan = Batched<Double>(shape: [1, 2], values: [1, .nan])
        for impl in AlgorithmImplementation.allCases {
            #expect(throws: AlgorithmError.nonFinite(input: "array", index: 1)) { try run(impl, .bubbleSort, ["array": nan], params()) }
            #expect(throws: AlgorithmError.empty(what: "input array has shape [0, 2]")) {
                try run(impl, .bubbleSort, ["array": Batched(shape: [0, 2], values: [])], params())
            }
            #expect(throws: AlgorithmError.ragged(what: "input array: shape [2, 2] but 3 values")) {
                try run(impl, .bubbleSort, ["array": Batched(shape: [2, 2], values: [1, 2, 3])], params())
            }
            #expect(throws: AlgorithmError.nonPositiveCost(index: 2, value: 0)) {
                try run(impl, .shortestPath, ["cost": Batched(shape: [1, 2, 2], values: [1, 1, 0, 1])], params())
            }
            #expect(throws: AlgorithmError.ragged(what: "input b has batch 2, expected 1")) {
                try run(impl, .editDistance, ["a": Batched(shape: [1, 2, 2], values: [1, 0, 0, 1]), "b": Batched(shape: [2, 1, 2], values: [1, 0, 0, 1])], params())
            }
            #expect(throws: AlgorithmError.self) {
                try run(impl, .shortestPath, ["cost": Batched(shape: [1, 1, 1], values: [1])], params { $0.tconorm = .yager; $0.tconormParameter = 2 })
            }
        }
        #expect(throws: AlgorithmError.unknownProgram("quick_sort", known: AlgorithmProgram.allCases.map(\.rawValue))) { try AlgorithmProgram.named("quick_sort") }
        #expect(throws: AlgorithmError.unknownTConorm("lukasiewicz", known: ["probabilistic", "hamacher", "yager"])) { try TConorm.named("lukasiewicz") }
    }
}
