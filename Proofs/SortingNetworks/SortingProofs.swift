/// One named proof: what `relax prove NAME` runs and `relax verify` tabulates.
public struct SortingProof: Sendable {
    /// Stable name, e.g. `monotonicity-reciprocal`.
    public let name: String
    /// What the paper says about the claim: the verdict this proof must reach.
    public let expected: Certificate.Verdict
    let body: @Sendable (ProofProgress) -> Certificate

    /// Runs the proof; `progress` receives lines from long proofs.
    public func run(progress: ProofProgress = .silent) -> Certificate { body(progress) }
}

/// Registry of the exact / certified proofs about the sorting-network relaxations.
public enum SortingProofs {
    public static let all: [SortingProof] = [
        SortingProof(name: "monotonicity-reciprocal", expected: .proved) { _ in MonotonicityProofs.rational(.reciprocal) },
        SortingProof(name: "monotonicity-optimal", expected: .proved) { _ in MonotonicityProofs.rational(.optimal) },
        SortingProof(name: "monotonicity-cauchy", expected: .proved) { _ in MonotonicityProofs.cauchy() },
        SortingProof(name: "monotonicity-logistic", expected: .refuted) { _ in MonotonicityProofs.logistic() },
        SortingProof(name: "monotonicity-logistic_phi", expected: .refuted) { _ in MonotonicityProofs.logisticPhi() },
        SortingProof(name: "monotonicity-gaussian", expected: .refuted) { _ in MonotonicityProofs.gaussian() },
        SortingProof(name: "monotonicity-optimal-guarded", expected: .refuted) { _ in MonotonicityProofs.optimalGuarded() },
        SortingProof(name: "error-bound-reciprocal", expected: .proved) { _ in ErrorBoundProofs.rational(.reciprocal) },
        SortingProof(name: "error-bound-optimal", expected: .proved) { _ in ErrorBoundProofs.rational(.optimal) },
        SortingProof(name: "error-bound-cauchy", expected: .proved) { _ in ErrorBoundProofs.cauchy() },
        SortingProof(name: "error-bound-logistic", expected: .proved) { _ in ErrorBoundProofs.logistic() },
        SortingProof(name: "error-bound-gaussian", expected: .proved) { _ in ErrorBoundProofs.gaussian() },
        SortingProof(name: "error-bound-logistic_phi", expected: .proved) { _ in ErrorBoundProofs.logisticPhi() },
        SortingProof(name: "jacobian-nonnegative-reciprocal", expected: .proved) { JacobianSignProofs.run(.reciprocal, progress: $0) },
        SortingProof(name: "jacobian-nonnegative-optimal", expected: .proved) { JacobianSignProofs.run(.optimal, progress: $0) },
    ] + DoublyStochasticProofs.settings.map { setting in
        SortingProof(name: setting.name, expected: .proved) { progress in DoublyStochasticProofs.run(setting, progress: progress) }
    }

    /// The proof with this name, if any.
    public static func named(_ name: String) -> SortingProof? { all.first { $0.name == name } }
}
