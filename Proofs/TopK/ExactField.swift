import Foundation
import ExactArithmetic
import SortingNetworks
import TopK

extension TopKProofs {
    /// The exact instantiation used by the registry: GMP rationals (`ExactArithmetic.Rational`),
    /// so `A(pruned) == A(full)`, equal gradients and exact column sums are statements about
    /// the mathematics, not about floating-point rounding.
    /// The rationals run against the operand budget of `scale` (``BudgetedRational``): past it
    /// the check stops quickly and reports `failed` instead of growing its numbers without bound.
    static func pruningExactDefault(scale: ProofScale) -> Certificate {
        let (certificate, exhausted) = BudgetedRational.withBudget(scale.maxOperandBits, deadline: Date(timeIntervalSinceNow: scale.maxSeconds)) {
            pruningExact(BudgetedRational.self, fieldName: "GMP rationals", exact: true, scale: scale) { BudgetedRational(Rational($0, $1)) }
        }
        guard let exhausted else { return certificate }
        var failed = certificate
        failed.verdict = .failed
        failed.sample = nil
        failed.evidence.append("FAILED: \(exhausted)")
        return failed
    }

    /// The same check over `Double` (bit-for-bit equality of the pruned and full evaluation).
    public static func pruningBitExactDouble(scale: ProofScale) -> Certificate {
        pruningExact(Double.self, fieldName: "Double (bit-exact)", exact: false, scale: scale) { Double($0) / Double($1) }
    }
}
