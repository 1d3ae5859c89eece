import Dispatch

/// The outcome of one proof: what was claimed, whether it holds, and the evidence.
public struct LogicProofCertificate: Sendable, CustomStringConvertible {
    public enum Verdict: String, Sendable { case proven, refuted }
    public let name: String
    public let claim: String
    public let verdict: Verdict
    /// Human-readable evidence, one line each (what was checked, counterexamples).
    public let evidence: [String]
    /// The headline number of the proof (e.g. cases checked).
    public let figure: String
    /// Wall time in seconds.
    public let seconds: Double

    public var holds: Bool { verdict == .proven }

    public var description: String {
        (["\(name): \(verdict.rawValue.uppercased()) — \(claim)", "  figure: \(figure), time: \(String(format: "%.3f", seconds)) s"]
            + evidence.map { "  • " + $0 }).joined(separator: "\n")
    }
}

/// A named proof that can be run on demand.
public struct LogicProof: Sendable {
    public let name: String
    public let claim: String
    public let run: @Sendable () -> LogicProofCertificate
}

/// Collects evidence while a proof runs.
struct ProofLog {
    let name: String
    let claim: String
    let start = DispatchTime.now().uptimeNanoseconds
    var lines: [String] = []
    var failures: [String] = []

    init(_ name: String, _ claim: String) {
        self.name = name
        self.claim = claim
    }

    mutating func check(_ ok: Bool, _ what: @autoclosure () -> String) {
        if !ok { failures.append(what()) }
    }

    mutating func note(_ line: String) { lines.append(line) }

    func certificate(figure: String) -> LogicProofCertificate {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let evidence = failures.isEmpty ? lines : lines + ["COUNTEREXAMPLES (\(failures.count)):"] + failures.prefix(10)
        return LogicProofCertificate(
            name: name, claim: claim, verdict: failures.isEmpty ? .proven : .refuted,
            evidence: evidence, figure: figure, seconds: seconds)
    }
}
