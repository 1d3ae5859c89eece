import Dispatch
@_exported import ProofSupport

/// A named proof that can be run on demand.
public struct LogicProof: Sendable {
    public let name: String
    public let claim: String
    public let run: @Sendable () -> Certificate
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

    func certificate(figure: String) -> Certificate {
        let seconds = Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9
        let evidence = failures.isEmpty ? lines : lines + ["COUNTEREXAMPLES (\(failures.count)):"] + failures.prefix(10)
        return Certificate(
            name: name, claim: claim, verdict: failures.isEmpty ? .proved : .refuted,
            evidence: evidence, figure: figure, seconds: seconds)
    }
}
