import ExactArithmetic
import SortingNetworks
import TopK

extension TopKProofs {
    /// The exact instantiation used by the registry: GMP rationals (`ExactArithmetic.Rational`),
    /// so `A(pruned) == A(full)`, equal gradients and exact column sums are statements about
    /// the mathematics, not about floating-point rounding.
    static func pruningExactDefault(scale: ProofScale) -> Certificate {
        pruningExact(Rational.self, fieldName: "GMP rationals", exact: true, scale: scale) { Rational($0, $1) }
    }

    /// The same check over `Double` (bit-for-bit equality of the pruned and full evaluation).
    public static func pruningBitExactDouble(scale: ProofScale) -> Certificate {
        pruningExact(Double.self, fieldName: "Double (bit-exact)", exact: false, scale: scale) { Double($0) / Double($1) }
    }
}
