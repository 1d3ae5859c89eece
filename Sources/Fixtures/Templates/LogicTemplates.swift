import SortingNetworks

/// `logic-layer` templates: one relaxed layer of width `out_width` (param, default = input
/// width) on inputs in [0, 1], with a cotangent; plus saturated logits (one gate per neuron at
/// ±30), exact 0/1 inputs and neurons wired to the same input twice (`a == b`).
public enum LogicLayerTemplate: FixtureTemplateMaker {
    public static let method = "logic-layer"
    public static let outputs = ["y", "grad_x", "grad_logits"]
    public static let defaultSizes = [4, 16]
    public static let defaultParams: [String: JSONValue] = [:]
    public static let tolerance = FixtureTolerance.contractDefault

    public static func cases(sizes: [Int], options: TemplateOptions, params: [String: JSONValue], rng: inout SplitMix64) throws -> [JSONValue] {
        let b = options.batch
        func layer(_ name: String, n: Int, x: [Double]? = nil, logits: [Double]? = nil, sameWire: Bool = false) -> JSONValue {
            let m = n
            let a = rng.indices(m, below: n)
            let bWires = sameWire ? a : rng.indices(m, below: n)
            return templateCase(name, input: [
                "x": .tensor(x ?? rng.values(b * n, in: 0...1), shape: [b, n]),
                "a": .integers(a, shape: [m]), "b": .integers(bWires, shape: [m]),
                "logits": .tensor(logits ?? rng.values(m * 16, in: -2...2), shape: [m, 16]),
                "cotangent_y": .tensor(rng.values(b * m, in: -1...1), shape: [b, m]),
            ])
        }
        guard sizes.allSatisfy({ $0 >= 2 }) else { throw TemplateError("logic-layer needs input widths ≥ 2") }
        var cases = sizes.map { n in layer("in\(n)-random", n: n) }
        guard options.hardCases else { return cases }
        let n = sizes.max()!
        let saturated = (0..<n).flatMap { _ -> [Double] in
            let gate = Int.random(in: 0..<16, using: &rng)
            return (0..<16).map { $0 == gate ? 30 : -30 }
        }
        cases.append(layer("in\(n)-saturated-logits", n: n, logits: saturated))
        cases.append(layer("in\(n)-binary-inputs", n: n, x: rng.indices(b * n, below: 2).map(Double.init)))
        cases.append(layer("in\(n)-same-input-twice", n: n, sameWire: true))
        return cases
    }
}

/// `logic-network` templates: a random discrete `logic-gate-network/1` model (two layers, every
/// gate id, `classes` param default 2) on 0/1 inputs; plus all-zero and all-one inputs.
public enum LogicNetworkTemplate: FixtureTemplateMaker {
    public static let method = "logic-network"
    public static let outputs = ["counts", "predictions"]
    public static let defaultSizes = [8, 24]
    public static let defaultParams: [String: JSONValue] = [:]
    public static let tolerance = FixtureTolerance.contractDefault

    public static func cases(sizes: [Int], options: TemplateOptions, params: [String: JSONValue], rng: inout SplitMix64) throws -> [JSONValue] {
        let classes = 2
        let b = options.batch
        func model(_ n: Int) -> JSONValue {
            let widths = [max(2, n), classes * max(2, n / 2)]
            var previous = n
            let layers: [JSONValue] = widths.map { w in
                defer { previous = w }
                return .object([
                    "a": .integers(rng.indices(w, below: previous), shape: [w]),
                    "b": .integers(rng.indices(w, below: previous), shape: [w]),
                    "gates": .integers(rng.indices(w, below: 16), shape: [w]),
                ])
            }
            return .object([
                "format": .string("logic-gate-network/1"), "input_bits": .integer(n), "layers": .array(layers),
                "group_sum": .object(["classes": .integer(classes), "tau": .number(1)]),
            ])
        }
        var cases = sizes.map { n in
            templateCase("in\(n)-random", input: ["model": model(n), "x": .integers(rng.indices(b * n, below: 2), shape: [b, n])])
        }
        guard options.hardCases else { return cases }
        let n = sizes.max()!
        let extremes = (0..<2).flatMap { v in [Int](repeating: v, count: n) }
        cases.append(templateCase("in\(n)-all-zero-and-all-one", input: ["model": model(n), "x": .integers(extremes, shape: [2, n])]))
        return cases
    }
}
