import SortingNetworks
import TopK

extension TopKProofs {
    /// The exact instantiation used by the registry. Until `ExactArithmetic.Rational` is
    /// available this runs over `Double` (bit-exact equality of identical operation sequences —
    /// a weaker statement, reported as such in the certificate's evidence).
    static func pruningExactDefault(scale: ProofScale) -> ProofCertificate {
        pruningExact(Double.self, fieldName: "Double (bit-exact; Rational pending)", exact: false, scale: scale) { Double($0) / Double($1) }
    }
}
