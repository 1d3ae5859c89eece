import Foundation

/// The outcome of one proof run: what was claimed, whether it holds, and the evidence.
public struct ProofCertificate: Sendable, CustomStringConvertible {
    public enum Verdict: String, Sendable { case verified, refuted, failed }

    public let name: String
    public let claim: String
    public let verdict: Verdict
    /// Human-readable evidence, one fact per line (sizes checked, counterexamples, …).
    public let evidence: [String]
    /// The headline number (e.g. "2 097 152 inputs × 95 networks").
    public let figure: String
    /// Wall-clock seconds the proof took.
    public let seconds: Double

    public init(name: String, claim: String, verdict: Verdict, evidence: [String], figure: String, seconds: Double) {
        self.name = name
        self.claim = claim
        self.verdict = verdict
        self.evidence = evidence
        self.figure = figure
        self.seconds = seconds
    }

    public var description: String {
        ([ "\(name): \(verdict.rawValue.uppercased()) — \(claim)", "figure: \(figure)  (\(String(format: "%.2f", seconds)) s)"]
            + evidence.map { "  " + $0 }).joined(separator: "\n")
    }
}

/// How much work a proof does: the test run keeps it to seconds, `relax prove` may ask for more.
public struct ProofScale: Sendable {
    /// Largest `n` for the exhaustive 0-1 checks (2ⁿ inputs each).
    public var maxExhaustiveN: Int
    /// Random rational inputs per configuration.
    public var rationalSamples: Int
    /// Network sizes of the exact-rational checks (exact rationals grow with the depth).
    public var rationalSizes: [Int]

    public init(maxExhaustiveN: Int = 20, rationalSamples: Int = 2, rationalSizes: [Int] = [3, 5, 6, 8]) {
        self.maxExhaustiveN = maxExhaustiveN
        self.rationalSamples = rationalSamples
        self.rationalSizes = rationalSizes
    }

    /// What `swift test` runs (seconds in a debug build; the module is compiled -O).
    public static let test = ProofScale()
}

/// A registered proof: `relax prove NAME` and `relax verify` run these.
public struct NamedProof: Sendable {
    public let name: String
    public let claim: String
    public let run: @Sendable (ProofScale) -> ProofCertificate
}

func timed(_ body: () -> (ProofCertificate.Verdict, [String], String)) -> (ProofCertificate.Verdict, [String], String, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let (v, e, f) = body()
    return (v, e, f, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
