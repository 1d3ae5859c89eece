import Foundation
import Testing
@testable import Fixtures

/// Wrong expected values must FAIL; the tolerance rule and the non-finite rules of the contract.
@Suite struct ComparisonTests {
    func check(_ text: String) throws -> FileResult {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return FixtureChecker().check(file: try write(text, to: "f.json", in: dir))
    }

    /// TV1 (n = 2, Cauchy, steepness 1, x = (1, 0)) with y[0] = 0.25 + delta.
    static func tv1(delta: String, tolerance: String = "") -> String {
        """
        {"format": "relaxations-fixture/1", "method": "sort", \(tolerance)
         "params": {"network": "odd_even", "distribution": "cauchy", "steepness": 1},
         "cases": [{"name": "tv1", "input": {"x": [[1, 0]]}, "expected": {"y": [[\(delta), 0.75]]}}]}
        """
    }

    @Test func wrongExpectedValueFails() throws {
        let r = try check(Self.tv1(delta: "0.2500001"))
        #expect(!r.passed)
        #expect(r.errors.isEmpty)
        for c in r.results {
            #expect(!c.passed)
            let y = try #require(c.comparisons.first { $0.key == "y" })
            #expect(y.mismatches == 1)
            #expect(y.firstMismatch?.index == 0)
            #expect(y.firstMismatch?.expected == 0.2500001)
            #expect(abs(y.maxAbsError - 1e-7) < 1e-12)
        }
        #expect(r.reportLines().contains { $0.contains("FAIL") })
    }

    @Test func defaultToleranceIsAbs1e12PlusRel1e9() throws {
        // 0.25 ± (1e-12 + 0.25e-9): inside at 2e-10, outside at 4e-10.
        #expect(try check(Self.tv1(delta: "0.2500000002")).passed)
        #expect(try !check(Self.tv1(delta: "0.2500000004")).passed)
    }

    @Test func fileAndCaseToleranceApply() throws {
        #expect(try check(Self.tv1(delta: "0.2501", tolerance: #""tolerance": {"abs": 1e-3},"#)).passed)
        let caseLevel = """
            {"format": "relaxations-fixture/1", "method": "sort", "tolerance": {"abs": 1e-3},
             "params": {"network": "odd_even", "distribution": "cauchy", "steepness": 1},
             "cases": [{"name": "tight", "tolerance": {"abs": 0, "rel": 1e-12},
                        "input": {"x": [[1, 0]]}, "expected": {"y": [[0.2501, 0.75]]}}]}
            """
        #expect(try !check(caseLevel).passed)
    }

    @Test func negativeToleranceIsRejected() throws {
        let r = try check(Self.tv1(delta: "0.25", tolerance: #""tolerance": {"abs": -1},"#))
        guard case .invalidValue(let l, _) = r.error else { Issue.record("\(r.errors)"); return }
        #expect(l.key == "tolerance.abs")
    }

    @Test func caseParamsOverrideFileParams() throws {
        // File says steepness 5 (y would differ); the case overrides with 1 → TV1 passes.
        let text = """
            {"format": "relaxations-fixture/1", "method": "sort",
             "params": {"network": "bitonic", "distribution": "cauchy", "steepness": 5, "note": "ignored"},
             "cases": [{"name": "override", "params": {"steepness": 1}, "note": "ignored too",
                        "input": {"x": [[1, 0]]}, "expected": {"y": [[0.25, 0.75]]}},
                       {"name": "file-params", "input": {"x": [[1, 0]]}, "expected": {"y": [[0.25, 0.75]]}}]}
            """
        let r = try check(text)
        let overridden = r.results.filter { $0.caseName == "override" }
        let fileLevel = r.results.filter { $0.caseName == "file-params" }
        // One result per sort implementation.
        #expect(overridden.count == SortFixtures.implementations.count && overridden.allSatisfy { $0.passed })
        #expect(fileLevel.count == SortFixtures.implementations.count && fileLevel.allSatisfy { !$0.passed })
    }

    @Test func nonFiniteRules() {
        let t = FixtureTolerance.contractDefault
        func passes(_ a: Double, _ e: Double) -> Bool {
            FixtureChecker.compare(key: "k", actual: FixtureTensor(scalar: a), expected: FixtureTensor(scalar: e), tolerance: t).passed
        }
        #expect(passes(.nan, .nan))
        #expect(passes(.infinity, .infinity))
        #expect(passes(-.infinity, -.infinity))
        #expect(!passes(.infinity, -.infinity))
        #expect(!passes(1, .nan))
        #expect(!passes(.nan, 1))
        #expect(!passes(.infinity, 1e308))
        #expect(!passes(1e308, .infinity))
    }

    @Test func integersCompareExactly() {
        let tolerance = FixtureTolerance(abs: 10, rel: 1)
        let actual = FixtureTensor(integers: [3, 4], shape: [2])
        let off = FixtureChecker.compare(key: "counts", actual: actual, expected: FixtureTensor(integers: [3, 5], shape: [2]), tolerance: tolerance)
        #expect(off.exact)
        #expect(!off.passed)
        let same = FixtureChecker.compare(key: "counts", actual: actual, expected: FixtureTensor(shape: [2], values: [3.0, 4.0]), tolerance: tolerance)
        #expect(same.passed)
    }

    @Test func nonFiniteExpectedInAFixtureFails() throws {
        let r = try check(Self.tv1(delta: #""NaN""#))
        #expect(!r.passed)
        #expect(r.results.allSatisfy { $0.comparisons.first?.maxAbsError == .infinity })
    }
}
