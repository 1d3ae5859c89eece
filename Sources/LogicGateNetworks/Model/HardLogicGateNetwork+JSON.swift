import Foundation

/// Load and save of the model interchange format `logic-gate-network/1` (fixtures/README.md):
/// `{"format": "logic-gate-network/1", "input_bits": N, "layers": [{"a": […], "b": […], "gates": […]}],
///   "group_sum": {"classes": k, "tau": τ}}`. Unknown extra keys are ignored.
extension HardLogicGateNetwork {
    public static let formatName = "logic-gate-network/1"

    /// Parses a model from JSON bytes. Every problem is a ``LogicNetworkError`` naming the key.
    public init(jsonData data: Data) throws(LogicNetworkError) {
        if data.count >= 2, data[data.startIndex] == 0x1F, data[data.startIndex + 1] == 0x8B {
            throw .malformedModel("the data is gzip-compressed; decompress it first (the `relax` tool and the fixture checker accept .json.gz)")
        }
        let object: Any
        do { object = try JSONSerialization.jsonObject(with: data) } catch {
            throw .malformedModel("not valid JSON (\(error.localizedDescription))")
        }
        try self.init(jsonObject: object)
    }

    /// Parses a model from a decoded JSON object (`[String: Any]`), e.g. inline in a fixture.
    public init(jsonObject object: Any) throws(LogicNetworkError) {
        guard let root = object as? [String: Any] else { throw .malformedModel("the top level must be an object") }
        guard let format = root["format"] as? String else { throw .malformedModel("missing string key \"format\"") }
        guard format == Self.formatName else { throw .unsupportedFormat(format) }
        let inputBits = try Self.integer(root["input_bits"], "input_bits")
        guard let layerObjects = root["layers"] as? [Any] else { throw .malformedModel("missing array key \"layers\"") }
        var layers: [(a: [Int], b: [Int], gates: [Int])] = []
        for (l, item) in layerObjects.enumerated() {
            guard let layer = item as? [String: Any] else { throw .malformedModel("layers[\(l)] must be an object") }
            let a = try Self.integers(layer["a"], "layers[\(l)].a")
            let b = try Self.integers(layer["b"], "layers[\(l)].b")
            let gates = try Self.integers(layer["gates"], "layers[\(l)].gates")
            layers.append((a, b, gates))
        }
        guard let groupSum = root["group_sum"] as? [String: Any] else { throw .malformedModel("missing object key \"group_sum\"") }
        let classes = try Self.integer(groupSum["classes"], "group_sum.classes")
        guard let tauNumber = groupSum["tau"] as? NSNumber, !Self.isBoolean(groupSum["tau"]) else {
            throw .malformedModel("group_sum.tau must be a number")
        }
        try self.init(inputBits: inputBits, layers: layers, classes: classes, tau: tauNumber.doubleValue)
    }

    /// Reads a `.json` model file.
    public init(contentsOf url: URL) throws(LogicNetworkError) {
        try self.init(jsonData: LogicFiles.read(url.path))
    }

    /// The model as a JSON object (for embedding in fixtures).
    public var jsonObject: [String: Any] {
        [
            "format": Self.formatName,
            "input_bits": inputBits,
            "layers": layers.map { ["a": $0.a, "b": $0.b, "gates": $0.gates.map(\.id)] as [String: Any] },
            "group_sum": ["classes": groupSum.classes, "tau": groupSum.tau] as [String: Any],
        ]
    }

    /// Compact JSON of the model.
    public func jsonData() -> Data {
        (try? JSONSerialization.data(withJSONObject: jsonObject, options: [.sortedKeys])) ?? Data()
    }

    private static func integer(_ value: Any?, _ key: String) throws(LogicNetworkError) -> Int {
        guard let n = value as? NSNumber, !isBoolean(value) else { throw .malformedModel("\"\(key)\" must be an integer") }
        // A JSON number written with a fraction or exponent (`2.0`, `2e0`) is not an integer
        // here: Foundation decodes those as a floating-point NSNumber (type code "d" or "f").
        let code = String(cString: n.objCType)
        guard code != "d" && code != "f" else { throw .malformedModel("\"\(key)\" must be an integer, got \(n)") }
        let d = n.doubleValue
        guard d.isFinite, d == d.rounded(), abs(d) < 1e15 else { throw .malformedModel("\"\(key)\" must be an integer, got \(d)") }
        return Int(d)
    }

    /// JSON `true`/`false` (Foundation decodes them as a boolean NSNumber, distinct from 0/1).
    private static func isBoolean(_ value: Any?) -> Bool {
        guard let value else { return false }
        #if canImport(Darwin)
        return value is Bool && CFGetTypeID(value as CFTypeRef) == CFBooleanGetTypeID()
        #else
        return String(describing: type(of: value)).contains("Boolean")
        #endif
    }

    private static func integers(_ value: Any?, _ key: String) throws(LogicNetworkError) -> [Int] {
        guard let array = value as? [Any] else { throw .malformedModel("\"\(key)\" must be an array of integers") }
        var out: [Int] = []
        out.reserveCapacity(array.count)
        for (i, v) in array.enumerated() { out.append(try integer(v, "\(key)[\(i)]")) }
        return out
    }
}
