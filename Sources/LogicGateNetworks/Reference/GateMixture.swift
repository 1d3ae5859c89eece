import RealModule

/// One neuron of a differentiable logic gate network: a softmax-weighted mixture of the 16 gate
/// relaxations, `y = Σᵢ pᵢ·gᵢ(a, b)` with `p = softmax(z)` (Petersen et al. 2022,
/// arXiv 2210.08277, Eq. 2).
///
/// Everything except ``softmax(_:)`` is rational, so it is generic over `AlgebraicField` and runs
/// unchanged on exact rationals in `Proofs/`.
public enum GateMixture {
    /// `p = softmax(z)` over the 16 logits, computed stably (max subtracted).
    public static func softmax<T: Real>(_ z: [T]) -> [T] {
        var m = z[0]
        for v in z where v > m { m = v }
        let e = z.map { T.exp($0 - m) }
        var s: T = 0
        for v in e { s += v }
        return e.map { $0 / s }
    }

    /// The index of the largest logit; ties go to the lowest id (PyTorch `argmax` behaviour).
    public static func argmax<T: Comparable>(_ z: some Collection<T>) -> Int {
        var best = 0
        var bestValue = z[z.startIndex]
        for (i, v) in z.enumerated() where v > bestValue {
            best = i
            bestValue = v
        }
        return best
    }

    /// `y = Σᵢ pᵢ·gᵢ(a, b)` — the 16-term sum of Eq. 2.
    public static func output<T: AlgebraicField>(p: [T], a: T, b: T) -> T {
        var y: T = 0
        for gate in LogicGate.allCases { y += p[gate.id] * gate.relaxation(a, b) }
        return y
    }

    /// The four collapsed coefficients `(c0, c1, c2, c3)` with `y = c0 + c1·a + c2·b + c3·a·b`.
    public static func coefficients<T: AlgebraicField>(p: [T]) -> (T, T, T, T) {
        var c: (T, T, T, T) = (0, 0, 0, 0)
        for gate in LogicGate.allCases {
            let (k0, k1, k2, k3) = gate.coefficients
            c.0 += T(exactly: k0)! * p[gate.id]
            c.1 += T(exactly: k1)! * p[gate.id]
            c.2 += T(exactly: k2)! * p[gate.id]
            c.3 += T(exactly: k3)! * p[gate.id]
        }
        return c
    }

    /// The corner probabilities `t_xy = Σ_{i: fᵢ(x,y)=1} pᵢ` in the order t00, t01, t10, t11.
    public static func corners<T: AlgebraicField>(p: [T]) -> (T, T, T, T) {
        var t: (T, T, T, T) = (0, 0, 0, 0)
        for gate in LogicGate.allCases {
            if gate(false, false) { t.0 += p[gate.id] }
            if gate(false, true) { t.1 += p[gate.id] }
            if gate(true, false) { t.2 += p[gate.id] }
            if gate(true, true) { t.3 += p[gate.id] }
        }
        return t
    }

    /// `(∂y/∂a, ∂y/∂b) = (Σᵢ pᵢ ∂gᵢ/∂a, Σᵢ pᵢ ∂gᵢ/∂b)`.
    public static func inputPartials<T: AlgebraicField>(p: [T], a: T, b: T) -> (T, T) {
        var da: T = 0, db: T = 0
        for gate in LogicGate.allCases {
            da += p[gate.id] * gate.partialA(a, b)
            db += p[gate.id] * gate.partialB(a, b)
        }
        return (da, db)
    }

    /// `∂y/∂z_j = p_j·(g_j(a, b) − y)` — the softmax Jacobian applied to `∂y/∂pᵢ = gᵢ(a, b)`.
    public static func logitPartials<T: AlgebraicField>(p: [T], a: T, b: T) -> [T] {
        let y = output(p: p, a: a, b: b)
        return LogicGate.allCases.map { p[$0.id] * ($0.relaxation(a, b) - y) }
    }
}
