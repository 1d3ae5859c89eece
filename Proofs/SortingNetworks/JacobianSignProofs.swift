import ExactArithmetic
import Foundation
import SortingNetworks

/// Network-level monotonicity on a sample (arXiv 2203.09630, Theorem 5): the library's reference
/// VJP code (`RelaxedSortingNetwork.jacobian`) instantiated with `Rational` for the rational
/// families gives a Jacobian `∂y_i/∂x_j` with every entry ≥ 0 and every row summing to exactly 1,
/// on seeded random rational inputs. This is a *tested* cross-check of the code's backward pass;
/// the statement for every n and every input is proved in ``NetworkMonotonicityProofs``.
enum JacobianSignProofs {
    static let sizes: [SortingNetwork.Kind: [Int]] = [.bitonic: Array(2...8), .oddEven: Array(2...6)]

    static func run(_ family: RationalSigmoidFamily, scale: ProofScale = .test, progress: ProofProgress) -> Certificate {
        var log = ProofLog(
            name: "sorting.jacobian.sampled.\(family.rawValue)",
            claim: "\(family.rawValue): the reference backward pass over exact rationals gives ∂y_i/∂x_j ≥ 0 and Σ_j ∂y_i/∂x_j = 1 exactly")
        // optimal saturates (g ∈ {0, 1}) once |s·d| > ¼, so it gets a smaller steepness.
        let steepness = family == .optimal ? Rational(1, 2) : Rational(3, 2)
        var rng = SplitMix64(seed: 0x00AC_0B1A_2203_0963)
        var cases = 0, entries = 0, zeros = 0
        var failures: [String] = []
        let started = Date()
        cases: for kind in SortingNetwork.Kind.allCases {
            for construction in SortingNetwork.Construction.allCases {
                for n in sizes[kind] ?? [] {
                    if Date().timeIntervalSince(started) > scale.maxSeconds {
                        log.fail("time budget of \(scale.maxSeconds) s exhausted before \(kind.rawValue) n=\(n)")
                        break cases
                    }
                    guard let network = try? SortingNetwork(kind: kind, n: n, construction: construction) else {
                        log.fail("cannot build \(kind.rawValue)(\(construction.rawValue)) n=\(n)")
                        continue
                    }
                    // Inputs k/8 with |k| ≤ 24: close values, so many comparators sit in the
                    // sigmoids' central (non-saturated) parts.
                    let x = (0..<n).map { _ in Rational(Int.random(in: -24...24, using: &rng), 8) }
                    let budgetedSwap = family.conditionalSwap(steepness: BudgetedRational(steepness), guardEpsilon: BudgetedRational(0))
                    let (budgetedJ, exhaustedHere) = BudgetedRational.withBudget(scale.maxOperandBits, deadline: started.addingTimeInterval(scale.maxSeconds)) {
                        RelaxedSortingNetwork.jacobian(x: x.map(BudgetedRational.init), network: network, swap: budgetedSwap)
                    }
                    if let exhaustedHere {
                        log.fail("\(kind.rawValue)(\(construction.rawValue)) n=\(n): \(exhaustedHere)")
                        break cases
                    }
                    let J = budgetedJ.map { $0.map(\.value) }
                    cases += 1
                    progress("\(log.name): \(kind.rawValue)(\(construction.rawValue)) n = \(n)")
                    for (i, row) in J.enumerated() {
                        entries += row.count
                        zeros += row.filter(\.isZero).count
                        if let negative = row.first(where: { $0 < 0 }) {
                            log.counterexample("x = \(x), \(kind.rawValue)(\(construction.rawValue)) n=\(n): J[\(i)] has the exact entry \(negative) < 0")
                            failures.append("\(kind.rawValue)(\(construction.rawValue)) n=\(n) row \(i): entry \(negative) < 0")
                        }
                        if row.reduce(0, +) != 1 {
                            failures.append("\(kind.rawValue)(\(construction.rawValue)) n=\(n) row \(i) sums to \(row.reduce(0, +))")
                        }
                    }
                }
            }
        }
        log.note("steepness \(steepness), no guard, inputs k/8 with |k| ≤ 24 (seeded), both networks and constructions, bitonic n ≤ 8, odd-even n ≤ 6")
        log.sample(cases: cases, seed: "SplitMix64 seed 0x00AC0B1A22030963, one input per (network, n)",
                   notCovered: "every other input, larger n, other steepness values (proved for every n and input in sorting.monotonicity.network.*)")
        log.require(failures.isEmpty || !log.counterexamples.isEmpty, "\(cases) exact Jacobians, \(entries) entries: all ≥ 0 (\(zeros) exactly 0), every row sums to 1" + (failures.isEmpty ? "" : ": " + failures.prefix(4).joined(separator: "; ")))
        return log.finish(figure: "\(entries) entries ≥ 0 in \(cases) exact Jacobians")
    }
}
