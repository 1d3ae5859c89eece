import InputLimits
import LogicGateNetworks

/// Checker of the `logic-layer` fixture method (fixtures/README.md): one relaxed logic gate layer in
/// training mode — `y`, `grad_x`, `grad_logits` for inputs `x`, wiring `a`, `b`, `logits`.
public enum LogicLayerFixtures: FixtureMethod {
    public static let name = "logic-layer"
    public static var implementations: [String] { LogicImplementation.allCases.map(\.rawValue) }
    public static let outputKeys: Set<String> = ["y", "grad_x", "grad_logits"]

    public static func evaluate(_ c: FixtureCase, implementation: String) throws -> [String: FixtureTensor] {
        guard let impl = LogicImplementation(rawValue: implementation) else {
            throw FixtureError.unknownImplementation(c.location(), implementation: implementation, known: implementations)
        }
        let x = try c.input("x", shape: [nil, nil])
        let (B, n) = (x.shape[0], x.shape[1])
        let a = try c.integerInput("a", shape: [nil])
        // Sizes from the file (a zero-row x still claims its width n) are checked before use.
        guard n <= Limits.current.maxArrayElements, a.count <= Limits.current.maxArrayElements else {
            throw FixtureError.invalidValue(c.location("input.x"), reason: LimitError(
                quantity: .arrayElements, what: "layer widths \(n) → \(a.count)", value: max(n, a.count), limit: Limits.current.maxArrayElements).description)
        }
        try c.checkLimits(n: 0, batch: B, estimatedBytes: 8 * 4 * (B * n + B * a.count), key: "input.x")
        let m = a.count
        let b = try c.integerInput("b", shape: [m])
        let logits = try c.input("logits", shape: [m, 16])
        for (key, idx) in [("a", a), ("b", b)] {
            if let bad = idx.firstIndex(where: { !(0..<n).contains($0) }) {
                throw FixtureError.invalidValue(c.location("input.\(key)"), reason: "index \(idx[bad]) at position \(bad) is outside 0..<\(n)")
            }
        }
        guard x.values.allSatisfy({ $0.isFinite }) else { throw FixtureError.invalidValue(c.location("input.x"), reason: "non-finite value") }
        guard logits.values.allSatisfy({ $0.isFinite }) else {
            throw FixtureError.invalidValue(c.location("input.logits"), reason: "non-finite value")
        }
        let layer = try LogicLayer<Double>(inputWidth: n, a: a, b: b, logits: logits.values)
        let engine = impl.implementation
        var out: [String: FixtureTensor] = [:]
        if c.wants("y") { out["y"] = FixtureTensor(engine.layerForward(layer, x: x.values, batch: B), shape: [B, m]) }
        if c.wants("grad_x") || c.wants("grad_logits") {
            guard let cot = try c.optionalInput("cotangent_y", shape: [B, m]) else { throw FixtureError.missingKey(c.location("input.cotangent_y")) }
            let (gx, gz) = engine.layerBackward(layer, x: x.values, batch: B, cotangentY: cot.values)
            out["grad_x"] = FixtureTensor(gx, shape: [B, n])
            out["grad_logits"] = FixtureTensor(gz, shape: [m, 16])
        }
        return out
    }
}

/// Checker of the `logic-network` fixture method: a discrete `logic-gate-network/1` model (inline
/// or `{"file": …}`, `.json.gz` allowed) on 0/1 inputs → `counts` and `predictions`, exactly.
public enum LogicNetworkFixtures: FixtureMethod {
    public static let name = "logic-network"
    public static var implementations: [String] { LogicImplementation.allCases.map(\.rawValue) }
    public static let outputKeys: Set<String> = ["counts", "predictions"]

    public static func evaluate(_ c: FixtureCase, implementation: String) throws -> [String: FixtureTensor] {
        guard let impl = LogicImplementation(rawValue: implementation) else {
            throw FixtureError.unknownImplementation(c.location(), implementation: implementation, known: implementations)
        }
        var modelValue = try c.inputValue("model")
        if let file = modelValue["file"]?.stringValue { modelValue = try c.readJSONFile(file, key: "input.model") }
        let net = try model(modelValue, c)
        let x = try c.input("x", shape: [nil, net.inputBits])
        var bits: [UInt8] = []
        bits.reserveCapacity(x.count)
        for (i, v) in x.values.enumerated() {
            guard v == 0 || v == 1 else {
                throw FixtureError.invalidValue(c.location("input.x"), reason: "sample \(i / net.inputBits), feature \(i % net.inputBits): \(v) is not 0 or 1")
            }
            bits.append(v == 1 ? 1 : 0)
        }
        let B = x.shape[0]
        let counts = try impl.implementation.counts(net, inputs: bits)
        return [
            "counts": FixtureTensor(integers: counts, shape: [B, net.classes]),
            "predictions": FixtureTensor(integers: logicPredictions(counts: counts, classes: net.classes), shape: [B]),
        ]
    }

    /// Parses a `logic-gate-network/1` object with the format's one parser
    /// (`HardLogicGateNetwork.parse`); a structural problem is a `FixtureError` naming the key
    /// (`input.model.layers[0].a`), inconsistent content (indices, gate ids, widths) the model's
    /// own clear error.
    static func model(_ v: JSONValue, _ c: FixtureCase) throws -> HardLogicGateNetwork {
        do {
            return try HardLogicGateNetwork.parse(v)
        } catch {
            func loc(_ key: String) -> FixtureLocation { c.location(key.isEmpty ? "input.model" : "input.model.\(key)") }
            switch error {
            case .missingKey(let key): throw FixtureError.missingKey(loc(key))
            case let .wrongType(key, expected, found): throw FixtureError.wrongType(loc(key), expected: expected, found: found)
            case .unsupportedFormat(let format): throw LogicNetworkError.unsupportedFormat(format)
            case .invalidModel(let modelError): throw modelError
            }
        }
    }
}
