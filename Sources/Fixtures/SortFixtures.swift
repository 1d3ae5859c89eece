import SortingNetworks

/// Checker of the contract method `sort` (fixtures/README.md, "`sort` — relaxed sorting network").
///
/// * params: `network` (`bitonic` | `odd_even`, required), `construction` (`authors` default |
///   `valid`), `n` (optional; must equal the width of `x` if given), `distribution` (default
///   `cauchy`), `steepness` (default 10), `art_lambda` (default 0.25) — the defaults of the
///   authors' diffsort 0.2.0.
/// * input: `x` `[B][n]`; optional `cotangent_y` `[B][n]`, `cotangent_p` `[B][n][n]`.
/// * expected: `y` `[B][n]`, `p` `[B][n][n]` (`p[b][j][i]` = weight of input `j` at output
///   position `i`), `grad_x` `[B][n]` (needs at least one cotangent).
///
/// Evaluated with every `SortingImplementation` in Double, or in Float when the file's `dtype` is
/// `"float32"` (inputs must then be float32 values; other dtypes are an error).
public enum SortFixtures: FixtureMethod {
    public static let name = "sort"
    public static var implementations: [String] { SortingImplementation.allCases.map(\.rawValue) }
    public static let outputKeys: Set<String> = ["y", "p", "grad_x"]

    /// The sorter configuration a case asks for.
    public static func configuration(_ c: FixtureCase) throws(FixtureError) -> SortConfiguration {
        SortConfiguration(
            network: try c.enumParam("network"),
            construction: try c.enumParam("construction", default: SortingNetwork.Construction.authors),
            family: try c.enumParam("distribution", default: SigmoidFamily.cauchy),
            steepness: try c.doubleParam("steepness", default: 10),
            artLambda: try c.doubleParam("art_lambda", default: 0.25))
    }

    public static func evaluate(_ c: FixtureCase, implementation: String) throws -> [String: FixtureTensor] {
        guard let impl = SortingImplementation(rawValue: implementation) else {
            throw FixtureError.unknownImplementation(c.location(), implementation: implementation, known: implementations)
        }
        let configuration = try configuration(c)
        let x = try c.input("x", shape: [nil, nil])
        let (batch, n) = (x.shape[0], x.shape[1])
        if c.param("n") != nil {
            let declared = try c.intParam("n")
            guard declared == n else {
                throw FixtureError.wrongShape(c.location("input.x"), expected: FixtureTensor.describe([nil, declared]) + " (params.n = \(declared))", found: x.shape)
            }
        }
        guard n >= 1 else { throw FixtureError.invalidValue(c.location("input.x"), reason: "rows must have n ≥ 1 elements") }
        try c.checkLimits(
            n: n, batch: batch,
            estimatedBytes: configuration.estimatedWorkingBytes(n: n, batch: batch, computeP: true, implementation: impl), key: "input.x")
        let cotangentY = try c.optionalInput("cotangent_y", shape: [batch, n])
        let cotangentP = try c.optionalInput("cotangent_p", shape: [batch, n, n])
        let sorter = try impl.makeSorter(n: n, configuration: configuration)
        switch c.dtype {
        case "float64":
            return try run(Double.self, sorter, c, x: x, cotangentY: cotangentY, cotangentP: cotangentP)
        case "float32":
            for (key, t) in [("x", x), ("cotangent_y", cotangentY), ("cotangent_p", cotangentP)] {
                guard let t else { continue }
                if let k = t.values.firstIndex(where: { Double(Float($0)) != $0 }) {
                    throw FixtureError.invalidValue(c.location("input.\(key)"), reason: "dtype float32, but flat entry \(k) = \(t.values[k]) is not a float32 value")
                }
            }
            return try run(Float.self, sorter, c, x: x, cotangentY: cotangentY, cotangentP: cotangentP)
        default:
            throw FixtureError.invalidValue(c.location("dtype"), reason: "method sort supports dtype \"float64\" and \"float32\", not \"\(c.dtype)\"")
        }
    }

    static func run<T: SortScalar>(
        _: T.Type, _ sorter: any RelaxedSorter, _ c: FixtureCase,
        x: FixtureTensor, cotangentY: FixtureTensor?, cotangentP: FixtureTensor?
    ) throws -> [String: FixtureTensor] {
        let (batch, n) = (x.shape[0], x.shape[1])
        let convert = { (t: FixtureTensor) -> [T] in t.values.map { T($0) } }
        let wantP = c.wants("p")
        var outputs: [String: FixtureTensor] = [:]
        let output: SortOutput<T>
        if c.wants("grad_x") {
            guard cotangentY != nil || cotangentP != nil else {
                throw FixtureError.missingKey(c.location("input.cotangent_y"))
                    .explained("expected.grad_x needs input.cotangent_y and/or input.cotangent_p")
            }
            let g = try sorter.gradient(convert(x), cotangentY: cotangentY.map(convert), cotangentP: cotangentP.map(convert), computeP: wantP)
            outputs["grad_x"] = FixtureTensor(g.gradX, shape: [batch, n])
            output = g.output
        } else {
            output = try sorter.sort(convert(x), computeP: wantP)
        }
        outputs["y"] = FixtureTensor(output.y, shape: [batch, n])
        if wantP, let p = output.p { outputs["p"] = FixtureTensor(p, shape: [batch, n, n]) }
        return outputs
    }
}

extension FixtureError {
    /// Turns a missing-key error into an invalid-value error with an explanation.
    func explained(_ reason: String) -> FixtureError {
        .invalidValue(location, reason: reason)
    }
}
