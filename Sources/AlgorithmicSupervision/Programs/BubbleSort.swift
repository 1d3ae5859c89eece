import RealModule

extension RelaxedPrograms {
    /// Relaxed bubble sort (arXiv 2110.05651, §4.1, sorting supervision).
    ///
    /// Each conditional swap `If a > b` runs with probability `p = σ(β(a − b))`, so the pair
    /// becomes `(1 − p)·(a, b) + p·(b, a)` — a logistic relaxed comparator. `swapped` becomes the
    /// probability that a pass swapped anything, which is the `While`'s continue-probability;
    /// `loss_sum` grows by `Σ p`, the expected number of swaps. The output is the expectation
    /// over the number of passes. Fed with scores in ground-truth order, `loss_sum` is the
    /// sorting-supervision loss: ≈ 0 iff the scores are increasing.
    ///
    /// Inputs `array [B, n]`; outputs `array [B, n]`, `loss_sum [B]`.
    public static func bubbleSort<T: Real>(_ p: Hyper<T>) throws -> Program<T> {
        try Program<T>(beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations, hard: p.hard) {
            Input("array")
            Var("a", 0)
            Var("b", 0)
            Var("swapped", 1)
            Var("loss_sum", 0)
            VarInt("k") { s in try s.shape("array")[1] - 1 }
            While(IsTrue("swapped")) {
                Let("swapped", 0)
                For("i", in: "k") {
                    Let("a", "array", at: ["i"])
                    Let("b", "array", at: [.function { s in try s.int("i") + 1 }])
                    If(GT("a", "b")) {
                        Let("array", at: [.function { s in try s.int("i") + 1 }], "a")
                        Let("array", at: ["i"], "b")
                        Let("swapped", 1)
                        Let("loss_sum") { s in try s["loss_sum"] + 1 }
                    }
                }
                LetInt("k") { s in try s.int("k") - 1 }
            }
            Output("array")
            Output("loss_sum")
        }
    }

    /// The counter loop (arXiv 2110.05651, §3.3's relaxed `While`): `x ← start`;
    /// `While x < limit: x ← x + 1`. The result is the expectation of `x` over the stopping
    /// iteration, with continue-probabilities `σ(β(limit − x_t))`.
    public static func counter<T: Real>(_ p: Hyper<T>, limit: T) throws -> Program<T> {
        try Program<T>(beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations, hard: p.hard) {
            Input("start")
            Var("x", 0)
            Let("x", "start")
            While(LT("x", .number(limit))) {
                Let("x") { s in try s["x"] + 1 }
            }
            Output("x")
        }
    }

    /// Relaxed Levenshtein distance (arXiv 2110.05651, §4.4) between two strings of letter
    /// distributions `a [B, n, K]`, `b [B, m, K]`:
    /// `D[i][j] = softmin_β(D[i−1][j] + 1, D[i][j−1] + 1, D[i−1][j−1] + 1 − ⟨a_i, b_j⟩)`,
    /// `D[i][0] = i`, `D[0][j] = j`; `1 − ⟨a_i, b_j⟩` is the probability that independent draws
    /// of the two letters differ. Output `distance = D[n][m]`. With one-hot letters in hard
    /// mode it is the Levenshtein distance.
    public static func editDistance<T: Real>(_ p: Hyper<T>) throws -> Program<T> {
        let beta = p.beta
        return try Program<T>(beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations, hard: p.hard) {
            Input("a")
            Input("b")
            Var("D", constant: { s in
                let (n, m) = (try s.shape("a")[1], try s.shape("b")[1])
                var D = [T](repeating: 0, count: (n + 1) * (m + 1))
                for i in 0...n { D[i * (m + 1)] = T(i) }
                for j in 0...m { D[j] = T(j) }
                return (D, [n + 1, m + 1])
            })
            Var("distance", 0)
            VarInt("n") { s in try s.shape("a")[1] }
            VarInt("m") { s in try s.shape("b")[1] }
            For("i", in: "n") {
                For("j", in: "m") {
                    Let("D", at: [.function { s in try s.int("i") + 1 }, .function { s in try s.int("j") + 1 }], .function { s in
                        let (D, i, j) = (try s["D"], try s.int("i"), try s.int("j"))
                        let same = (try s["a"].read([i]) * s["b"].read([j])).sumLastAxis()
                        return try softMin([try D.read([i, j + 1]) + 1, try D.read([i + 1, j]) + 1,
                                            try (D.read([i, j]) + 1) - same], beta: beta, hard: s.hard)
                    })
                }
            }
            Let("distance") { s in try s["D"].read([-1, -1]) }
            Output("distance")
        }
    }
}

/// The programs shipped with the library, written in the relaxed-program language.
public enum RelaxedPrograms {
    /// Hyperparameters in the scalar type of the program.
    public struct Hyper<T: Real> {
        public var beta: T, epsilon: T, maxIterations: Int, hard: Bool
        public init(beta: T, epsilon: T, maxIterations: Int = 1024, hard: Bool = false) {
            self.beta = beta
            self.epsilon = epsilon
            self.maxIterations = maxIterations
            self.hard = hard
        }
    }
}
