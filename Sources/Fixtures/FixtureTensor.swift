import InputLimits
import Foundation

/// An n-dimensional array read from a fixture (or produced by a method): shape plus flat
/// row-major values. `isInteger` marks integer data (counts, labels, predictions), which is
/// compared exactly; integers are stored as `Double` and must be at most 2^53 in magnitude.
public struct FixtureTensor: Sendable, Equatable, CustomStringConvertible {
    public var shape: [Int]
    public var values: [Double]
    public var isInteger: Bool

    public init(shape: [Int], values: [Double], isInteger: Bool = false) {
        self.shape = shape
        self.values = values
        self.isInteger = isInteger
    }

    /// A real scalar (shape `[]`).
    public init(scalar: Double) { self.init(shape: [], values: [scalar]) }

    /// Real values with the given shape (`values.count` must equal the product of `shape`).
    public init<T: BinaryFloatingPoint>(_ values: [T], shape: [Int]) {
        self.init(shape: shape, values: values.map { Double($0) })
    }

    /// Integer values with the given shape, compared exactly.
    public init(integers: [Int], shape: [Int]) {
        self.init(shape: shape, values: integers.map { Double($0) }, isInteger: true)
    }

    public var count: Int { values.count }

    /// `[2, 3]`-style rendering of the shape.
    public var shapeDescription: String { "[" + shape.map(String.init).joined(separator: ", ") + "]" }

    public var description: String { "FixtureTensor(shape: \(shapeDescription), \(isInteger ? "integer" : "real"))" }

    /// Checks the shape against `expected` (`nil` = any size in that dimension) and returns self.
    @discardableResult
    public func expectShape(_ expected: [Int?], at location: FixtureLocation) throws(FixtureError) -> FixtureTensor {
        let matches = expected.count == shape.count && zip(expected, shape).allSatisfy { e, s in e.map { $0 == s } ?? true }
        guard matches else {
            throw .wrongShape(location, expected: Self.describe(expected), found: shape)
        }
        return self
    }

    /// `[any, 5]`-style rendering of an expected shape.
    public static func describe(_ shape: [Int?]) -> String {
        "[" + shape.map { $0.map(String.init) ?? "any" }.joined(separator: ", ") + "]"
    }

    /// The values as integers; throws if a value is not integral.
    public func integers(at location: FixtureLocation) throws(FixtureError) -> [Int] {
        var result: [Int] = []
        result.reserveCapacity(values.count)
        for (k, v) in values.enumerated() {
            guard v.isFinite, v.rounded() == v, v.magnitude <= 0x1p53 else {
                throw .wrongType(location, expected: "integers", found: "\(v) at flat index \(k)")
            }
            result.append(Int(v))
        }
        return result
    }
}

extension FixtureTensor {
    /// Converts a JSON value into a tensor: numbers, the strings `"NaN"`, `"Infinity"`,
    /// `"-Infinity"`, rectangular nested arrays, and `{"npy": "relative/path.npy"}` (resolved
    /// against `directory`) at any nesting level.
    public static func from(
        _ value: JSONValue, at location: FixtureLocation, relativeTo directory: URL
    ) throws(FixtureError) -> FixtureTensor {
        switch value {
        case .integer(let i):
            guard i.magnitude <= 1 << 53 else {
                throw .invalidValue(location, reason: "integer \(i) is too large (|value| must be ≤ 2^53)")
            }
            return FixtureTensor(shape: [], values: [Double(i)], isInteger: true)
        case .number(let d):
            return FixtureTensor(shape: [], values: [d])
        case .string(let s):
            guard let d = value.doubleValue else {
                throw .wrongType(location, expected: "a number (or \"NaN\", \"Infinity\", \"-Infinity\")", found: "string \"\(s)\"")
            }
            return FixtureTensor(shape: [], values: [d])
        case .object(let o):
            guard o.count == 1, let pathValue = o["npy"] else {
                throw .wrongType(location, expected: "an array or {\"npy\": \"path\"}", found: "object with keys [\(o.keys.sorted().joined(separator: ", "))]")
            }
            guard let path = pathValue.stringValue else {
                throw .wrongType(location, expected: "a string path under \"npy\"", found: pathValue.kindName)
            }
            return try loadNPY(path, at: location, relativeTo: directory)
        case .array(let elements):
            return try stack(elements, at: location, relativeTo: directory)
        case .null, .bool:
            throw .wrongType(location, expected: "a number or an array", found: value.kindName)
        }
    }

    static func stack(_ elements: [JSONValue], at location: FixtureLocation, relativeTo directory: URL) throws(FixtureError) -> FixtureTensor {
        var values: [Double] = []
        var isInteger = true
        var inner: [Int]? = nil
        for (k, element) in elements.enumerated() {
            // Fast path for the leaves of ordinary numeric arrays.
            switch element {
            case .integer(let i) where i.magnitude <= 1 << 53 && (inner == nil || inner == []):
                inner = []
                values.append(Double(i))
                continue
            case .number(let d) where inner == nil || inner == []:
                inner = []
                isInteger = false
                values.append(d)
                continue
            default: break
            }
            let t = try from(element, at: location, relativeTo: directory)
            if let shape = inner, shape != t.shape {
                throw .wrongShape(location, expected: "a rectangular array (element 0 has shape \(describe(shape)))",
                                  found: t.shape.isEmpty ? [] : t.shape).withElement(k)
            }
            inner = t.shape
            isInteger = isInteger && t.isInteger
            values.append(contentsOf: t.values)
        }
        return FixtureTensor(shape: [elements.count] + (inner ?? []), values: values, isInteger: isInteger)
    }

    static func loadNPY(_ path: String, at location: FixtureLocation, relativeTo directory: URL) throws(FixtureError) -> FixtureTensor {
        let url = URL(fileURLWithPath: path, relativeTo: directory).standardizedFileURL
        let data: [UInt8]
        do { data = try InputFile.read(url.path) } catch {
            if case .unreadable(_, "no such file") = error { throw .npy(location, path: path, reason: "no such file (looked for \(url.path))") }
            throw .npy(location, path: path, reason: error.description)
        }
        do {
            return try NPY.decode(data)
        } catch {
            throw .npy(location, path: path, reason: error.reason)
        }
    }
}

extension FixtureError {
    /// Appends `[k]` to the key of a shape error, pointing at the offending element.
    func withElement(_ k: Int) -> FixtureError {
        guard case .wrongShape(let l, let e, let f) = self else { return self }
        return .wrongShape(l.key((l.key ?? "") + "[\(k)]"), expected: e, found: f)
    }
}
