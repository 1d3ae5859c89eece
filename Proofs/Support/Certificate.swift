import Foundation

/// The outcome of one catalogued claim, shared by every method's `Proofs/` module: what was
/// claimed and over which domain, the verdict, the evidence, a headline figure and the time it
/// took. `relax prove NAME` prints it; `relax verify` tabulates it.
public struct Certificate: Sendable, CustomStringConvertible {
    /// Exactly one of four verdicts, computed from the evidence (never preset).
    public enum Verdict: String, Sendable, Codable, CaseIterable {
        /// Every step of the argument was checked by code: exact arithmetic, a certified
        /// enclosure, or an exhaustive enumeration of a finite domain. No step is prose.
        case proved
        /// A certified counterexample (exact or enclosed), reproducible from the evidence.
        case refuted
        /// Checked on a finite sample of a larger domain; ``Certificate/sample`` says how many
        /// cases, the seed and what the sample does not cover.
        case tested
        /// Anything else: an error, an undecided step, an agreement bound exceeded, a budget
        /// exhausted. Errors are never reported as `refuted`.
        case failed
    }

    /// What a `tested` verdict rests on.
    public struct Sample: Sendable, Equatable {
        /// How many cases were checked.
        public var cases: Int
        /// The seed of the generator, or how the cases were chosen (a grid, a list of sizes).
        public var seed: String
        /// The part of the claim's domain the sample does not cover.
        public var notCovered: String

        public init(cases: Int, seed: String, notCovered: String) {
            self.cases = cases
            self.seed = seed
            self.notCovered = notCovered
        }

        public var summary: String { "\(cases) cases, \(seed); not covered: \(notCovered)" }
    }

    /// Stable catalogue name, e.g. `sorting.monotonicity.cauchy`.
    public var name: String
    /// What is claimed, in words.
    public var claim: String
    /// The domain the claim is stated over (every real u; n = 2…24; every n and network; …).
    public var domain: String
    public var verdict: Verdict
    /// Human-readable lines of evidence, in the order they were established.
    public var evidence: [String]
    /// The headline number or statement, e.g. `sup = 1/(16 s)` or `41 942 784 inputs`.
    public var figure: String
    /// Set exactly when the verdict rests on a finite sample of the domain.
    public var sample: Sample?
    /// Wall-clock seconds the check took.
    public var seconds: Double

    public init(
        name: String, claim: String, domain: String = "", verdict: Verdict, evidence: [String], figure: String,
        sample: Sample? = nil, seconds: Double
    ) {
        self.name = name
        self.claim = claim
        self.domain = domain
        self.verdict = verdict
        self.evidence = evidence
        self.figure = figure
        self.sample = sample
        self.seconds = seconds
    }

    /// The claim was proved.
    public var holds: Bool { verdict == .proved }

    public var description: String {
        var lines = ["\(name): \(verdict.rawValue.uppercased())", "claim:  \(claim)"]
        if !domain.isEmpty { lines.append("domain: \(domain)") }
        lines.append("figure: \(figure)")
        if let sample { lines.append("sample: \(sample.summary)") }
        lines.append("evidence:")
        lines += evidence.map { "  - \($0)" }
        lines.append("time:   " + String(format: "%.3f s", seconds))
        return lines.joined(separator: "\n")
    }
}
