import AlgorithmicSupervision

/// Checker of the contract method `algorithm` (fixtures.md, "`algorithm` — a relaxed
/// algorithm"; arXiv 2110.05651 and the authors' AlgoVision package).
///
/// * params: `algorithm` (`bubble_sort`, `shortest_path`, `edit_distance`, `counter`;
///   required), `beta` (default 10), `epsilon` (1e-5), `max_iter` (1024), `hard` (false, a
///   project extension); `shortest_path`: `iterations` (default H + W), `tconorm`
///   (`probabilistic` | `hamacher` | `yager`), `tconorm_parameter`, `traceback` (`for` |
///   `while`), `infinity` (1e12); `counter`: `limit` (5). Unknown keys are ignored.
/// * input: the program's inputs (`array`, `cost`, `a` and `b`, `start`), each batch first,
///   optional `cotangent_<output>`.
/// * expected: the outputs (`array`, `loss_sum`, `path`, `distance`, `x`) and `grad_<input>`.
///
/// A case's batch is one run, so the batch-wide ε rules of `If` and `While` apply to it.
public enum AlgorithmFixtures: FixtureMethod {
    public static let name = "algorithm"
    public static var implementations: [String] { AlgorithmImplementation.allCases.map(\.rawValue) }
    public static var outputKeys: Set<String> {
        var keys = Set<String>()
        for p in AlgorithmProgram.allCases {
            keys.formUnion(p.outputs)
            keys.formUnion(p.inputs.map { "grad_" + $0 })
        }
        return keys
    }

    /// The program and parameters a case asks for.
    public static func configuration(_ c: FixtureCase) throws(FixtureError) -> (AlgorithmProgram, AlgorithmParameters) {
        let program: AlgorithmProgram = try c.enumParam("algorithm")
        var p = AlgorithmParameters()
        p.beta = try c.doubleParam("beta", default: 10)
        p.epsilon = try c.doubleParam("epsilon", default: 1e-5)
        p.maxIterations = try c.intParam("max_iter", default: 1024)
        p.hard = try c.boolParam("hard", default: false)
        if program == .shortestPath {
            p.iterations = c.param("iterations") == nil ? nil : try c.intParam("iterations")
            p.tconorm = try c.enumParam("tconorm", default: TConorm.probabilistic)
            if let v = c.param("tconorm_parameter"), v != .null { p.tconormParameter = try c.doubleParam("tconorm_parameter") }
            p.traceback = try c.enumParam("traceback", default: Traceback.for)
            p.infinity = try c.doubleParam("infinity", default: 1e12)
        }
        if program == .counter { p.limit = try c.doubleParam("limit", default: 5) }
        do { try p.validate() } catch {
            if case .invalidParameter(let name, let reason) = error {
                throw FixtureError.invalidValue(c.location("params.\(name)"), reason: reason)
            }
            throw FixtureError.invalidValue(c.location("params"), reason: error.description)
        }
        return (program, p)
    }

    public static func evaluate(_ c: FixtureCase, implementation: String) throws -> [String: FixtureTensor] {
        guard let impl = AlgorithmImplementation(rawValue: implementation) else {
            throw FixtureError.unknownImplementation(c.location(), implementation: implementation, known: implementations)
        }
        guard c.dtype == "float64" else {
            throw FixtureError.invalidValue(c.location("dtype"), reason: "method algorithm supports dtype \"float64\", not \"\(c.dtype)\"")
        }
        let (program, parameters) = try configuration(c)
        var inputs: [String: Batched<Double>] = [:]
        for (name, rank) in zip(program.inputs, program.inputRanks) {
            let t = try c.input(name, shape: Array(repeating: nil, count: rank))
            inputs[name] = Batched(shape: t.shape, values: t.values)
        }
        var cotangents: [String: [Double]] = [:]
        for name in program.outputs {
            if let t = try c.optionalInput("cotangent_" + name) { cotangents[name] = t.values }
        }
        let wantsGradient = program.inputs.contains { c.wants("grad_" + $0) }
        if wantsGradient, cotangents.isEmpty {
            throw FixtureError.invalidValue(c.location("input"), reason: "expected grad_* needs at least one cotangent_<output> (\(program.outputs.map { "cotangent_" + $0 }.joined(separator: ", ")))")
        }
        let result = try impl.runner.run(program, inputs: inputs, cotangents: wantsGradient ? cotangents : [:], parameters: parameters)
        var out: [String: FixtureTensor] = [:]
        for (name, v) in result.outputs { out[name] = FixtureTensor(v.values, shape: v.shape) }
        for (name, g) in result.gradients { out["grad_" + name] = FixtureTensor(g.values, shape: g.shape) }
        return out
    }
}
