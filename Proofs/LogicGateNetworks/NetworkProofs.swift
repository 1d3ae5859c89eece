import LogicGateNetworks
import RealModule

/// Proofs about the gate mixture and about relaxed networks at one-hot gates, generic over an
/// exact field `F` (run with `Rational`).
public enum NetworkProofs<F: AlgebraicField & Comparable> {
    /// Deterministic probability vectors on the simplex: 64 units spread over the 16 gates, p = w/64.
    static func simplexPoints() -> [[F]] {
        (1...12).map { seed in
            var w = [Int](repeating: 0, count: 16)
            for k in 0..<64 { w[(k * k * seed + 3 * k + seed) % 16] += 1 }
            return w.map { F(exactly: $0)! / 64 }
        }
    }

    /// The 16 unit vectors e_i of ℝ¹⁶: both sides of every mixture identity are linear in p, so
    /// agreement on this basis is agreement for every p ∈ ℝ¹⁶ (the simplex included).
    static func basisPoints() -> [[F]] {
        (0..<16).map { i in (0..<16).map { $0 == i ? 1 : 0 } }
    }

    /// The three forms of the mixture (16-term sum, 4 coefficients, 4 corners) agree and the
    /// input partials are exact derivatives — identities linear in p, checked on the 16 unit
    /// vectors (a basis of ℝ¹⁶) and, as a cross-check, on 12 points of the simplex.
    public static func mixtureForms() -> Certificate {
        var log = ProofLog("logic.mixture-forms", "for every p: Σ p_i g_i(a,b) = c0 + c1·a + c2·b + c3·ab = bilinear interpolation of the corner probabilities t_xy; ∂y/∂a = c1 + c3·b")
        let pts: [F] = [0, 1 / 8, 1 / 2, 5 / 8, 1]
        var checks = 0
        for p in basisPoints() + simplexPoints() {
            let c = GateMixture.coefficients(p: p)
            let t = GateMixture.corners(p: p)
            for a in pts { for b in pts {
                let y = GateMixture.output(p: p, a: a, b: b)
                log.check(y == c.0 + c.1 * a + c.2 * b + c.3 * a * b, "coefficient form")
                log.check(y == (1 - a) * (1 - b) * t.0 + (1 - a) * b * t.1 + a * (1 - b) * t.2 + a * b * t.3, "corner form")
                let (da, db) = GateMixture.inputPartials(p: p, a: a, b: b)
                log.check(da == c.1 + c.3 * b && db == c.2 + c.3 * a, "input partials")
                log.check(da == GateMixture.output(p: p, a: a + 1, b: b) - y, "∂y/∂a is the exact derivative")
                checks += 4
            } }
        }
        let uniform = GateMixture.coefficients(p: [F](repeating: 1 / 16, count: 16))
        log.check(uniform.0 == 1 / 2 && uniform.1 == 0 && uniform.2 == 0 && uniform.3 == 0, "uniform mixture is not the constant 1/2")
        log.note("16 unit vectors of ℝ¹⁶ (a basis: the identities are linear in p) + 12 dyadic points of the simplex, × 25 input pairs; in (a, b) the forms have degree ≤ 1 per variable (logic.gates.multilinear-extension), so a 2 × 2 grid would suffice")
        log.note("uniform p gives c = (1/2, 0, 0, 0) exactly (zero input gradient)")
        return log.certificate(figure: "\(checks) exact identities")
    }

    /// The logit gradient sums to zero and the mixture stays in [0, 1] — on sampled points of the
    /// simplex (quadratic in p, so the basis argument does not apply).
    public static func mixtureLogitGradient() -> Certificate {
        var log = ProofLog("logic.mixture-logit-gradient", "Σ_j ∂y/∂z_j = 0 and y ∈ [0, 1] for p on the simplex, a, b ∈ [0, 1]")
        let pts: [F] = [0, 1 / 8, 1 / 2, 5 / 8, 1]
        var checks = 0
        for p in simplexPoints() {
            for a in pts { for b in pts {
                let y = GateMixture.output(p: p, a: a, b: b)
                var s: F = 0
                for v in GateMixture.logitPartials(p: p, a: a, b: b) { s += v }
                log.check(s == 0, "logit gradient does not sum to 0")
                log.check(y >= 0 && y <= 1, "mixture leaves [0,1]")
                checks += 2
            } }
        }
        log.sample(cases: checks, seed: "12 deterministic dyadic points of the simplex (64 units spread over 16 gates) × 25 input pairs",
                   notCovered: "every other p on the simplex and (a, b) off the grid {0, 1/8, 1/2, 5/8, 1}²")
        return log.certificate(figure: "\(checks) exact checks")
    }

    /// At one-hot gate choices and Boolean inputs the relaxed network equals the hard network.
    /// With `networks: 0` a proof for every network: every gate at every Boolean corner
    /// (exhaustive), and by induction over the layers every node then carries its hard bit.
    /// With `networks > 0` also a tested cross-check: every input of that many random networks.
    public static func oneHotEqualsHard(networks: Int = 24, inputBits: Int = 8) -> Certificate {
        var log = ProofLog("logic.one-hot-equals-hard", "with one-hot p and inputs in {0,1}, the relaxed network's outputs equal the hard network's bits")
        var evaluations = 0
        for gate in LogicGate.allCases {
            var p = [F](repeating: 0, count: 16)
            p[gate.id] = 1
            for x in [false, true] { for z in [false, true] {
                log.check(GateMixture.output(p: p, a: x ? 1 : 0, b: z ? 1 : 0) == (gate(x, z) ? 1 : 0), "gate \(gate.id)")
            } }
        }
        var rng = SeededGenerator(seed: 2022)
        for _ in 0..<networks {
            let widths = [12, 10, 6]
            var layers: [HardLogicLayer] = []
            var w = inputBits
            for width in widths {
                let a = (0..<width).map { _ in Int.random(in: 0..<w, using: &rng) }
                let b = (0..<width).map { j in Int.random(in: 0..<4, using: &rng) == 0 ? a[j] : Int.random(in: 0..<w, using: &rng) }
                layers.append(HardLogicLayer(a: a, b: b, gates: (0..<width).map { _ in LogicGate(rawValue: UInt8.random(in: 0...15, using: &rng))! }))
                w = width
            }
            guard let net = try? HardLogicGateNetwork(inputBits: inputBits, layers: layers, groupSum: GroupSum(classes: 3, tau: 1)) else {
                log.check(false, "could not build a network"); continue
            }
            for s in 0..<(1 << inputBits) {
                let bits = (0..<inputBits).map { (s >> $0) & 1 == 1 }
                let hard = ReferenceLogicGateNetwork().outputs(net, sample: bits)
                var h: [F] = bits.map { $0 ? 1 : 0 }
                for layer in net.layers {
                    h = (0..<layer.width).map { j in
                        var p = [F](repeating: 0, count: 16)
                        p[layer.gates[j].id] = 1
                        return GateMixture.output(p: p, a: h[layer.a[j]], b: h[layer.b[j]])
                    }
                }
                log.check(h == hard.map { $0 ? 1 : 0 }, "network differs on input \(s)")
                evaluations += 1
            }
        }
        log.note("every gate at all 4 Boolean corners: one-hot mixture = truth table (exhaustive); by induction over the layers, Boolean inputs give Boolean nodes equal to the hard ones, for every network")
        if networks > 0 {
            log.note("cross-check: relaxed layers evaluated with GateMixture.output in exact arithmetic vs the hard truth-table lookup")
            log.sample(cases: evaluations, seed: "SeededGenerator seed 2022: \(networks) random networks (widths 12, 10, 6), all 2^\(inputBits) inputs each",
                       notCovered: "other networks (covered by the induction in logic.network.one-hot-equals-hard)")
        }
        return log.certificate(figure: "\(evaluations) network evaluations")
    }
}
