import Foundation
import Testing
@testable import Fixtures

/// Every fixture under the repository's fixtures/ directory, checked for every implementation
/// through the same code path as `relax check` (``FixtureChecker``).
@Suite struct ProjectFixturesTests {
    /// Every (method, implementation) pair: methods have different implementation enums (the
    /// sorter has two optimized kernels), and the fixtures of method M live in fixtures/M.
    static let pairs = FixtureRegistry.methods.flatMap { method in method.implementations.map { "\(method.name)/\($0)" } }

    @Test(arguments: pairs)
    func everyProjectFixturePasses(pair: String) throws {
        let (method, implementation) = (String(pair.split(separator: "/")[0]), String(pair.split(separator: "/")[1]))
        let directory = repositoryRoot().appendingPathComponent("fixtures/\(method)").path
        let summary = FixtureChecker(implementation: implementation).checkDirectory(directory)
        for failure in summary.failures { Issue.record("\(failure)") }
        let (malformed, failed, files, allPassed) = (summary.malformedFiles, summary.failed, summary.files, summary.allPassed)
        #expect(malformed == 0)
        #expect(failed == 0)
        #expect(files > 0)
        #expect(allPassed, "\(summary)")
        #expect(summary.worstToleranceRatio <= 1, "worst at \(summary.worstLocation)")
    }

    /// The sort fixtures exist, cover what the contract and the brief ask for, and every case
    /// compares y, and (unless it is a values-only case) p, and grad_x where cotangents exist.
    @Test func sortFixturesCoverNetworksFamiliesAndKeys() throws {
        let directory = repositoryRoot().appendingPathComponent("fixtures/sort").path
        let summary = FixtureChecker(implementation: "reference").checkDirectory(directory)
        #expect(summary.files >= 14)
        #expect(summary.cases >= 150)
        var coverage = Set<String>()
        var comparedKeys = Set<String>()
        for file in summary.results {
            #expect(file.method == "sort")
            let name = URL(fileURLWithPath: file.file).deletingPathExtension().lastPathComponent
            for r in file.results {
                comparedKeys.formUnion(r.comparisons.map(\.key))
                // Every generated case compares y (the hand-written test vectors may check only a gradient).
                if name != "spec-test-vectors" {
                    #expect(r.comparisons.contains { $0.key == "y" }, "\(file.file) \(r.caseName)")
                }
            }
            coverage.insert(name)
        }
        #expect(comparedKeys == ["y", "p", "grad_x"])
        for network in ["bitonic", "odd_even"] {
            for family in ["logistic", "logistic_phi", "gaussian", "reciprocal", "cauchy", "optimal"] {
                #expect(coverage.contains("\(network)-\(family)"), "missing \(network)-\(family)")
            }
        }
        #expect(coverage.contains("bitonic-valid"))
        #expect(coverage.contains("npy-side-files"))
        #expect(coverage.contains("spec-test-vectors"))
        #expect(coverage.contains("float32"))
        #expect(coverage.contains("stress"))
    }

    /// A fixture's side files are found relative to the fixture, wherever the caller's working
    /// directory is: a copy of the .npy fixture in a temporary directory still passes.
    @Test func npyFixtureWorksWhenCopiedElsewhere() throws {
        let temp = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let source = repositoryRoot().appendingPathComponent("fixtures/sort")
        try FileManager.default.copyItem(at: source.appendingPathComponent("npy-side-files.json"), to: temp.appendingPathComponent("copy.json"))
        try FileManager.default.copyItem(at: source.appendingPathComponent("npy"), to: temp.appendingPathComponent("npy"))
        let result = FixtureChecker().check(file: temp.appendingPathComponent("copy.json").path)
        #expect(result.passed, "\(result.reportLines().joined(separator: "\n"))")
        #expect(result.results.count == 2 * SortFixtures.implementations.count)
    }
}

@Suite struct ProjectDirectoryTests {
    @Test func projectFixturesDirectoryIsFoundFromTheRepositoryAndFromElsewhere() throws {
        let expected = repositoryRoot().appendingPathComponent("fixtures").standardizedFileURL.path
        let fromRoot = try #require(FixtureChecker.projectFixturesDirectory(startingAt: repositoryRoot().appendingPathComponent("Sources").path))
        #expect(URL(fileURLWithPath: fromRoot).standardizedFileURL.path == expected)
        let temp = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: temp) }
        let fallback = try #require(FixtureChecker.projectFixturesDirectory(startingAt: temp.path))
        #expect(URL(fileURLWithPath: fallback).standardizedFileURL.path == expected)
    }

    @Test func directoryScanSkipsModelFilesButNotWrongVersions() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        try write(#"{"format": "logic-gate-network/1", "input_bits": 2, "layers": []}"#, to: "models/m.json", in: dir)
        try write(#"{"some": "data"}"#, to: "data.json", in: dir)
        try write(IndependentFixtureTests.tv1, to: "a/tv1.json", in: dir)
        try write(IndependentFixtureTests.tv1.replacingOccurrences(of: "fixture/1", with: "fixture/2"), to: "b/v2.json", in: dir)
        let summary = FixtureChecker().checkDirectory(dir.path)
        #expect(summary.files == 2)
        #expect(summary.skippedFiles.count == 2)
        #expect(summary.malformedFiles == 1)
        #expect(summary.passed == 4 * SortFixtures.implementations.count)
        #expect(!summary.allPassed)
        #expect(summary.failures.contains { $0.contains("relaxations-fixture/2") })
    }
}
