import Foundation

/// The outcome of one proof, as `relax prove NAME` prints it and `relax verify` tabulates it.
public struct Certificate: Sendable, CustomStringConvertible {
    public enum Verdict: String, Sendable, Codable {
        /// The claim holds; the evidence is a complete, exact (or certified-enclosure) argument.
        case proved
        /// The claim is false; the evidence contains a certified counterexample.
        case refuted
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
    /// The headline number or statement, e.g. `sup = 1/(16 s)` or `g(−2) ∈ [−0.0908, −0.0907]`.
    public var figure: String
    /// Wall-clock seconds the proof took.
    public var elapsedSeconds: Double

    public init(name: String, claim: String, verdict: Verdict, evidence: [String], figure: String, elapsedSeconds: Double) {
        self.name = name
        self.claim = claim
        self.verdict = verdict
        self.evidence = evidence
        self.figure = figure
        self.elapsedSeconds = elapsedSeconds
    }

    public var description: String {
        var lines = ["\(name): \(verdict.rawValue.uppercased())", "claim:  \(claim)", "figure: \(figure)", "evidence:"]
        lines += evidence.map { "  - \($0)" }
        lines.append(String(format: "time:   %.3f s", elapsedSeconds))
        return lines.joined(separator: "\n")
    }
}

/// Receives progress lines of long proofs (`relax prove` prints them; tests stay silent).
public struct ProofProgress: Sendable {
    let report: (@Sendable (String) -> Void)?

    public init(_ report: (@Sendable (String) -> Void)?) { self.report = report }

    public static let silent = ProofProgress(nil)

    public func callAsFunction(_ message: @autoclosure () -> String) { report?(message()) }
}

/// Collects evidence while a proof runs and produces the ``Certificate``.
struct ProofLog {
    let name: String
    let claim: String
    let start = Date()
    var evidence: [String] = []
    /// Set when a step could not be established; the verdict is then `failed`.
    var failures: [String] = []

    init(name: String, claim: String) {
        self.name = name
        self.claim = claim
    }

    mutating func note(_ line: String) { evidence.append(line) }

    /// Records `line` as evidence if `condition` holds, otherwise as a failure.
    mutating func require(_ condition: Bool, _ line: String) {
        if condition { evidence.append(line) } else { failures.append(line); evidence.append("FAILED: " + line) }
    }

    /// `proved`/`refuted` as intended if every step held, else `failed`.
    func finish(_ intended: Certificate.Verdict, figure: String) -> Certificate {
        Certificate(
            name: name, claim: claim, verdict: failures.isEmpty ? intended : .failed,
            evidence: evidence, figure: figure, elapsedSeconds: Date().timeIntervalSince(start))
    }
}
