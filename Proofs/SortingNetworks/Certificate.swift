import Foundation
@_exported import ProofSupport

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
            evidence: evidence, figure: figure, seconds: Date().timeIntervalSince(start))
    }
}
