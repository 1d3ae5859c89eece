import Foundation

/// One case of a fixture file as a method checker sees it: merged params (file `params`
/// overridden by the case's own `params`), the `input` object, and which keys are expected.
///
/// Every accessor throws a ``FixtureError`` that names the file, the case and the key.
public struct FixtureCase: Sendable {
    /// The fixture file as given by the user (used in messages).
    public let file: String
    /// The directory that relative side-file paths (`.npy`, model files) are resolved against.
    public let directory: URL
    /// The case's `name`, or `#k` (0-based index) if it has none.
    public let name: String
    public let index: Int
    /// File params overridden by case params.
    public let params: [String: JSONValue]
    public let input: [String: JSONValue]
    /// The keys present under `expected`.
    public let expectedKeys: Set<String>
    /// The file's `dtype` (a case may override it), `"float64"` if absent: the precision the
    /// expected values were computed in. Methods that have a Float path may honour `"float32"`.
    public let dtype: String

    public init(file: String, directory: URL, name: String, index: Int,
                params: [String: JSONValue], input: [String: JSONValue], expectedKeys: Set<String>,
                dtype: String = "float64") {
        self.dtype = dtype
        self.file = file
        self.directory = directory
        self.name = name
        self.index = index
        self.params = params
        self.input = input
        self.expectedKeys = expectedKeys
    }

    /// The location of `key` (e.g. `input.x`, `params.n`) in this case.
    public func location(_ key: String? = nil) -> FixtureLocation {
        FixtureLocation(file: file, caseName: name, key: key)
    }

    /// Whether `expected` contains `key` (so the checker should compute it).
    public func wants(_ key: String) -> Bool { expectedKeys.contains(key) }

    // MARK: Inputs

    /// The raw JSON of an input (e.g. an inline model object); throws if absent.
    public func inputValue(_ key: String) throws(FixtureError) -> JSONValue {
        guard let v = input[key] else { throw .missingKey(location("input.\(key)")) }
        return v
    }

    /// A required input as a tensor, optionally checked against `shape` (`nil` entries = any).
    public func input(_ key: String, shape: [Int?]? = nil) throws(FixtureError) -> FixtureTensor {
        let v = try inputValue(key)
        let t = try FixtureTensor.from(v, at: location("input.\(key)"), relativeTo: directory)
        if let shape { try t.expectShape(shape, at: location("input.\(key)")) }
        return t
    }

    /// An optional input (absent or `null` → `nil`), optionally checked against `shape`.
    public func optionalInput(_ key: String, shape: [Int?]? = nil) throws(FixtureError) -> FixtureTensor? {
        guard let v = input[key], v != .null else { return nil }
        let t = try FixtureTensor.from(v, at: location("input.\(key)"), relativeTo: directory)
        if let shape { try t.expectShape(shape, at: location("input.\(key)")) }
        return t
    }

    /// A required integer input (labels, indices), checked against `shape`.
    public func integerInput(_ key: String, shape: [Int?]? = nil) throws(FixtureError) -> [Int] {
        try input(key, shape: shape).integers(at: location("input.\(key)"))
    }

    // MARK: Params

    /// The raw JSON of a param, or `nil` if absent.
    public func param(_ key: String) -> JSONValue? { params[key] }

    /// A string param; `defaultValue` is used when absent (absent without a default → error).
    public func stringParam(_ key: String, default defaultValue: String? = nil) throws(FixtureError) -> String {
        guard let v = params[key] else {
            if let defaultValue { return defaultValue }
            throw .missingKey(location("params.\(key)"))
        }
        guard let s = v.stringValue else { throw .wrongType(location("params.\(key)"), expected: "a string", found: v.kindName) }
        return s
    }

    /// A param naming a case of a string enum (e.g. a family); lists the allowed names on error.
    public func enumParam<E: RawRepresentable & CaseIterable>(
        _ key: String, default defaultValue: E? = nil
    ) throws(FixtureError) -> E where E.RawValue == String {
        if params[key] == nil, let defaultValue { return defaultValue }
        let s = try stringParam(key)
        guard let e = E(rawValue: s) else {
            let allowed = E.allCases.map { "\"\($0.rawValue)\"" }.joined(separator: ", ")
            throw .invalidValue(location("params.\(key)"), reason: "unknown value \"\(s)\" (allowed: \(allowed))")
        }
        return e
    }

    /// An integer param (a JSON integer, or a number with an integral value).
    public func intParam(_ key: String, default defaultValue: Int? = nil) throws(FixtureError) -> Int {
        guard let v = params[key] else {
            if let defaultValue { return defaultValue }
            throw .missingKey(location("params.\(key)"))
        }
        switch v {
        case .integer(let i): return i
        case .number(let d) where d.rounded() == d && d.magnitude <= 0x1p53: return Int(d)
        default: throw .wrongType(location("params.\(key)"), expected: "an integer", found: v.kindName)
        }
    }

    /// An integer param that may be absent or `null` (→ `nil`), e.g. top-k's `m`.
    public func optionalIntParam(_ key: String) throws(FixtureError) -> Int? {
        guard let v = params[key], v != .null else { return nil }
        return try intParam(key)
    }

    /// A real param (numbers, integers, and the non-finite strings).
    public func doubleParam(_ key: String, default defaultValue: Double? = nil) throws(FixtureError) -> Double {
        guard let v = params[key] else {
            if let defaultValue { return defaultValue }
            throw .missingKey(location("params.\(key)"))
        }
        guard let d = v.doubleValue else { throw .wrongType(location("params.\(key)"), expected: "a number", found: v.kindName) }
        return d
    }

    /// A boolean param.
    public func boolParam(_ key: String, default defaultValue: Bool? = nil) throws(FixtureError) -> Bool {
        guard let v = params[key] else {
            if let defaultValue { return defaultValue }
            throw .missingKey(location("params.\(key)"))
        }
        guard case .bool(let b) = v else { throw .wrongType(location("params.\(key)"), expected: "a boolean", found: v.kindName) }
        return b
    }

    /// A param holding an array of numbers (e.g. top-k's `p_k`), as a tensor.
    public func tensorParam(_ key: String, shape: [Int?]? = nil) throws(FixtureError) -> FixtureTensor {
        guard let v = params[key] else { throw .missingKey(location("params.\(key)")) }
        let t = try FixtureTensor.from(v, at: location("params.\(key)"), relativeTo: directory)
        if let shape { try t.expectShape(shape, at: location("params.\(key)")) }
        return t
    }

    // MARK: Side files

    /// Resolves a path written in the fixture relative to the fixture file's directory.
    public func resolve(_ relativePath: String) -> URL {
        URL(fileURLWithPath: relativePath, relativeTo: directory).standardizedFileURL
    }

    /// Reads and parses a (possibly gzip-compressed) JSON side file such as a model referenced
    /// by `{"file": "model.json.gz"}`; `key` is the key path used in error messages.
    public func readJSONFile(_ relativePath: String, key: String) throws(FixtureError) -> JSONValue {
        try FixtureFiles.readJSON(resolve(relativePath), location: location(key))
    }
}
