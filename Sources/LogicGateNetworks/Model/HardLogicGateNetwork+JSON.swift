import Foundation
import JSON

/// A structural problem in a `logic-gate-network/1` document, naming the key by its path from
/// the model's root (`layers[0].a`, `group_sum.tau`; empty for the root itself). The fixture
/// checker reports it under its own location (`input.model.layers[0].a`); the module and the
/// tool report it as ``LogicNetworkError/malformedModel(_:)``.
public enum LogicModelFormatError: Error, Equatable, Sendable, CustomStringConvertible {
    case missingKey(String)
    case wrongType(key: String, expected: String, found: String)
    case unsupportedFormat(String)
    /// Well-formed, but inconsistent (indices, gate ids, widths): the network's own error.
    case invalidModel(LogicNetworkError)

    public var description: String {
        switch self {
        case .missingKey(let key): "missing key \"\(key)\""
        case let .wrongType(key, expected, found): "\(key.isEmpty ? "the model" : "\"\(key)\"") must be \(expected), found \(found)"
        case .unsupportedFormat(let format): "unsupported format \"\(format)\""
        case .invalidModel(let error): error.description
        }
    }

    /// The same problem as the module's error type.
    public var networkError: LogicNetworkError {
        switch self {
        case .unsupportedFormat(let format): .unsupportedFormat(format)
        case .invalidModel(let error): error
        case .missingKey, .wrongType: .malformedModel(description)
        }
    }
}

/// Load and save of the model interchange format `logic-gate-network/1` (fixtures/README.md):
/// `{"format": "logic-gate-network/1", "input_bits": N, "layers": [{"a": […], "b": […], "gates": […]}],
///   "group_sum": {"classes": k, "tau": τ}}`. Unknown extra keys are ignored. This is the one
/// parser of the format: the `relax` tool, the fixture checker and the module all use it.
extension HardLogicGateNetwork {
    public static let formatName = "logic-gate-network/1"

    /// Parses a model from a JSON value (the package's one JSON layer, module `JSON`).
    public static func parse(_ v: JSONValue) throws(LogicModelFormatError) -> HardLogicGateNetwork {
        guard case .object = v else { throw .wrongType(key: "", expected: "an object", found: v.kindName) }
        guard let formatValue = v["format"] else { throw .missingKey("format") }
        guard let format = formatValue.stringValue else { throw .wrongType(key: "format", expected: "a string", found: formatValue.kindName) }
        guard format == formatName else { throw .unsupportedFormat(format) }
        func int(_ value: JSONValue?, _ key: String) throws(LogicModelFormatError) -> Int {
            guard let value else { throw .missingKey(key) }
            guard case .integer(let i) = value else { throw .wrongType(key: key, expected: "an integer", found: value.kindName) }
            return i
        }
        func ints(_ value: JSONValue?, _ key: String) throws(LogicModelFormatError) -> [Int] {
            guard let value else { throw .missingKey(key) }
            guard let items = value.arrayValue else { throw .wrongType(key: key, expected: "an array of integers", found: value.kindName) }
            var out: [Int] = []
            out.reserveCapacity(items.count)
            for (i, item) in items.enumerated() { out.append(try int(item, "\(key)[\(i)]")) }
            return out
        }
        let inputBits = try int(v["input_bits"], "input_bits")
        guard let layersValue = v["layers"] else { throw .missingKey("layers") }
        guard let layerValues = layersValue.arrayValue else { throw .wrongType(key: "layers", expected: "an array", found: layersValue.kindName) }
        var layers: [(a: [Int], b: [Int], gates: [Int])] = []
        for (l, layer) in layerValues.enumerated() {
            guard case .object = layer else { throw .wrongType(key: "layers[\(l)]", expected: "an object", found: layer.kindName) }
            layers.append((try ints(layer["a"], "layers[\(l)].a"), try ints(layer["b"], "layers[\(l)].b"), try ints(layer["gates"], "layers[\(l)].gates")))
        }
        guard let groupSum = v["group_sum"] else { throw .missingKey("group_sum") }
        guard case .object = groupSum else { throw .wrongType(key: "group_sum", expected: "an object", found: groupSum.kindName) }
        let classes = try int(groupSum["classes"], "group_sum.classes")
        guard let tauValue = groupSum["tau"] else { throw .missingKey("group_sum.tau") }
        let tau: Double
        switch tauValue {
        case .integer(let i): tau = Double(i)
        case .number(let d): tau = d
        default: throw .wrongType(key: "group_sum.tau", expected: "a number", found: tauValue.kindName)
        }
        do {
            return try HardLogicGateNetwork(inputBits: inputBits, layers: layers, classes: classes, tau: tau)
        } catch { throw .invalidModel(error) }
    }

    /// Parses a model from JSON bytes. Every problem is a ``LogicNetworkError`` naming the key.
    public init(jsonData data: Data) throws(LogicNetworkError) {
        if data.count >= 2, data[data.startIndex] == 0x1F, data[data.startIndex + 1] == 0x8B {
            throw .malformedModel("the data is gzip-compressed; decompress it first (the `relax` tool and the fixture checker accept .json.gz)")
        }
        let value: JSONValue
        do { value = try JSONValue.parse([UInt8](data)) } catch { throw .malformedModel("not valid JSON (\(error.description))") }
        do { self = try Self.parse(value) } catch { throw error.networkError }
    }

    /// Reads a `.json` model file.
    public init(contentsOf url: URL) throws(LogicNetworkError) {
        try self.init(jsonData: LogicFiles.read(url.path))
    }

    /// The model as a JSON value (for embedding in fixtures).
    public var jsonValue: JSONValue {
        .object([
            "format": .string(Self.formatName),
            "input_bits": .integer(inputBits),
            "layers": .array(layers.map { layer in
                .object(["a": .array(layer.a.map(JSONValue.integer)), "b": .array(layer.b.map(JSONValue.integer)),
                         "gates": .array(layer.gates.map { .integer($0.id) })])
            }),
            "group_sum": .object(["classes": .integer(groupSum.classes), "tau": .double(groupSum.tau)]),
        ])
    }

    /// Compact JSON of the model (keys sorted).
    public func jsonData() -> Data { Data(jsonValue.serialized().utf8) }
}
