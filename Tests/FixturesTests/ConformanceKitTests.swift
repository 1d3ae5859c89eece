import Foundation
import NumPyFiles
import Testing
@testable import Fixtures

/// The conformance kit end to end: `relax fixtures template` documents, filled by this package's
/// reference standing in for a user's implementation, then checked with every implementation.
/// The Python helper (tools/python/relaxations_conformance.py) is run by `helperFillsAConformantFixture`;
/// it needs python3 with NumPy — when absent that test FAILS (it never skips silently).
@Suite(.timeLimit(.minutes(2))) struct ConformanceKitTests {
    static let small = TemplateOptions(sizes: nil, batch: 1, seed: 7, hardCases: true)
    static func smallSizes(_ method: String) -> [Int] {
        switch method {
        case "sort": [2, 5]
        case "topk-loss": [5, 6]
        case "logic-layer": [3]
        default: [4]
        }
    }

    /// The outputs of the first (reference) implementation for every case of a template.
    static func referenceOutputs(_ template: JSONValue, directory: URL) throws -> [(name: String, outputs: [String: FixtureTensor])] {
        let method = try #require(FixtureRegistry.method(named: template["method"]!.stringValue!))
        let wanted = Set(template["template"]!["outputs"]!.arrayValue!.compactMap(\.stringValue))
        let fileParams = template["params"]?.objectValue ?? [:]
        return try template["cases"]!.arrayValue!.enumerated().map { k, c in
            let name = c["name"]!.stringValue!
            let params = fileParams.merging(c["params"]?.objectValue ?? [:]) { $1 }
            let fixtureCase = FixtureCase(file: "template", directory: directory, name: name, index: k,
                                          params: params, input: c["input"]!.objectValue!, expectedKeys: wanted)
            return (name, try method.evaluate(fixtureCase, implementation: method.implementations[0]))
        }
    }

    static func json(_ t: FixtureTensor) -> JSONValue {
        t.isInteger ? .integers(t.values.map { Int($0) }, shape: t.shape) : .tensor(t.values, shape: t.shape)
    }

    /// The template with `expected` filled in from `outputs`.
    static func filled(_ template: JSONValue, _ outputs: [(name: String, outputs: [String: FixtureTensor])]) -> JSONValue {
        guard case .object(var document) = template, case .array(let cases) = document["cases"]! else { return template }
        document["template"] = nil
        document["cases"] = .array(zip(cases, outputs).map { c, o in
            guard case .object(var fields) = c else { return c }
            fields["expected"] = .object(o.outputs.mapValues(json))
            return .object(fields)
        })
        return .object(document)
    }

    @Test(arguments: FixtureTemplates.makers.map { $0.method })
    func templateFilledByTheReferenceChecksWithEveryImplementation(_ method: String) throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        var options = Self.small
        options.sizes = Self.smallSizes(method)
        let template = try FixtureTemplates.document(method: method, options: options)
        // Deterministic: the same seed writes the same document; the text parses back to it.
        #expect(try FixtureTemplates.document(method: method, options: options) == template)
        #expect(try JSONValue.parse(template.text) == template)
        // A template has no expected values, so it is not yet a fixture.
        let templatePath = try write(template.text, to: "\(method)-template.json", in: directory)
        #expect(!FixtureChecker().check(file: templatePath).passed)
        #expect(template["cases"]!.arrayValue!.allSatisfy { $0["expected"] == nil })

        let outputs = try Self.referenceOutputs(template, directory: directory)
        let path = try write(Self.filled(template, outputs).text, to: "\(method).json", in: directory)
        let result = FixtureChecker().check(file: path)
        #expect(result.passed, "\(result.results.filter { !$0.passed }.map { "\($0.caseName)/\($0.implementation): \($0.comparisons.map(\.mismatchDescription)) \($0.error.map { "\($0)" } ?? "")" })")
        #expect(result.results.count == outputs.count * FixtureRegistry.method(named: method)!.implementations.count)
    }

    @Test func checkNamesTheDifferingEntry() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let template = try FixtureTemplates.document(method: "sort", options: TemplateOptions(sizes: [3], batch: 2, seed: 1, hardCases: false))
        var outputs = try Self.referenceOutputs(template, directory: directory)
        outputs[0].outputs["y"]!.values[4] += 1e-6  // y[1][1]
        let path = try write(Self.filled(template, outputs).text, to: "sort.json", in: directory)
        let result = FixtureChecker().check(file: path)
        #expect(!result.passed)
        let lines = result.reportLines()
        #expect(lines.contains { $0.contains("key y: 1 of 6 entries outside tolerance; first at y[1][1] (flat index 4)") }, "\(lines)")
    }

    /// The committed example: a template filled by the authors' diffsort through the helper
    /// (examples/conformance/README.md) checks with every implementation; the template is skipped.
    @Test func committedDiffsortExampleChecks() {
        let summary = FixtureChecker().checkDirectory(repositoryRoot().appendingPathComponent("examples/conformance").path)
        #expect(summary.allPassed && summary.cases == 12, "\(summary.failures)")
        #expect(summary.skippedFiles.contains { $0.hasSuffix("sort-template.json") })
    }

    @Test func hardCasesAreIncluded() throws {
        let sort = try FixtureTemplates.document(method: "sort", options: TemplateOptions())
        let names = sort["cases"]!.arrayValue!.compactMap { $0["name"]?.stringValue }
        #expect(names.contains("n22-bitonic-authors-defect") && names.contains("ties-n6") && names.contains("large-magnitude-n8"))
        let topk = try FixtureTemplates.document(method: "topk-loss", options: TemplateOptions())
        #expect(topk["cases"]!.arrayValue!.contains { $0["name"]?.stringValue == "saturated-n22" })
        let plain = try FixtureTemplates.document(method: "sort", options: TemplateOptions(hardCases: false))
        #expect(plain["cases"]!.arrayValue!.count == SortTemplate.defaultSizes.count)
        #expect(throws: TemplateError.self) { try FixtureTemplates.document(method: "topk-loss", options: TemplateOptions(sizes: [3])) }
        #expect(throws: TemplateError.self) { try FixtureTemplates.document(method: "nope", options: TemplateOptions()) }
    }

    /// template → Python helper (`fill --answers`, the reference's outputs as `.npy` files standing
    /// in for the user's) → check. Needs python3 with NumPy: their absence fails this test.
    @Test func helperFillsAConformantFixture() throws {
        let directory = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let helper = repositoryRoot().appendingPathComponent("tools/python/relaxations_conformance.py").path
        let probe = try run(["python3", "-c", "import numpy"])
        guard probe.status == 0 else {
            Issue.record("python3 with NumPy is required for this test (CI installs it): \(probe.output)")
            return
        }
        for method in ["sort", "logic-network"] {
            let template = try FixtureTemplates.document(method: method, options: TemplateOptions(sizes: Self.smallSizes(method), batch: 2, seed: 3))
            let templatePath = try write(template.text, to: "\(method)-template.json", in: directory)
            for (name, outputs) in try Self.referenceOutputs(template, directory: directory) {
                for (key, t) in outputs {
                    let bytes: [UInt8] = t.isInteger
                        ? t.values.flatMap { withUnsafeBytes(of: Int64($0).littleEndian, Array.init) }
                        : t.values.flatMap { withUnsafeBytes(of: $0.bitPattern.littleEndian, Array.init) }
                    try write(bytes: NPYFile.encode(shape: t.shape, dtype: t.isInteger ? .int64 : .float64, payload: bytes),
                              to: "answers-\(method)/\(name)/\(key).npy", in: directory)
                }
            }
            let out = directory.appendingPathComponent("mine/\(method).json").path
            let fill = try run(["python3", helper, "fill", templatePath, out, "--answers", directory.appendingPathComponent("answers-\(method)").path,
                                "--package", "stand-in", "--npy-threshold", "8"])
            #expect(fill.status == 0, "\(fill.output)")
            let result = FixtureChecker().check(file: out)
            #expect(result.passed, "\(result.reportLines())")
            if method == "sort" { #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("mine/sort-npy").path), "large outputs go to .npy side files") }
        }
        // A user function that fails names the case.
        let bad = try run(["python3", helper, "fill", directory.appendingPathComponent("sort-template.json").path, "/dev/null", "--answers", "/nonexistent"])
        #expect(bad.status == 1 && bad.output.contains("case n2-random"), "\(bad.output)")
    }

    func run(_ arguments: [String]) throws -> (status: Int32, output: String) {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: "/usr/bin/env")
        process.arguments = arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        do { try process.run() } catch { return (127, "cannot start \(arguments[0]): \(error)") }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }
}
