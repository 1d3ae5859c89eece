import Fixtures
import Foundation
import ProofCatalogue
import Testing

/// What `relax check` and `relax verify` do with a fixture perturbed in one value: fail, name
/// the case, and make the exit status non-zero (also in the JUnit report).
@Suite struct CheckCommandTests {
    static var repositoryRoot: URL {
        URL(fileURLWithPath: #filePath).deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
    }

    /// Copies fixtures/sort/bitonic-cauchy.json into a fresh directory with one expected value of
    /// case `index` changed by `delta`; returns the directory and the case's name.
    static func perturbedFixture(case index: Int, delta: Double) throws -> (URL, String) {
        let source = repositoryRoot.appendingPathComponent("fixtures/sort/bitonic-cauchy.json")
        let document = try JSONValue.parse(Array(try Data(contentsOf: source)))
        guard case .object(var root) = document, case .array(var cases) = root["cases"],
              case .object(var theCase) = cases[index], case .object(var expected) = theCase["expected"],
              case .array(var rows) = expected["y"], case .array(var row) = rows[0], let value = row[0].doubleValue,
              let name = theCase["name"]?.stringValue
        else { throw CocoaError(.fileReadCorruptFile) }
        row[0] = .number(value + delta)
        rows[0] = .array(row)
        expected["y"] = .array(rows)
        theCase["expected"] = .object(expected)
        cases[index] = .object(theCase)
        root["cases"] = .array(cases)
        let directory = FileManager.default.temporaryDirectory.appendingPathComponent("relax-check-\(UUID().uuidString)/sort")
        try FileManager.default.createDirectory(at: directory, withIntermediateDirectories: true)
        try Data(JSONValue.object(root).serialized().utf8).write(to: directory.appendingPathComponent("bitonic-cauchy.json"))
        return (directory.deletingLastPathComponent(), name)
    }

    @Test func unperturbedCopyPasses() throws {
        let (directory, _) = try Self.perturbedFixture(case: 1, delta: 0)
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = FixtureChecker(implementation: nil).checkDirectory(directory.path)
        #expect(summary.allPassed, "\(summary)")
    }

    @Test func onePerturbedValueFailsAndNamesTheCase() throws {
        let (directory, name) = try Self.perturbedFixture(case: 1, delta: 1e-3)
        defer { try? FileManager.default.removeItem(at: directory) }
        let summary = FixtureChecker(implementation: nil).checkDirectory(directory.path)
        #expect(!summary.allPassed)
        #expect(summary.failures.contains { $0.contains(name) }, "\(summary.failures)")
        let failing = summary.results.flatMap(\.results).filter { !$0.passed }
        #expect(!failing.isEmpty && failing.allSatisfy { $0.caseName == name })

        let xml = summary.junitXML()
        #expect(xml.contains("<testcase") && xml.contains("<failure") && xml.contains(name))
        let testcases = xml.components(separatedBy: "<testcase").count - 1
        #expect(testcases == summary.results.flatMap(\.results).count, "one test case per fixture case × implementation")

        // relax verify on that directory: the fixture entry fails and the exit status is 1.
        let entry = try #require(ProofCatalogue.catalogue(fixtures: directory.path).named("fixtures.sort"))
        let report = CatalogueReport.run([entry], scale: .test)
        #expect(report.results[0].certificate.verdict == .failed && report.exitStatus == 1)
        #expect(report.results[0].certificate.evidence.contains { $0.contains(name) })
    }
}
