import ArgumentParser
import Fixtures
import Foundation
import AlgorithmicSupervisionProofs
import LogicGateNetworksProofs
import SortingNetworks
import SortingNetworksProofs
import TopKProofs

/// `relax verify` — the main job: every proof certificate, every fixture and the agreement
/// checks of every method, as one table; exits non-zero if anything fails.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Run every proof, fixture and agreement check; print one table (the main job).",
        discussion: "Needs no arguments. Run from the repository (it finds fixtures/ there). Exit status 1 if any claim fails.")

    @Option(help: "Fixture directory (default: the project's fixtures/).")
    var fixtures: String?

    @Flag(help: "Print the evidence lines of every certificate below the table.")
    var verbose = false

    func run() async throws {
        var rows: [VerifyRow] = []
        func add(_ row: VerifyRow) {
            rows.append(row)
            FileHandle.standardError.write(Data("  [\(rows.count)] \(row.passed ? "ok  " : "FAIL") \(row.method): \(row.claim) (\(String(format: "%.2f", row.seconds)) s)\n".utf8))
        }
        FileHandle.standardError.write(Data("relax verify: running proofs, fixtures and agreement checks…\n".utf8))
        for row in SortingVerification.zeroOneRows() { add(row) }
        for row in SortingVerification.proofRows() { add(row) }
        add(SortingVerification.agreementRow())
        for proof in TopKProofs.all {
            let c = proof.run(.test)
            add(VerifyRow(claim: c.claim, method: "top-k", passed: c.holds, verdict: c.verdict.rawValue,
                          figure: c.figure, seconds: c.seconds, evidence: c.evidence))
        }
        for proof in LogicProofs.all {
            let c = proof.run()
            add(VerifyRow(claim: c.claim, method: "logic gates", passed: c.holds, verdict: c.verdict.rawValue,
                          figure: c.figure, seconds: c.seconds, evidence: c.evidence))
        }
        add(LogicVerification.hardAgreementRow())
        for proof in AlgorithmProofs.all {
            let c = proof.run()
            add(VerifyRow(claim: c.claim, method: "algorithmic supervision", passed: c.holds, verdict: c.verdict.rawValue,
                          figure: c.figure, seconds: c.seconds, evidence: c.evidence))
        }
        for row in fixtureRows() { add(row) }

        print(VerifyRow.table(rows))
        if verbose {
            for row in rows where !row.evidence.isEmpty {
                print("\n\(row.method): \(row.claim)")
                for line in row.evidence { print("  " + line) }
            }
        }
        let failed = rows.filter { !$0.passed }
        print("\n\(rows.count - failed.count) passed, \(failed.count) failed")
        if !failed.isEmpty { throw ExitCode(1) }
    }

    /// One row per fixture method, checked with every implementation.
    func fixtureRows() -> [VerifyRow] {
        let start = Date()
        let summary: FixtureSummary
        if let fixtures {
            summary = FixtureChecker(implementation: nil).checkDirectory(fixtures)
        } else {
            summary = FixtureChecker.checkProjectFixtures()
        }
        let seconds = Date().timeIntervalSince(start)
        guard !summary.results.isEmpty else {
            return [VerifyRow(claim: "golden fixtures", method: "fixtures", passed: false, verdict: "failed",
                              figure: summary.failures.first ?? "no fixture files", seconds: seconds, evidence: summary.failures)]
        }
        var byMethod: [String: FixtureSummary] = [:]
        for file in summary.results { byMethod[file.method ?? "malformed", default: FixtureSummary()].merge(file) }
        return byMethod.keys.sorted().map { method in
            let s = byMethod[method]!
            return VerifyRow(
                claim: "fixtures agree (every implementation)", method: "fixtures: \(method)", passed: s.allPassed,
                verdict: s.allPassed ? "verified" : "failed",
                figure: "\(s.files) files, \(s.cases) cases, \(s.passed)/\(s.passed + s.failed) runs pass, worst \(String(format: "%.0f%%", 100 * s.worstToleranceRatio)) of tolerance",
                seconds: seconds * Double(s.cases) / Double(max(summary.cases, 1)), evidence: s.failures)
        }
    }
}

/// One line of the verification table.
struct VerifyRow {
    var claim: String
    var method: String
    var passed: Bool
    var verdict: String
    var figure: String
    var seconds: Double
    var evidence: [String] = []

    static func table(_ rows: [VerifyRow]) -> String {
        let header = ["claim", "method", "verdict", "figure", "time"]
        let cells = rows.map { [$0.claim, $0.method, $0.passed ? $0.verdict : "FAILED (\($0.verdict))", $0.figure, String(format: "%.2f s", $0.seconds)] }
        let widths = (0..<header.count).map { i in min(70, ([header[i]] + cells.map { $0[i] }).map(\.count).max()!) }
        func line(_ c: [String]) -> String {
            zip(c, widths).map { s, w in s.count > w ? String(s.prefix(w - 1)) + "…" : s.padding(toLength: w, withPad: " ", startingAt: 0) }
                .joined(separator: " | ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")] + cells.map(line)).joined(separator: "\n")
    }
}
