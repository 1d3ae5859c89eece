import Foundation
import Testing
@testable import Fixtures

/// Hand-written malformed fixtures: each must give its typed error naming file, case and key —
/// proof that the checker can fail.
@Suite struct MalformedFixtureTests {
    /// TV1 of the test vectors computed with the authors' diffsort package with `case` spliced into one case object.
    static func fixture(format: String = "\"relaxations-fixture/1\"", method: String = "\"sort\"",
                        params: String = #"{"network": "bitonic", "n": 2, "distribution": "cauchy", "steepness": 1}"#,
                        caseBody: String = #""input": {"x": [[1, 0]]}, "expected": {"y": [[0.25, 0.75]]}"#) -> String {
        """
        {"format": \(format), "method": \(method), "params": \(params),
         "cases": [{"name": "tv1", \(caseBody)}]}
        """
    }

    func check(_ text: String, implementation: String? = nil, extra: [(String, [UInt8])] = []) throws -> FileResult {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in extra { try write(bytes: bytes, to: name, in: dir) }
        let path = try write(text, to: "f.json", in: dir)
        return FixtureChecker(implementation: implementation).check(file: path)
    }

    /// The single error of a one-case file (file-level or the first case's).
    func onlyError(_ r: FileResult) -> FixtureError? {
        #expect(!r.passed)
        return r.errors.first
    }

    @Test func wellFormedBaselinePasses() throws {
        let r = try check(Self.fixture())
        #expect(r.passed, "\(r.reportLines())")
        #expect(r.results.map(\.implementation).sorted() == SortFixtures.implementations.sorted())
    }

    @Test func wrongFormatVersionNamesTheVersionFound() throws {
        let e = onlyError(try check(Self.fixture(format: "\"relaxations-fixture/2\"")))
        guard case .unsupportedFormat(let l, let found) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(found.contains("relaxations-fixture/2"))
        #expect(l.key == "format")
        #expect(e?.description.contains("relaxations-fixture/2") == true)
        #expect(e?.description.contains("f.json") == true)
    }

    @Test func missingFormatIsRejected() throws {
        let r = try check(#"{"method": "sort", "cases": []}"#)
        guard case .unsupportedFormat(_, let found) = onlyError(r) else { Issue.record("\(r.errors)"); return }
        #expect(found == "missing")
    }

    @Test func unknownMethodIsNamed() throws {
        let e = onlyError(try check(Self.fixture(method: "\"sorting\"")))
        guard case .unknownMethod(_, let method, let known) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(method == "sorting")
        #expect(known.contains("sort"))
    }

    @Test func unknownImplementationIsNamed() throws {
        let e = onlyError(try check(Self.fixture(), implementation: "fast"))
        guard case .unknownImplementation(_, let impl, _) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(impl == "fast")
    }

    @Test func malformedJSONGivesLineAndColumn() throws {
        let e = onlyError(try check("{\"format\": \"relaxations-fixture/1\",\n \"method\": sort}"))
        guard case .malformedJSON(_, let p) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(p.line == 2)
    }

    @Test func missingInputKeyNamesCaseAndKey() throws {
        let e = onlyError(try check(Self.fixture(caseBody: #""input": {"z": [[1, 0]]}, "expected": {"y": [[0.25, 0.75]]}"#)))
        guard case .missingKey(let l) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.caseName == "tv1")
        #expect(l.key == "input.x")
        #expect(e?.description.contains("input.x") == true)
    }

    @Test func missingNetworkParamIsNamed() throws {
        let e = onlyError(try check(Self.fixture(params: #"{"n": 2, "distribution": "cauchy", "steepness": 1}"#)))
        guard case .missingKey(let l) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key == "params.network")
    }

    @Test func unknownFamilyIsAnInvalidValue() throws {
        let e = onlyError(try check(Self.fixture(params: #"{"network": "bitonic", "distribution": "sigmoid"}"#)))
        guard case .invalidValue(let l, let reason) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key == "params.distribution")
        #expect(reason.contains("cauchy"))
    }

    @Test func wrongInputShapeIsNamed() throws {
        // x is [1][3] but params.n = 2.
        let e = onlyError(try check(Self.fixture(caseBody: #""input": {"x": [[1, 0, 2]]}, "expected": {"y": [[0, 1, 2]]}"#)))
        guard case .wrongShape(let l, _, let found) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key == "input.x")
        #expect(found == [1, 3])
    }

    @Test func raggedArrayIsAShapeError() throws {
        let e = onlyError(try check(Self.fixture(caseBody: #""input": {"x": [[1, 0], [2]]}, "expected": {"y": [[0.25, 0.75]]}"#)))
        guard case .wrongShape(let l, _, _) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key?.hasPrefix("input.x") == true)
    }

    @Test func wrongExpectedShapeIsNamed() throws {
        let e = onlyError(try check(Self.fixture(caseBody: #""input": {"x": [[1, 0]]}, "expected": {"y": [0.25, 0.75]}"#)))
        guard case .wrongShape(let l, _, let found) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key == "expected.y")
        #expect(found == [2])
    }

    @Test func wrongCotangentShapeIsNamed() throws {
        let body = #""input": {"x": [[1, 0]], "cotangent_p": [[1, 0], [0, 1]]}, "expected": {"grad_x": [[0, 0]]}"#
        let e = onlyError(try check(Self.fixture(caseBody: body)))
        guard case .wrongShape(let l, _, _) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key == "input.cotangent_p")
    }

    @Test func wrongTypeIsNamed() throws {
        let e = onlyError(try check(Self.fixture(caseBody: #""input": {"x": [[1, "zero"]]}, "expected": {"y": [[0.25, 0.75]]}"#)))
        guard case .wrongType(let l, _, let found) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key == "input.x")
        #expect(found.contains("zero"))
    }

    @Test func gradientWithoutCotangentIsAnError() throws {
        let e = onlyError(try check(Self.fixture(caseBody: #""input": {"x": [[1, 0]]}, "expected": {"grad_x": [[0, 0]]}"#)))
        guard case .invalidValue(_, let reason) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(reason.contains("cotangent"))
    }

    @Test func caseComparingNothingIsAnError() throws {
        let e = onlyError(try check(Self.fixture(caseBody: #""input": {"x": [[1, 0]]}, "expected": {"note": "nothing"}"#)))
        guard case .nothingCompared(let l, let keys) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.caseName == "tv1")
        #expect(keys == ["note"])
    }

    @Test func nonFiniteInputIsReportedAsImplementationError() throws {
        let e = onlyError(try check(Self.fixture(caseBody: #""input": {"x": [["NaN", 0]]}, "expected": {"y": [["NaN", "NaN"]]}"#)))
        guard case .evaluationFailed(_, _, let reason) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(reason.contains("not finite"))
    }

    @Test func emptyCasesIsAnError() throws {
        let r = try check(#"{"format": "relaxations-fixture/1", "method": "sort", "cases": []}"#)
        guard case .invalidValue(let l, _) = onlyError(r) else { Issue.record("\(r.errors)"); return }
        #expect(l.key == "cases")
    }

    @Test func unsupportedDTypeIsNamed() throws {
        let text = Self.fixture().replacingOccurrences(of: #""method": "sort","#, with: #""method": "sort", "dtype": "float16","#)
        let e = onlyError(try check(text))
        guard case .invalidValue(let l, let reason) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key == "dtype")
        #expect(reason.contains("float16"))
        let wrongType = Self.fixture().replacingOccurrences(of: #""method": "sort","#, with: #""method": "sort", "dtype": 32,"#)
        guard case .wrongType(let l2, _, _) = onlyError(try check(wrongType)) else { Issue.record("dtype 32 accepted"); return }
        #expect(l2.key == "dtype")
    }

    @Test func float32FixtureNeedsFloat32Inputs() throws {
        let body = #""dtype": "float32", "input": {"x": [[0.1, 0]]}, "expected": {"y": [[0, 0.1]]}"#
        let e = onlyError(try check(Self.fixture(caseBody: body)))
        guard case .invalidValue(let l, let reason) = e else { Issue.record("got \(String(describing: e))"); return }
        #expect(l.key == "input.x")
        #expect(reason.contains("float32"))
    }
}
