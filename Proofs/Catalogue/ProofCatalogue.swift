import Fixtures
import Foundation
@_exported import AlgorithmicSupervisionProofs
@_exported import LogicGateNetworksProofs
@_exported import RendererProofs
@_exported import ProofSupport
@_exported import SortingNetworksProofs
@_exported import TopKProofs

/// The one proof catalogue: every claim of every method, with its domain and expected verdict.
/// `relax verify` walks all of it; `relax prove NAME` runs one entry.
///
/// Adding a module (the renderer, an algorithm module, …):
/// 1. create the target `Proofs/<Method>` (depending on `ProofSupport`) with a
///    `public enum <Method>Proofs { public static let catalogue = Catalogue([...]) }` whose entries
///    are named `<method>.<topic>.<variant>` and build their certificates with `ProofLog`;
/// 2. add that target to this target's dependencies in Package.swift and one line to
///    ``sections`` below. Nothing in `Sources/relax` changes.
public enum ProofCatalogue {
    /// The method sections, in the order `relax verify` prints them.
    public static let sections: [Catalogue] = [
        SortingProofs.catalogue,
        TopKProofs.catalogue,
        LogicProofs.catalogue,
        RendererProofs.catalogue,
        AlgorithmProofs.catalogue,
    ]

    /// Every entry: the method sections, then one fixture entry per fixture method.
    /// `fixtures`: the fixture directory (default: the project's `fixtures/`).
    public static func catalogue(fixtures: String? = nil) -> Catalogue {
        Catalogue(sections + [FixtureEntries.catalogue(directory: fixtures)])
    }

    /// The text `relax prove NAME` prints and its exit status: the certificate, then whether
    /// the verdict is the expected one. `nil` if no entry has that name.
    public static func prove(
        _ name: String, scale: ProofScale, progress: ProofProgress = .silent, fixtures: String? = nil
    ) -> (text: String, exitStatus: Int32)? {
        guard let entry = catalogue(fixtures: fixtures).named(name) else { return nil }
        let result = entry.run(scale: scale, progress: progress)
        let status = result.isExpected
            ? "expected verdict: \(entry.expected.rawValue) — as expected"
            : "expected verdict: \(entry.expected.rawValue) — UNEXPECTED (\(result.certificate.verdict.rawValue))"
        return (result.certificate.description + "\n" + status, result.isExpected ? 0 : 1)
    }
}

extension CatalogueReport {
    /// The report as JSON (`relax verify --json`): per claim its name, claim, domain, expected and
    /// actual verdict, figure, sample, evidence and seconds; plus the counts and the exit status.
    public func json() -> String {
        let claims: [JSONValue] = results.map { r in
            let c = r.certificate
            var object: [String: JSONValue] = [
                "name": .string(r.entry.name), "claim": .string(r.entry.claim), "domain": .string(r.entry.domain),
                "expected": .string(r.entry.expected.rawValue), "verdict": .string(c.verdict.rawValue),
                "asExpected": .bool(r.isExpected), "figure": .string(c.figure),
                "evidence": .array(c.evidence.map { .string($0) }), "seconds": .number(c.seconds),
            ]
            if let s = c.sample {
                object["sample"] = .object(["cases": .integer(s.cases), "seed": .string(s.seed), "notCovered": .string(s.notCovered)])
            }
            return .object(object)
        }
        let tally = Dictionary(uniqueKeysWithValues: Certificate.Verdict.allCases.map { ($0.rawValue, JSONValue.integer(counts[$0] ?? 0)) })
        return JSONValue.object([
            "format": .string("relax-verify/1"), "claims": .array(claims), "counts": .object(tally),
            "unexpected": .array(unexpected.map { .string($0.entry.name) }), "exitStatus": .integer(Int(exitStatus)),
        ]).serialized()
    }
}
