import SortingNetworks

/// Options of `relax fixtures template`, shared by every method's template maker.
public struct TemplateOptions: Sendable {
    /// Problem sizes (`n` for sort/top-k, input width for the logic methods); `nil`: the
    /// method's defaults.
    public var sizes: [Int]?
    /// Rows per case (samples of a batch).
    public var batch: Int
    /// Seed of the package's `SplitMix64`; the same seed writes the same template.
    public var seed: UInt64
    /// Add the hard cases this package knows (ties, n = 22 bitonic, large magnitudes, saturated logits).
    public var hardCases: Bool
    /// File-level params overriding the method's defaults (`--param key=value`).
    public var params: [String: JSONValue]

    public init(sizes: [Int]? = nil, batch: Int = 2, seed: UInt64 = 0, hardCases: Bool = true, params: [String: JSONValue] = [:]) {
        self.sizes = sizes
        self.batch = batch
        self.seed = seed
        self.hardCases = hardCases
        self.params = params
    }
}

/// A bad template request (unknown method, a size the method cannot take, a bad param).
public struct TemplateError: Error, Equatable, Sendable, CustomStringConvertible {
    public let description: String
    public init(_ description: String) { self.description = description }
}

/// Writes the cases of one fixture method as a *template*: inputs and params, no expected values.
///
/// To add a method (e.g. `algorithm`): write a type conforming to this
/// protocol next to the method's checker and add it to ``FixtureTemplates/makers``. The
/// template document, options and the Python helper are shared.
public protocol FixtureTemplateMaker: SendableMetatype {
    /// The contract's method name.
    static var method: String { get }
    /// The keys a conformant implementation should write under `expected`.
    static var outputs: [String] { get }
    static var defaultSizes: [Int] { get }
    /// File-level params (the user's `--param` values override them).
    static var defaultParams: [String: JSONValue] { get }
    static var tolerance: FixtureTolerance { get }
    /// The cases: `{"name", "params"?, "input"}` objects, no `expected`.
    static func cases(sizes: [Int], options: TemplateOptions, params: [String: JSONValue], rng: inout SplitMix64) throws -> [JSONValue]
}

/// The template makers `relax fixtures template` knows, and the template document.
public enum FixtureTemplates {
    public static let makers: [any FixtureTemplateMaker.Type] = [
        SortTemplate.self, TopKLossTemplate.self, LogicLayerTemplate.self, LogicNetworkTemplate.self, RenderSilhouetteTemplate.self,
        AlgorithmTemplate.self,
    ]

    public static func maker(_ method: String) -> (any FixtureTemplateMaker.Type)? { makers.first { $0.method == method } }

    /// The whole template document for `method`.
    /// Throws ``TemplateError``.
    public static func document(method: String, options: TemplateOptions) throws -> JSONValue {
        guard let maker = maker(method) else {
            throw TemplateError("unknown method '\(method)'; templates exist for: \(makers.map { $0.method }.joined(separator: ", "))")
        }
        return try maker.templateDocument(options: options)
    }

}

extension FixtureTemplateMaker {
    /// The template document of this method.
    public static func templateDocument(options: TemplateOptions) throws -> JSONValue {
        typealias M = Self
        guard options.batch >= 1, options.batch <= 4096 else { throw TemplateError("--batch must be in 1…4096, got \(options.batch)") }
        let sizes = options.sizes ?? M.defaultSizes
        guard !sizes.isEmpty, sizes.allSatisfy({ $0 >= 1 && $0 <= 4096 }) else { throw TemplateError("--sizes must be integers in 1…4096") }
        var params = M.defaultParams
        for (key, value) in options.params { params[key] = value }
        var rng = SplitMix64(seed: options.seed)
        let cases = try M.cases(sizes: sizes, options: options, params: params, rng: &rng)
        let instructions = "A template: for every case compute the outputs listed here from its params (file params overridden by case params) and input, and store them under the case's \"expected\" (tools/python/relaxations_conformance.py does this). Then `relax check FILE` compares them with every implementation of this package."
        let template: [String: JSONValue] = ["outputs": .array(M.outputs.map { .string($0) }), "instructions": .string(instructions)]
        let source: [String: JSONValue] = [
            "generator": .string("relax fixtures template --method \(M.method)"),
            "seed": .integer(Int(truncatingIfNeeded: options.seed)),
            "package": .string("FILL IN: your implementation"),
        ]
        let document: [String: JSONValue] = [
            "format": .string(FixtureChecker.format),
            "method": .string(M.method),
            "template": .object(template),
            "source": .object(source),
            "dtype": .string("float64"),
            "tolerance": .object(["abs": .number(M.tolerance.abs), "rel": .number(M.tolerance.rel)]),
            "params": .object(params),
            "cases": .array(cases),
        ]
        return .object(document)
    }
}

extension SplitMix64 {
    /// `count` doubles uniform in `range`, rounded to 2⁻²⁰ so that they print exactly and short.
    mutating func values(_ count: Int, in range: ClosedRange<Double>) -> [Double] {
        (0..<count).map { _ in (Double.random(in: range, using: &self) * 1_048_576).rounded() / 1_048_576 }
    }

    mutating func indices(_ count: Int, below bound: Int) -> [Int] { (0..<count).map { _ in Int.random(in: 0..<bound, using: &self) } }
}

/// A case object.
func templateCase(_ name: String, params: [String: JSONValue] = [:], input: [String: JSONValue]) -> JSONValue {
    var fields: [String: JSONValue] = ["name": .string(name), "input": .object(input)]
    if !params.isEmpty { fields["params"] = .object(params) }
    return .object(fields)
}
