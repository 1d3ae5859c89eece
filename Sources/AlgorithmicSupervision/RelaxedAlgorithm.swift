/// The programs shipped with the library (the `algorithm` fixture method names them).
public enum AlgorithmProgram: String, CaseIterable, Sendable {
    case bubbleSort = "bubble_sort"
    case shortestPath = "shortest_path"
    case editDistance = "edit_distance"
    case counter

    /// Input names in call order.
    public var inputs: [String] {
        switch self {
        case .bubbleSort: ["array"]
        case .shortestPath: ["cost"]
        case .editDistance: ["a", "b"]
        case .counter: ["start"]
        }
    }

    /// Output names in declaration order.
    public var outputs: [String] {
        switch self {
        case .bubbleSort: ["array", "loss_sum"]
        case .shortestPath: ["path"]
        case .editDistance: ["distance"]
        case .counter: ["x"]
        }
    }

    /// The rank (batch included) each input must have.
    public var inputRanks: [Int] {
        switch self {
        case .bubbleSort: [2]
        case .shortestPath: [3]
        case .editDistance: [3, 3]
        case .counter: [1]
        }
    }

    /// The rank (batch included) of each output, in the order of ``outputs``.
    public var outputRanks: [Int] {
        switch self {
        case .bubbleSort: [2, 1]
        case .shortestPath: [3]
        case .editDistance: [1]
        case .counter: [1]
        }
    }

    /// The program for `name`, or ``AlgorithmError/unknownProgram(_:known:)``.
    public static func named(_ name: String) throws(AlgorithmError) -> AlgorithmProgram {
        guard let p = AlgorithmProgram(rawValue: name) else { throw .unknownProgram(name, known: allCases.map(\.rawValue)) }
        return p
    }
}

/// The t-conorms for accumulating the relaxed shortest path (arXiv 2110.05651, §4.2).
public enum TConorm: String, CaseIterable, Sendable {
    /// `a + b − ab`.
    case probabilistic
    /// `(a + b + (q − 2)ab) / (1 + (q − 1)ab)`, `q ≥ 0` the parameter.
    case hamacher
    /// Yager with parameter 1: `min(1, a + b)`, written `1 − relu(1 − a − b)`.
    case yager

    public static func named(_ name: String) throws(AlgorithmError) -> TConorm {
        guard let t = TConorm(rawValue: name) else { throw .unknownTConorm(name, known: allCases.map(\.rawValue)) }
        return t
    }
}

/// How the relaxed shortest path traces the path back from the target.
public enum Traceback: String, CaseIterable, Sendable {
    /// `iterations` unrolled steps.
    case `for`
    /// A relaxed `While path[0,0] ≤ 1`.
    case `while`

    public static func named(_ name: String) throws(AlgorithmError) -> Traceback {
        guard let t = Traceback(rawValue: name) else { throw .unknownTraceback(name, known: allCases.map(\.rawValue)) }
        return t
    }
}

/// Hyperparameters and program parameters (defaults: the authors' package; `limit` 5 and
/// `iterations` = H + W for the examples).
public struct AlgorithmParameters: Sendable, Equatable {
    public var beta: Double = 10
    public var epsilon: Double = 1e-5
    public var maxIterations: Int = 1024
    /// Hard mode: `If` selects with `1[p > ½]`, soft min/arg-min become hard.
    public var hard: Bool = false
    /// Shortest path: Bellman–Ford sweeps and `For` traceback steps (`nil` = H + W).
    public var iterations: Int? = nil
    public var tconorm: TConorm = .probabilistic
    /// Hamacher's `q` (default 1); Yager's `p` must be 1.
    public var tconormParameter: Double? = nil
    public var traceback: Traceback = .for
    public var infinity: Double = 1e12
    /// Counter: the loop bound (`While x < limit`).
    public var limit: Double = 5

    public init() {}

    public func validate() throws(AlgorithmError) {
        guard beta.isFinite, beta > 0 else { throw .invalidParameter(name: "beta", reason: "must be finite and > 0, got \(beta)") }
        guard epsilon.isFinite, epsilon >= 0 else { throw .invalidParameter(name: "epsilon", reason: "must be finite and ≥ 0, got \(epsilon)") }
        guard maxIterations >= 0 else { throw .invalidParameter(name: "max_iter", reason: "must be ≥ 0") }
        if let iterations, iterations < 0 { throw .invalidParameter(name: "iterations", reason: "must be ≥ 0") }
        guard infinity.isFinite, infinity > 0 else { throw .invalidParameter(name: "infinity", reason: "must be finite and > 0") }
        guard limit.isFinite else { throw .invalidParameter(name: "limit", reason: "must be finite") }
        switch tconorm {
        case .hamacher:
            if let q = tconormParameter, !(q.isFinite && q >= 0) {
                throw .invalidParameter(name: "tconorm_parameter", reason: "Hamacher needs q ≥ 0, got \(q)")
            }
        case .yager:
            if let p = tconormParameter, p != 1 {
                throw .invalidParameter(name: "tconorm_parameter", reason: "only Yager with p = 1 is implemented, got \(p)")
            }
        case .probabilistic: break
        }
    }

    /// Hamacher's `q` with its default.
    public var hamacherQ: Double { tconormParameter ?? 1 }
}

/// A run's outputs, the input gradients for the given cotangents, and the loop reports.
public struct AlgorithmResult: Sendable {
    public var outputs: [String: Batched<Double>]
    public var gradients: [String: Batched<Double>]
    public var whileReports: [WhileReport]

    public init(outputs: [String: Batched<Double>], gradients: [String: Batched<Double>], whileReports: [WhileReport]) {
        self.outputs = outputs
        self.gradients = gradients
        self.whileReports = whileReports
    }
}

/// The contract both implementations fulfil: run a shipped program on a batch, return its
/// outputs and (for the cotangents given, keyed by output name) the input gradients.
public protocol RelaxedAlgorithmRunner: Sendable {
    func run(_ program: AlgorithmProgram, inputs: [String: Batched<Double>], cotangents: [String: [Double]],
             parameters: AlgorithmParameters) throws -> AlgorithmResult
}

/// The implementations of the relaxed programs; tests, fixtures and benchmarks iterate this.
public enum AlgorithmImplementation: String, CaseIterable, Sendable {
    /// The interpreter of the relaxed-program language running the programs as written.
    case reference
    /// Programs compiled by hand to straight-line code, SIMD across the batch (the shortest
    /// path's C kernel in its baseline x86-64 build).
    case optimized
    /// The same with the AVX2 + FMA build of the shortest-path C kernel where the CPU has
    /// them (checked at run time; otherwise the baseline build).
    case optimizedAVX2 = "optimized-avx2"

    public var runner: any RelaxedAlgorithmRunner {
        switch self {
        case .reference: ReferenceAlgorithmRunner()
        case .optimized: SIMDAlgorithmRunner()
        case .optimizedAVX2: SIMDAlgorithmRunner(avx2FMA: true)
        }
    }
}
