import Foundation

/// The generic driver of the `relaxations-fixture/1` contract, shared by `relax check`,
/// `relax verify` and the fixture tests.
public struct FixtureChecker: Sendable {
    /// The only accepted value of `format`.
    public static let format = "relaxations-fixture/1"

    /// The implementation to run, or `nil` for every implementation of the method.
    public var implementation: String?
    public var methods: [any FixtureMethod.Type]

    public init(implementation: String? = nil, methods: [any FixtureMethod.Type] = FixtureRegistry.methods) {
        self.implementation = implementation
        self.methods = methods
    }

    /// Checks one fixture file (any path, plain or gzip-compressed JSON; side files resolve
    /// relative to it). Never throws:
    /// malformed input is reported in the result's `error` / the cases' errors.
    public func check(file path: String) -> FileResult {
        let url = URL(fileURLWithPath: path)
        let location = FixtureLocation(file: path)
        do {
            // A gzip-compressed fixture (e.g. `big.json.gz`) is accepted too.
            let bytes = try FixtureFiles.readPossiblyGzipped(url, location: location)
            let document: JSONValue
            do { document = try JSONValue.parse(bytes) } catch { throw FixtureError.malformedJSON(location, error) }
            return check(document: document, file: path, directory: url.deletingLastPathComponent())
        } catch let error as FixtureError {
            return FileResult(file: path, method: nil, caseCount: 0, results: [], error: error)
        } catch {
            return FileResult(file: path, method: nil, caseCount: 0, results: [], error: .unreadable(location, reason: "\(error)"))
        }
    }

    /// Checks an already parsed fixture document; `file` names it in messages and `directory`
    /// resolves its side files.
    public func check(document: JSONValue, file: String, directory: URL) -> FileResult {
        var result = FileResult(file: file, method: nil, caseCount: 0, results: [], error: nil)
        let at = FixtureLocation(file: file)
        do {
            guard let top = document.objectValue else {
                throw FixtureError.wrongType(at, expected: "a JSON object at the top level", found: document.kindName)
            }
            guard let format = top["format"] else { throw FixtureError.unsupportedFormat(at.key("format"), found: "missing") }
            guard format == .string(Self.format) else {
                throw FixtureError.unsupportedFormat(at.key("format"), found: format.stringValue.map { "\"\($0)\"" } ?? format.kindName)
            }
            guard let methodValue = top["method"] else { throw FixtureError.missingKey(at.key("method")) }
            guard let methodName = methodValue.stringValue else {
                throw FixtureError.wrongType(at.key("method"), expected: "a string", found: methodValue.kindName)
            }
            result.method = methodName
            if Self.isTemplate(document) {
                throw FixtureError.invalidValue(at.key("template"), reason: "this is a template without expected values: fill it with your implementation's outputs first (tools/python/relaxations_conformance.py fill)")
            }
            guard let method = FixtureRegistry.method(named: methodName, in: methods) else {
                throw FixtureError.unknownMethod(at.key("method"), method: methodName, known: methods.map { $0.name })
            }
            let implementations: [String]
            if let implementation {
                guard method.implementations.contains(implementation) else {
                    throw FixtureError.unknownImplementation(at, implementation: implementation, known: method.implementations)
                }
                implementations = [implementation]
            } else {
                implementations = method.implementations
            }
            let fileParams = try Self.object(top["params"], at: at.key("params")) ?? [:]
            let fileTolerance = try Self.tolerance(top["tolerance"], base: .contractDefault, at: at.key("tolerance"))
            let fileDType = try Self.dtype(top["dtype"], base: "float64", at: at.key("dtype"))
            guard let casesValue = top["cases"] else { throw FixtureError.missingKey(at.key("cases")) }
            guard let cases = casesValue.arrayValue else {
                throw FixtureError.wrongType(at.key("cases"), expected: "an array", found: casesValue.kindName)
            }
            guard !cases.isEmpty else { throw FixtureError.invalidValue(at.key("cases"), reason: "the file has no cases") }
            result.caseCount = cases.count
            for (index, caseValue) in cases.enumerated() {
                result.results += checkCase(
                    caseValue, index: index, file: file, directory: directory, method: method,
                    implementations: implementations, fileParams: fileParams, fileTolerance: fileTolerance, fileDType: fileDType)
            }
        } catch let error as FixtureError {
            result.error = error
        } catch {
            result.error = .invalidValue(at, reason: "\(error)")
        }
        return result
    }

    func checkCase(
        _ value: JSONValue, index: Int, file: String, directory: URL, method: any FixtureMethod.Type,
        implementations: [String], fileParams: [String: JSONValue], fileTolerance: FixtureTolerance, fileDType: String
    ) -> [CaseResult] {
        var name = "#\(index)"
        if let n = value["name"]?.stringValue { name = n }
        let at = FixtureLocation(file: file, caseName: name)
        func failed(_ e: FixtureError, _ tolerance: FixtureTolerance = fileTolerance) -> [CaseResult] {
            implementations.map { CaseResult(caseName: name, implementation: $0, tolerance: tolerance, comparisons: [], notCompared: [], error: e) }
        }
        let tolerance: FixtureTolerance
        let fixtureCase: FixtureCase
        let expected: [String: JSONValue]
        let compared: [String]
        do {
            guard let object = value.objectValue else { throw FixtureError.wrongType(at, expected: "a case object", found: value.kindName) }
            tolerance = try Self.tolerance(object["tolerance"], base: fileTolerance, at: at.key("tolerance"))
            let caseParams = try Self.object(object["params"], at: at.key("params")) ?? [:]
            guard let input = try Self.object(object["input"], at: at.key("input")) else { throw FixtureError.missingKey(at.key("input")) }
            guard let exp = try Self.object(object["expected"], at: at.key("expected")) else { throw FixtureError.missingKey(at.key("expected")) }
            expected = exp
            fixtureCase = FixtureCase(
                file: file, directory: directory, name: name, index: index,
                params: fileParams.merging(caseParams) { _, c in c }, input: input, expectedKeys: Set(exp.keys),
                dtype: try Self.dtype(object["dtype"], base: fileDType, at: at.key("dtype")))
            compared = exp.keys.filter { method.outputKeys.contains($0) }.sorted()
            guard !compared.isEmpty else { throw FixtureError.nothingCompared(at.key("expected"), expectedKeys: exp.keys.sorted()) }
        } catch let e as FixtureError {
            return failed(e)
        } catch {
            return failed(.invalidValue(at, reason: "\(error)"))
        }
        let notCompared = expected.keys.filter { !method.outputKeys.contains($0) }.sorted()
        return implementations.map { implementation in
            var r = CaseResult(caseName: name, implementation: implementation, tolerance: tolerance, comparisons: [], notCompared: notCompared, error: nil)
            do {
                let outputs: [String: FixtureTensor]
                do {
                    outputs = try method.evaluate(fixtureCase, implementation: implementation)
                } catch let e as FixtureError {
                    throw e
                } catch {
                    throw FixtureError.evaluationFailed(at, implementation: implementation, reason: "\(error)")
                }
                for key in compared {
                    let keyAt = at.key("expected.\(key)")
                    guard let actual = outputs[key] else {
                        throw FixtureError.evaluationFailed(keyAt, implementation: implementation, reason: "the checker did not produce \(key)")
                    }
                    let e = try FixtureTensor.from(expected[key] ?? .null, at: keyAt, relativeTo: directory)
                    guard e.shape == actual.shape else {
                        throw FixtureError.wrongShape(keyAt, expected: actual.shapeDescription, found: e.shape)
                    }
                    r.comparisons.append(Self.compare(key: key, actual: actual, expected: e, tolerance: tolerance))
                }
            } catch let e as FixtureError {
                r.error = e
            } catch {
                r.error = .evaluationFailed(at, implementation: implementation, reason: "\(error)")
            }
            return r
        }
    }

    static func object(_ value: JSONValue?, at location: FixtureLocation) throws(FixtureError) -> [String: JSONValue]? {
        guard let value, value != .null else { return nil }
        guard let o = value.objectValue else { throw .wrongType(location, expected: "an object", found: value.kindName) }
        return o
    }

    static func dtype(_ value: JSONValue?, base: String, at location: FixtureLocation) throws(FixtureError) -> String {
        guard let value, value != .null else { return base }
        guard let s = value.stringValue else { throw .wrongType(location, expected: "a string", found: value.kindName) }
        return s
    }

    static func tolerance(_ value: JSONValue?, base: FixtureTolerance, at location: FixtureLocation) throws(FixtureError) -> FixtureTolerance {
        guard let o = try object(value, at: location) else { return base }
        var t = base
        for (key, path) in [("abs", \FixtureTolerance.abs), ("rel", \FixtureTolerance.rel)] {
            guard let v = o[key] else { continue }
            guard let d = v.doubleValue, d.isFinite, d >= 0 else {
                throw .invalidValue(location.key("\(location.key ?? "tolerance").\(key)"), reason: "a tolerance must be a finite number ≥ 0, found \(v)")
            }
            t[keyPath: path] = d
        }
        return t
    }
}
