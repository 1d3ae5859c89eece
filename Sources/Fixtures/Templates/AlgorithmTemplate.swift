import AlgorithmicSupervision
import SortingNetworks

/// `algorithm` templates (relaxed programs, arXiv 2110.05651): per size s, a relaxed bubble sort
/// of s values and a relaxed shortest path on an s × s grid (`For` traceback, probabilistic
/// t-conorm, the authors' example), each with cotangents; plus ties and a hard-mode sort, the
/// `While` traceback with the Hamacher and Yager t-conorms, an edit distance over letter
/// distributions and the counter loop. The template lists every program's outputs; a case
/// produces those of its `algorithm` (the helper's "omit outputs you do not implement").
public enum AlgorithmTemplate: FixtureTemplateMaker {
    public static let method = "algorithm"
    public static var outputs: [String] {
        var keys: [String] = []
        for p in AlgorithmProgram.allCases { keys += p.outputs + p.inputs.map { "grad_" + $0 } }
        return keys
    }
    public static let defaultSizes = [4, 6]
    public static let defaultParams: [String: JSONValue] = ["beta": .number(8), "epsilon": .number(1e-5), "max_iter": .integer(1024)]
    /// The tolerance of the committed AlgoVision fixtures (float64 autograd, matched by both implementations).
    public static let tolerance = FixtureTolerance(abs: 1e-12, rel: 1e-9)

    public static func cases(sizes: [Int], options: TemplateOptions, params: [String: JSONValue], rng: inout SplitMix64) throws -> [JSONValue] {
        guard sizes.allSatisfy({ $0 >= 2 && $0 <= 32 }) else { throw TemplateError("algorithm sizes (values sorted, grid side) must be in 2…32") }
        let B = options.batch
        func sort(_ n: Int, _ values: [Double], rows: Int) -> [String: JSONValue] {
            ["array": .tensor(values, shape: [rows, n]), "cotangent_array": .tensor(rng.values(rows * n, in: -1...1), shape: [rows, n]),
             "cotangent_loss_sum": .tensor(rng.values(rows, in: -1...1), shape: [rows])]
        }
        func grid(_ s: Int, rows: Int) -> [String: JSONValue] {
            ["cost": .tensor(rng.values(rows * s * s, in: 0.2...1.2), shape: [rows, s, s]),
             "cotangent_path": .tensor(rng.values(rows * s * s, in: -1...1), shape: [rows, s, s])]
        }
        let bubble: [String: JSONValue] = ["algorithm": .string("bubble_sort")]
        func path(_ s: Int, _ extra: [String: JSONValue] = [:]) -> [String: JSONValue] {
            ["algorithm": .string("shortest_path"), "beta": .number(10), "iterations": .integer(2 * s),
             "tconorm": .string("probabilistic"), "traceback": .string("for")].merging(extra) { $1 }
        }
        var cases: [JSONValue] = []
        for s in sizes {
            cases.append(templateCase("bubble-sort-n\(s)", params: bubble, input: sort(s, rng.values(B * s, in: -3...3), rows: B)))
            cases.append(templateCase("shortest-path-\(s)x\(s)", params: path(s), input: grid(s, rows: B)))
        }
        guard options.hardCases else { return cases }
        let s = sizes.max()!
        cases.append(templateCase("bubble-sort-ties-n5", params: bubble, input: sort(5, [1, 0.5, 1, -2, 0.5, 3, 3, 3, 3, 3], rows: 2)))
        cases.append(templateCase("bubble-sort-hard-n\(s)", params: bubble.merging(["hard": .bool(true)]) { $1 },
                                  input: sort(s, rng.values(2 * s, in: -3...3), rows: 2)))
        cases.append(templateCase("shortest-path-while-hamacher-\(s)x\(s)",
                                  params: path(s, ["traceback": .string("while"), "tconorm": .string("hamacher"), "tconorm_parameter": .number(2)]),
                                  input: grid(s, rows: 2)))
        cases.append(templateCase("shortest-path-yager-\(s)x\(s)", params: path(s, ["tconorm": .string("yager")]), input: grid(s, rows: 2)))
        let (n, m, K) = (3, 4, 3)
        func letters(_ count: Int) -> JSONValue {
            let raw = rng.values(2 * count * K, in: 0.05...1)
            var p: [Double] = []
            for i in 0..<(2 * count) {
                let row = raw[(i * K)..<((i + 1) * K)], total = row.reduce(0, +)
                p += row.map { $0 / total }
            }
            return .tensor(p, shape: [2, count, K])
        }
        cases.append(templateCase("edit-distance-3-4", params: ["algorithm": .string("edit_distance"), "beta": .number(5)],
                                  input: ["a": letters(n), "b": letters(m), "cotangent_distance": .tensor(rng.values(2, in: -1...1), shape: [2])]))
        cases.append(templateCase("counter", params: ["algorithm": .string("counter"), "beta": .number(2), "limit": .number(3)],
                                  input: ["start": .tensor(rng.values(3, in: -1...4), shape: [3]), "cotangent_x": .tensor(rng.values(3, in: -1...1), shape: [3])]))
        return cases
    }
}
