import Fixtures
import Foundation
import ProofCatalogue
import Testing

/// The catalogue's bookkeeping: names, domains, and verdicts that are computed, never preset.
@Suite struct CatalogueTests {
    let catalogue = ProofCatalogue.catalogue()

    @Test func namesAreUniqueAndFollowTheScheme() {
        #expect(catalogue.duplicateNames.isEmpty)
        for entry in catalogue.entries {
            let parts = entry.name.split(separator: ".", omittingEmptySubsequences: false)
            #expect(parts.count >= 2 && parts.allSatisfy { !$0.isEmpty }, "\(entry.name)")
            #expect(entry.name == entry.name.lowercased() && !entry.name.contains(" "), "\(entry.name)")
            #expect(!entry.claim.isEmpty && !entry.domain.isEmpty, "\(entry.name) states its claim and domain")
        }
        for prefix in ["sorting", "topk", "logic", "fixtures"] { #expect(!catalogue.matching(prefix).isEmpty, "\(prefix)") }
    }

    @Test func everyVerdictIsExpectedSomewhere() {
        let expected = Set(catalogue.entries.map(\.expected))
        #expect(expected.contains(.proved) && expected.contains(.refuted) && expected.contains(.tested))
        #expect(!expected.contains(.failed), "no entry may expect to fail")
    }

    static func entry(_ expected: Certificate.Verdict, _ body: @escaping @Sendable () throws -> Certificate) -> CatalogueEntry {
        CatalogueEntry("test.synthetic.entry", claim: "a synthetic claim", domain: "none", expected: expected) { _, _ in try body() }
    }

    static func certificate(_ build: (inout ProofLog) -> Void, intended: Certificate.Verdict? = nil) -> Certificate {
        var log = ProofLog(name: "x", claim: "y")
        build(&log)
        return intended.map { log.finish($0, figure: "f") } ?? log.finish(figure: "f")
    }

    @Test func verdictIsComputedFromTheEvidence() {
        #expect(Self.certificate { $0.require(true, "step") }.verdict == .proved)
        #expect(Self.certificate { $0.require(false, "step") }.verdict == .failed)
        #expect(Self.certificate { $0.counterexample("x = 1") }.verdict == .refuted)
        #expect(Self.certificate { $0.sample(cases: 3, seed: "1", notCovered: "rest") }.verdict == .tested)
        #expect(Self.certificate({ $0.sample(cases: 3, seed: "1", notCovered: "rest") }, intended: .proved).verdict == .tested,
                "a sampled check is never proved")
        #expect(Self.certificate({ $0.counterexample("x"); $0.fail("error") }).verdict == .failed, "errors win over counterexamples")
    }

    @Test func unexpectedOrFailedVerdictsMakeTheExitStatusNonZero() {
        let proved = Self.entry(.proved) { Self.certificate { $0.require(true, "ok") } }
        #expect(CatalogueReport.run([proved], scale: .test).exitStatus == 0)
        let refutedButExpectedProved = Self.entry(.proved) { Self.certificate { $0.counterexample("x = 0") } }
        let report = CatalogueReport.run([proved, refutedButExpectedProved], scale: .test)
        #expect(report.exitStatus == 1 && report.unexpected.count == 1)
        #expect(report.results[1].verdictText.contains("expected proved"))
        struct Boom: Error {}
        let throwing = Self.entry(.refuted) { throw Boom() }
        let thrown = throwing.run()
        #expect(thrown.certificate.verdict == .failed && !thrown.isExpected, "an error is never refuted")
        let testedWithoutSample = Self.entry(.tested) {
            Certificate(name: "x", claim: "y", verdict: .tested, evidence: [], figure: "f", seconds: 0)
        }
        #expect(testedWithoutSample.run().certificate.verdict == .failed)
        let provedWithSample = Self.entry(.proved) {
            Certificate(name: "x", claim: "y", verdict: .proved, evidence: [], figure: "f",
                        sample: .init(cases: 1, seed: "s", notCovered: "n"), seconds: 0)
        }
        #expect(provedWithSample.run().certificate.verdict == .failed)
    }

    @Test func proveReportsExpectedAndUnknownNames() throws {
        let scale = ProofScale(maxExhaustiveN: 23)
        let (text, status) = try #require(ProofCatalogue.prove("sorting.zero-one.bitonic-authors", scale: scale))
        #expect(status == 0, "\(text)")
        #expect(text.contains("n = 22: does not sort") && text.contains("as expected"))
        #expect(ProofCatalogue.prove("no.such.entry", scale: scale) == nil)
    }

    @Test func jsonReportParsesAndCarriesTheVerdicts() throws {
        let entries = [Self.entry(.proved) { Self.certificate { $0.require(true, "ok") } },
                       Self.entry(.tested) { Self.certificate { $0.sample(cases: 2, seed: "7", notCovered: "all \"else\"") } }]
        let report = CatalogueReport.run(entries, scale: .test)
        let json = try JSONValue.parse(report.json())
        #expect(json["format"]?.stringValue == "relax-verify/1")
        #expect(json["claims"]?.arrayValue?.count == 2)
        #expect(json["claims"]?.arrayValue?[1]["sample"]?["notCovered"]?.stringValue == "all \"else\"")
        #expect(json["exitStatus"] == .integer(0))
    }
}
