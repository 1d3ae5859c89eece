/// Where in a fixture something went wrong: the file, the case (if any) and the key path
/// (e.g. `input.x`, `params.n`, `expected.grad_x`).
public struct FixtureLocation: Hashable, Sendable, CustomStringConvertible {
    public var file: String
    public var caseName: String?
    public var key: String?

    public init(file: String, caseName: String? = nil, key: String? = nil) {
        self.file = file
        self.caseName = caseName
        self.key = key
    }

    /// The same location with another key path.
    public func key(_ key: String) -> FixtureLocation {
        FixtureLocation(file: file, caseName: caseName, key: key)
    }

    public var description: String {
        var s = file
        if let c = caseName { s += ", case \"\(c)\"" }
        if let k = key { s += ", key \"\(k)\"" }
        return s
    }
}

/// Every way a fixture file can be malformed or fail to evaluate. Each message names the file,
/// the case and the key concerned.
public enum FixtureError: Error, Equatable, Sendable, CustomStringConvertible {
    /// The file (or a side file) cannot be read.
    case unreadable(FixtureLocation, reason: String)
    /// The file is not valid JSON.
    case malformedJSON(FixtureLocation, JSONParseError)
    /// `format` is not exactly `relaxations-fixture/1` (`found` is the value, or "missing").
    case unsupportedFormat(FixtureLocation, found: String)
    /// `method` names no registered checker.
    case unknownMethod(FixtureLocation, method: String, known: [String])
    /// The requested implementation does not exist for this method.
    case unknownImplementation(FixtureLocation, implementation: String, known: [String])
    /// A required key is absent.
    case missingKey(FixtureLocation)
    /// A value has the wrong JSON type (e.g. a string where a number is needed).
    case wrongType(FixtureLocation, expected: String, found: String)
    /// An array has the wrong shape.
    case wrongShape(FixtureLocation, expected: String, found: [Int])
    /// A value is of the right type but not allowed (e.g. an unknown family name, n < 1).
    case invalidValue(FixtureLocation, reason: String)
    /// A `.npy` side file is missing or malformed.
    case npy(FixtureLocation, path: String, reason: String)
    /// A gzip stream cannot be decompressed.
    case gzip(FixtureLocation, path: String, reason: String)
    /// None of the keys under `expected` is one the method produces.
    case nothingCompared(FixtureLocation, expectedKeys: [String])
    /// The implementation rejected the case's input (its own typed error, as text).
    case evaluationFailed(FixtureLocation, implementation: String, reason: String)

    /// The location the error refers to.
    public var location: FixtureLocation {
        switch self {
        case .unreadable(let l, _), .malformedJSON(let l, _), .unsupportedFormat(let l, _),
             .unknownMethod(let l, _, _), .unknownImplementation(let l, _, _), .missingKey(let l),
             .wrongType(let l, _, _), .wrongShape(let l, _, _), .invalidValue(let l, _),
             .npy(let l, _, _), .gzip(let l, _, _), .nothingCompared(let l, _),
             .evaluationFailed(let l, _, _):
            l
        }
    }

    public var description: String {
        switch self {
        case .unreadable(let l, let reason): "\(l): cannot read: \(reason)"
        case .malformedJSON(let l, let e): "\(l): \(e)"
        case .unsupportedFormat(let l, let found):
            "\(l): unsupported fixture format \(found) (expected \"relaxations-fixture/1\")"
        case .unknownMethod(let l, let method, let known):
            "\(l): unknown method \"\(method)\" (known: \(known.joined(separator: ", ")))"
        case .unknownImplementation(let l, let implementation, let known):
            "\(l): unknown implementation \"\(implementation)\" (known: \(known.joined(separator: ", ")))"
        case .missingKey(let l): "\(l): missing required key"
        case .wrongType(let l, let expected, let found): "\(l): expected \(expected), found \(found)"
        case .wrongShape(let l, let expected, let found):
            "\(l): expected shape \(expected), found [\(found.map(String.init).joined(separator: ", "))]"
        case .invalidValue(let l, let reason): "\(l): \(reason)"
        case .npy(let l, let path, let reason): "\(l): .npy file \"\(path)\": \(reason)"
        case .gzip(let l, let path, let reason): "\(l): gzip file \"\(path)\": \(reason)"
        case .nothingCompared(let l, let keys):
            "\(l): nothing to compare: expected keys [\(keys.joined(separator: ", "))] include none this method produces"
        case .evaluationFailed(let l, let implementation, let reason):
            "\(l): implementation \(implementation) failed: \(reason)"
        }
    }
}
