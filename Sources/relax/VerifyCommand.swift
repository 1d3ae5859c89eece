import ArgumentParser
import Foundation
import ProofCatalogue

/// `relax verify` — the main job: walks the proof catalogue (every proof, tested cross-check,
/// agreement check and fixture) and prints one table; exits non-zero if any claim's verdict is
/// `failed` or not the expected one.
struct VerifyCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "verify",
        abstract: "Walk the proof catalogue: every proof, tested check and fixture; print one table (the main job).",
        discussion: """
            Verdicts: proved (every step checked by code), refuted (a certified counterexample), \
            tested (a finite sample: cases, seed, what is not covered), failed (anything else). \
            Exit status 1 if any verdict is failed or differs from the entry's expected verdict.
            """)

    @Option(help: "Fixture directory (default: the project's fixtures/).")
    var fixtures: String?

    @Option(help: "Only entries whose name is PREFIX or starts with PREFIX. (e.g. sorting, topk.pruning).")
    var only: String?

    @Flag(help: "Print the evidence lines of every certificate below the table.")
    var verbose = false

    @Flag(help: "Print the report as JSON (relax-verify/1) instead of the table.")
    var json = false

    @Flag(help: "Print the table as Markdown (for the README's appendix).")
    var markdown = false

    func run() async throws {
        let catalogue = ProofCatalogue.catalogue(fixtures: fixtures)
        let entries = only.map { catalogue.matching($0) } ?? catalogue.entries
        guard !entries.isEmpty else { throw ValidationError("no catalogue entry matches '\(only ?? "")'") }
        FileHandle.standardError.write(Data("relax verify: \(entries.count) claims…\n".utf8))
        var index = 0
        let report = CatalogueReport.run(entries, scale: .verify) { r in
            index += 1
            let mark = r.isExpected ? "ok  " : "FAIL"
            FileHandle.standardError.write(Data("  [\(index)/\(entries.count)] \(mark) \(r.entry.name): \(r.verdictText) (\(String(format: "%.2f", r.certificate.seconds)) s)\n".utf8))
        }
        if json {
            print(report.json())
        } else {
            print(markdown ? report.markdown() : report.table())
            if verbose {
                for r in report.results { print("\n" + r.certificate.description) }
            }
            print("\n" + report.summary)
            for r in report.unexpected { print("UNEXPECTED: \(r.entry.name): \(r.verdictText) — \(r.certificate.evidence.first { $0.hasPrefix("FAILED") || $0.hasPrefix("COUNTEREXAMPLE") } ?? r.certificate.figure)") }
        }
        if report.exitStatus != 0 { throw ExitCode(report.exitStatus) }
    }
}
