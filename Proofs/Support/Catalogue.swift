import Foundation

/// How much work a check does: the test run keeps it to seconds, `relax prove` may ask for more,
/// and every exact proof stops with `failed` when it exceeds its budget (instead of running
/// without bound when, say, a family is changed by mistake and its rationals grow).
public struct ProofScale: Sendable {
    /// Largest `n` for the exhaustive 0-1 checks (2ⁿ inputs each).
    public var maxExhaustiveN: Int
    /// Random rational inputs per configuration.
    public var rationalSamples: Int
    /// Network sizes of the exact-rational checks (exact rationals grow with the depth).
    public var rationalSizes: [Int]
    /// Largest `n` of the structural (whole-network) checks.
    public var maxStructuralN: Int
    /// Budget of the exact proofs: the largest numerator + denominator size, in bits, that an
    /// exact intermediate may reach before the proof stops with `failed`.
    public var maxOperandBits: Int
    /// Budget of the exact proofs in wall-clock seconds (checked between cases).
    public var maxSeconds: Double

    public init(
        maxExhaustiveN: Int = 20, rationalSamples: Int = 2, rationalSizes: [Int] = [3, 5, 6, 8],
        maxStructuralN: Int = 1024, maxOperandBits: Int = 1 << 19, maxSeconds: Double = 300
    ) {
        self.maxExhaustiveN = maxExhaustiveN
        self.rationalSamples = rationalSamples
        self.rationalSizes = rationalSizes
        self.maxStructuralN = maxStructuralN
        self.maxOperandBits = maxOperandBits
        self.maxSeconds = maxSeconds
    }

    /// What `swift test` runs (seconds in a debug build; the proof modules are compiled -O).
    public static let test = ProofScale()
    /// What `relax verify` runs: the 0-1 enumerations up to n = 24.
    public static let verify = ProofScale(maxExhaustiveN: 24)
}

/// Receives progress lines of long checks (`relax prove` prints them; tests stay silent).
public struct ProofProgress: Sendable {
    let report: (@Sendable (String) -> Void)?

    public init(_ report: (@Sendable (String) -> Void)?) { self.report = report }

    public static let silent = ProofProgress(nil)

    public func callAsFunction(_ message: @autoclosure () -> String) { report?(message()) }
}

/// One entry of the proof catalogue: a named claim over a stated domain, the verdict the
/// papers (or this package's own analysis) lead us to expect, and the check that computes the
/// actual verdict.
///
/// Names follow `<module>.<topic>.<variant>`, e.g. `sorting.monotonicity.cauchy`,
/// `topk.pruning.zero-one`, `logic.gates.truth-tables`.
public struct CatalogueEntry: Sendable {
    public let name: String
    public let claim: String
    public let domain: String
    /// The verdict this check must reach; any other verdict (and `failed` always) is a failure.
    public let expected: Certificate.Verdict
    let body: @Sendable (ProofScale, ProofProgress) throws -> Certificate

    public init(
        _ name: String, claim: String, domain: String, expected: Certificate.Verdict,
        run body: @escaping @Sendable (ProofScale, ProofProgress) throws -> Certificate
    ) {
        self.name = name
        self.claim = claim
        self.domain = domain
        self.expected = expected
        self.body = body
    }

    /// Runs the check. The certificate carries this entry's name, claim and domain; a thrown
    /// error becomes `failed`; a `tested` verdict without a stated sample, or a sample reported as
    /// `proved`, is `failed` too (a sampled check is never proved).
    public func run(scale: ProofScale = .test, progress: ProofProgress = .silent) -> CatalogueResult {
        let start = Date()
        var certificate: Certificate
        do {
            certificate = try body(scale, progress)
        } catch {
            certificate = Certificate(
                name: name, claim: claim, verdict: .failed, evidence: ["error: \(error)"], figure: "error",
                seconds: Date().timeIntervalSince(start))
        }
        certificate.name = name
        certificate.claim = claim
        certificate.domain = domain
        if certificate.verdict == .tested, certificate.sample == nil {
            certificate.verdict = .failed
            certificate.evidence.append("FAILED: a tested verdict must state its sample (cases, seed, what is not covered)")
        }
        if certificate.verdict == .proved, certificate.sample != nil {
            certificate.verdict = .failed
            certificate.evidence.append("FAILED: a check on a finite sample cannot be proved")
        }
        return CatalogueResult(entry: self, certificate: certificate)
    }
}

/// A catalogue entry with the certificate its check produced.
public struct CatalogueResult: Sendable {
    public let entry: CatalogueEntry
    public let certificate: Certificate

    /// The check reached its expected verdict (and that verdict is not `failed`).
    public var isExpected: Bool { certificate.verdict == entry.expected && certificate.verdict != .failed }

    /// `proved`, or `refuted (unexpected; expected proved)`.
    public var verdictText: String {
        isExpected ? certificate.verdict.rawValue
            : "\(certificate.verdict.rawValue.uppercased()) (expected \(entry.expected.rawValue))"
    }
}

/// A list of catalogue entries, as each method's `Proofs/` module exposes it.
public struct Catalogue: Sendable {
    public let entries: [CatalogueEntry]

    public init(_ entries: [CatalogueEntry]) { self.entries = entries }

    public init(_ sections: [Catalogue]) { self.entries = sections.flatMap(\.entries) }

    public func named(_ name: String) -> CatalogueEntry? { entries.first { $0.name == name } }

    /// Entries whose name is `prefix` or starts with `prefix.` (`sorting`, `sorting.monotonicity`).
    public func matching(_ prefix: String) -> [CatalogueEntry] {
        entries.filter { $0.name == prefix || $0.name.hasPrefix(prefix + ".") }
    }

    /// Names that occur more than once (must be empty).
    public var duplicateNames: [String] {
        Dictionary(grouping: entries, by: \.name).filter { $0.value.count > 1 }.keys.sorted()
    }
}

/// The results of walking (part of) a catalogue.
public struct CatalogueReport: Sendable {
    public var results: [CatalogueResult]

    public init(results: [CatalogueResult]) { self.results = results }

    /// Runs `entries` in order, reporting each result as it finishes.
    public static func run(
        _ entries: [CatalogueEntry], scale: ProofScale, progress: ProofProgress = .silent,
        finished: (CatalogueResult) -> Void = { _ in }
    ) -> CatalogueReport {
        var results: [CatalogueResult] = []
        for entry in entries {
            let result = entry.run(scale: scale, progress: progress)
            finished(result)
            results.append(result)
        }
        return CatalogueReport(results: results)
    }

    public var unexpected: [CatalogueResult] { results.filter { !$0.isExpected } }

    /// 0 when every check reached its expected verdict, else 1.
    public var exitStatus: Int32 { unexpected.isEmpty ? 0 : 1 }

    /// How many results have each verdict.
    public var counts: [Certificate.Verdict: Int] {
        Dictionary(grouping: results, by: \.certificate.verdict).mapValues(\.count)
    }

    public var summary: String {
        let tally = Certificate.Verdict.allCases.map { "\(counts[$0] ?? 0) \($0.rawValue)" }.joined(separator: ", ")
        return "\(results.count) claims: \(tally); \(unexpected.count) unexpected"
    }

    /// A plain-text table: name, verdict, domain, figure, time.
    public func table(width: Int = 70) -> String {
        let header = ["claim", "verdict", "domain", "figure", "time"]
        let cells = results.map { r in
            [r.entry.name, r.verdictText, r.entry.domain,
             r.certificate.sample.map { "\(r.certificate.figure) [\($0.cases) cases, \($0.seed)]" } ?? r.certificate.figure,
             String(format: "%.2f s", r.certificate.seconds)]
        }
        let widths = (0..<header.count).map { i in min(width, ([header[i]] + cells.map { $0[i] }).map(\.count).max()!) }
        func line(_ c: [String]) -> String {
            zip(c, widths).map { s, w in s.count > w ? String(s.prefix(w - 1)) + "…" : s.padding(toLength: w, withPad: " ", startingAt: 0) }
                .joined(separator: " | ")
        }
        return ([line(header), widths.map { String(repeating: "-", count: $0) }.joined(separator: "-+-")] + cells.map(line))
            .joined(separator: "\n")
    }

    /// A Markdown table (for the README's appendix): name, claim, domain, verdict, figure.
    public func markdown() -> String {
        func cell(_ s: String) -> String { s.replacingOccurrences(of: "|", with: "\\|") }
        var lines = ["| name | claim | domain | verdict | figure |", "|---|---|---|---|---|"]
        for r in results {
            let figure = r.certificate.sample.map { "\(r.certificate.figure); sample: \($0.summary)" } ?? r.certificate.figure
            lines.append("| `\(r.entry.name)` | \(cell(r.entry.claim)) | \(cell(r.entry.domain)) | **\(r.verdictText)** | \(cell(figure)) |")
        }
        return lines.joined(separator: "\n")
    }
}
