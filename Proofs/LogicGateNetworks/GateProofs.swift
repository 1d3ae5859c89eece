import LogicGateNetworks
import RealModule

/// Proofs about the 16 gate relaxations, generic over an exact field `F` (the project runs them
/// with `Rational`; any ordered field in which the chosen dyadic points are exact works).
///
/// These run at exact grid points (any ordered field in which the dyadic points are exact; the
/// tests also use `Double`). The catalogue's gate claims are proved symbolically for every (a, b)
/// in ``SymbolicProofs``; the grid versions are cross-checks of the same code.
public enum GateProofs<F: AlgebraicField & Comparable> {
    /// Dyadic grid points (exact in binary floating point too), including points outside [0, 1].
    static var grid: [F] { [0, 1 / 4, 1 / 2, 3 / 4, 1, -2, 5 / 4] }
    static var unitGrid: [F] { [0, 1 / 8, 1 / 4, 3 / 8, 1 / 2, 5 / 8, 3 / 4, 7 / 8, 1] }

    /// The multilinear extension of gate `id`'s truth table: Σ_corners f(x,y)·[a or 1−a]·[b or 1−b].
    static func multilinearExtension(_ gate: LogicGate, _ a: F, _ b: F) -> F {
        var y: F = 0
        for x in [false, true] {
            for z in [false, true] where gate(x, z) {
                y += (x ? a : 1 - a) * (z ? b : 1 - b)
            }
        }
        return y
    }

    /// Truth tables: f(a,b) = (id >> (3 − 2a − b)) & 1, complement = 15 − id, relaxation = table at corners.
    public static func truthTables() -> Certificate {
        var log = ProofLog("logic.truth-tables", "the 16 gates in the authors' id order have the truth tables of arXiv 2210.08277, Table 1; the relaxation equals the table at the 4 Boolean corners; gate 15−i is the complement of gate i")
        let names = ["zero", "and", "not_implies", "a", "not_implied_by", "b", "xor", "or", "not_or", "not_xor",
                     "not_b", "implied_by", "not_a", "implies", "not_and", "one"]
        for gate in LogicGate.allCases {
            log.check(gate.packageName == names[gate.id], "gate \(gate.id) is named \(gate.packageName)")
            for (i, (x, z)) in [(false, false), (false, true), (true, false), (true, true)].enumerated() {
                let bit = (gate.id >> (3 - i)) & 1 == 1
                log.check(gate(x, z) == bit, "gate \(gate.id) at (\(x),\(z))")
                log.check(gate.complement(x, z) == !gate(x, z), "complement of \(gate.id) at (\(x),\(z))")
                let r: F = gate.relaxation(x ? 1 : 0, z ? 1 : 0)
                log.check(r == (bit ? 1 : 0), "relaxation of \(gate.id) at (\(x),\(z)) is not the table value")
            }
        }
        log.note("16 gates × 4 corners: Boolean function, id-bit identity, complement and relaxation checked exactly")
        return log.certificate(figure: "64 corners")
    }

    /// Each relaxation is the unique multilinear extension of its table and maps [0,1]² into [0,1].
    public static func multilinearAndRange() -> Certificate {
        var log = ProofLog("logic.multilinear-extension", "each relaxation g_i is the unique multilinear extension of gate i's truth table, and g_i([0,1]²) ⊆ [0,1]")
        var points = 0
        for gate in LogicGate.allCases {
            for a in grid { for b in grid {
                let g: F = gate.relaxation(a, b)
                log.check(g == multilinearExtension(gate, a, b), "g_\(gate.id) differs from the multilinear extension at a grid point")
                points += 1
            } }
            // Range: g is affine in a for fixed b and in b for fixed a, so its extrema over the box are
            // at the corners, which are table values in {0, 1}. Checked on a grid for good measure.
            for a in unitGrid { for b in unitGrid {
                let g: F = gate.relaxation(a, b)
                log.check(g >= 0 && g <= 1, "g_\(gate.id) leaves [0,1] at a grid point")
            } }
        }
        log.note("g_i = Σ f_i(x,y)·(x ? a : 1−a)·(y ? b : 1−b) exactly on a 7 × 7 grid (incl. points outside [0,1]) for all 16 gates; both sides have degree ≤ 1 per variable, so they are the same polynomial")
        log.note("range: bilinear ⇒ extrema over [0,1]² at the corners ∈ {0,1}; also 0 ≤ g ≤ 1 on a 9 × 9 rational grid")
        return log.certificate(figure: "\(points) exact evaluations")
    }

    /// The stated partial derivatives are exact, with the signs of the multilinear forms.
    public static func partials() -> Certificate {
        var log = ProofLog("logic.gate-partials", "∂g_i/∂a and ∂g_i/∂b of every gate equal the implemented partials (e.g. ∂AND/∂a = b ≥ 0, ∂XOR/∂a = 1 − 2b)")
        var checks = 0
        for gate in LogicGate.allCases {
            for a in grid { for b in grid {
                // g is affine in a, so the forward difference with step 1 is the derivative exactly.
                let da: F = gate.relaxation(a + 1, b) - gate.relaxation(a, b)
                let db: F = gate.relaxation(a, b + 1) - gate.relaxation(a, b)
                log.check(da == gate.partialA(a, b), "∂g_\(gate.id)/∂a wrong at a grid point")
                log.check(db == gate.partialB(a, b), "∂g_\(gate.id)/∂b wrong at a grid point")
                checks += 2
            } }
        }
        // Signs on [0,1]²: the partials are affine in the other variable, so their sign over [0,1]
        // is decided at the endpoints.
        let and = LogicGate.and, xor = LogicGate.xor
        for b in [F.zero, 1] {
            log.check(and.partialA(F.zero, b) == b && b >= 0, "∂AND/∂a = b ≥ 0")
            log.check(xor.partialA(F.zero, b) == 1 - 2 * b, "∂XOR/∂a = 1 − 2b")
        }
        let nonNegA = LogicGate.allCases.filter { g in [F.zero, 1].allSatisfy { g.partialA((1 as F) / 2, $0) >= 0 } }.map(\.id)
        log.note("g affine in each variable ⇒ g(a+1,b) − g(a,b) = ∂g/∂a exactly; checked on a 7 × 7 grid for all 16 gates")
        log.note("gates with ∂g/∂a ≥ 0 on all of [0,1]² (monotone in a): \(nonNegA)")
        return log.certificate(figure: "\(checks) exact identities")
    }

    /// The bit-sliced word operations against the truth table: every gate, every word width, every
    /// bit position seeing every one of the four corners (the library's own check, run here so that
    /// the catalogue records it).
    public static func wordOperations() -> Certificate {
        var log = ProofLog(name: "logic.gates.word-operations", claim: "")
        let ok = BitSlicedLogicNetwork.wordOperationsMatchTruthTables
        log.require(ok, "the word operation of each of the 16 gates equals its truth table in every bit of UInt64, SIMD2/4/8<UInt64> words, with each bit checked at all 4 corners")
        log.note("bitwise &, |, ^, ~ act on each bit position alone, so a bit's result depends only on that bit of the two operands: checking all 4 corners in every bit position is exhaustive")
        return log.finish(.proved, figure: "16 gates × 4 corners × 960 bit positions")
    }
}
