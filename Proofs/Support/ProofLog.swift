import Foundation

/// Collects evidence while a check runs and computes the ``Certificate``'s verdict from it:
///
/// - a failed ``require(_:_:)`` step (or an exhausted budget) → `failed`;
/// - otherwise a recorded ``counterexample(_:)`` (a certified one) → `refuted`;
/// - otherwise a recorded ``sample(cases:seed:notCovered:)`` → `tested`;
/// - otherwise every step held over the whole domain → `proved`.
public struct ProofLog: Sendable {
    public let name: String
    public let claim: String
    public var domain: String
    let start = Date()
    public private(set) var evidence: [String] = []
    /// Steps that could not be established; the verdict is then `failed`.
    public private(set) var failures: [String] = []
    /// Certified counterexamples to the claim.
    public private(set) var counterexamples: [String] = []
    public private(set) var sample: Certificate.Sample?

    public init(name: String, claim: String, domain: String = "") {
        self.name = name
        self.claim = claim
        self.domain = domain
    }

    public mutating func note(_ line: String) { evidence.append(line) }

    /// Records `line` as evidence if `condition` holds, otherwise as a failure.
    public mutating func require(_ condition: Bool, _ line: String) {
        if condition { evidence.append(line) } else { failures.append(line); evidence.append("FAILED: " + line) }
    }

    /// Records a failure that is not a counterexample (an error, a budget exhausted, …).
    public mutating func fail(_ line: String) { require(false, line) }

    /// Records a certified counterexample to the claim (reproducible from `line`).
    public mutating func counterexample(_ line: String) {
        counterexamples.append(line)
        evidence.append("COUNTEREXAMPLE: " + line)
    }

    /// Marks the check as resting on a finite sample of its domain.
    public mutating func sample(cases: Int, seed: String, notCovered: String) {
        sample = Certificate.Sample(cases: cases, seed: seed, notCovered: notCovered)
        evidence.append("sample: \(sample!.summary)")
    }

    /// The verdict the evidence supports (see the type's documentation).
    public var verdict: Certificate.Verdict {
        if !failures.isEmpty { return .failed }
        if !counterexamples.isEmpty { return .refuted }
        return sample == nil ? .proved : .tested
    }

    /// The certificate, with the verdict computed from the evidence.
    public func finish(figure: String) -> Certificate {
        Certificate(
            name: name, claim: claim, domain: domain, verdict: verdict, evidence: evidence, figure: figure,
            sample: sample, seconds: Date().timeIntervalSince(start))
    }

    /// The certificate of a proof written to reach `intended` (`proved` or `refuted`): every
    /// `require` step must hold, else `failed`. A refutation's steps are the checks of its
    /// certified counterexample. A proof that recorded a counterexample is `refuted`; one that
    /// recorded a sample cannot be `proved`: it is `tested`.
    public func finish(_ intended: Certificate.Verdict, figure: String) -> Certificate {
        var verdict = failures.isEmpty ? intended : .failed
        if verdict == .proved, !counterexamples.isEmpty { verdict = .refuted }
        if verdict == .proved, sample != nil { verdict = .tested }
        return Certificate(
            name: name, claim: claim, domain: domain, verdict: verdict, evidence: evidence, figure: figure,
            sample: sample, seconds: Date().timeIntervalSince(start))
    }
}
