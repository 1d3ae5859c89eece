import Foundation

/// The outcome of one proof, shared by every method's `Proofs/` module: what was claimed,
/// the verdict, the evidence, a headline figure and the time it took. `relax prove NAME` prints
/// it; `relax verify` tabulates it.
public struct Certificate: Sendable, CustomStringConvertible {
    public enum Verdict: String, Sendable, Codable {
        /// The claim holds; the evidence is a complete exact (or certified-enclosure) argument
        /// or an exhaustive check.
        case proved
        /// The claim is false; the evidence contains a certified counterexample.
        case refuted
        /// The claim was checked on a finite sample of a larger domain (the evidence says how
        /// many cases, the seed and what is not covered); never reported as proved.
        case tested
        /// The computation could not decide the claim (an undecided comparison, a mismatch, …).
        case failed
    }

    /// Stable name, e.g. `monotonicity-reciprocal`.
    public var name: String
    /// What is claimed, in words.
    public var claim: String
    public var verdict: Verdict
    /// Human-readable lines of evidence, in the order they were established.
    public var evidence: [String]
    /// The headline number or statement, e.g. `sup = 1/(16 s)` or `41 942 784 inputs`.
    public var figure: String
    /// Wall-clock seconds the proof took.
    public var seconds: Double

    public init(name: String, claim: String, verdict: Verdict, evidence: [String], figure: String, seconds: Double) {
        self.name = name
        self.claim = claim
        self.verdict = verdict
        self.evidence = evidence
        self.figure = figure
        self.seconds = seconds
    }

    /// The claim was proved.
    public var holds: Bool { verdict == .proved }

    public var description: String {
        var lines = ["\(name): \(verdict.rawValue.uppercased())", "claim:  \(claim)", "figure: \(figure)", "evidence:"]
        lines += evidence.map { "  - \($0)" }
        lines.append("time:   " + String(format: "%.3f s", seconds))
        return lines.joined(separator: "\n")
    }
}
