import RealModule

/// A batched array without a tape: what programs take and return.
public struct Batched<T>: Sendable where T: Sendable {
    public var shape: [Int]
    public var values: [T]
    public init(shape: [Int], values: [T]) {
        self.shape = shape
        self.values = values
    }
}

/// What a `While` did in one run.
public struct WhileReport: Sendable, Equatable {
    /// Body executions.
    public var iterations: Int
    /// The largest continue-probability still left when the loop stopped (its mass went to the
    /// last state).
    public var remainingMass: Double
    /// Whether the loop stopped because of `max_iter` rather than ε.
    public var reachedMaxIterations: Bool

    public init(iterations: Int, remainingMass: Double, reachedMaxIterations: Bool) {
        self.iterations = iterations
        self.remainingMass = remainingMass
        self.reachedMaxIterations = reachedMaxIterations
    }
}

/// The result of a program run: outputs in declaration order, input gradients (for the given
/// cotangents), and one report per executed `While`.
public struct ProgramRun<T: Sendable>: Sendable {
    public var outputs: [String: Batched<T>]
    public var gradients: [String: Batched<T>]
    public var whileReports: [WhileReport]
}

/// A relaxed program (arXiv 2110.05651, §3): declarations, statements and hyperparameters.
///
///     let p = try Program<Double>(beta: 1.25) {
///         Input("start")
///         Var("x", 0)
///         Let("x", "start")
///         While(LT("x", 5)) { Let("x") { s in try s["x"] + 1 } }
///         Output("x")
///     }
public struct Program<T: AlgebraicField & Comparable> {
    public let inputs: [String]
    public let variables: [(String, VariableInitializer<T>)]
    public let integers: [(String, (any IntegerReader) throws -> Int)]
    public let outputs: [String]
    /// The statements with every hyperparameter resolved.
    public let statements: [Statement<T>]
    public let hyperparameters: Hyperparameters<T>

    /// Collects declarations (by kind) and statements (in order), checks names, and propagates
    /// the hyperparameters (defaults of the authors' package: β = 10, ε = 1e-5,
    /// max_iter = 1024, hard = false).
    public init(beta: T = 10, epsilon: T = 1 / 100_000, maxIterations: Int = 1024, hard: Bool = false,
                @ProgramBuilder<T> _ body: () -> [ProgramElement<T>]) throws(AlgorithmError) {
        var inputs: [String] = [], variables: [(String, VariableInitializer<T>)] = []
        var integers: [(String, (any IntegerReader) throws -> Int)] = [], outputs: [String] = [], statements: [Statement<T>] = []
        for e in body() {
            switch e {
            case .input(let n): inputs.append(n)
            case .variable(let n, let i): variables.append((n, i))
            case .integer(let n, let f): integers.append((n, f))
            case .output(let n): outputs.append(n)
            case .statement(let s): statements.append(s)
            }
        }
        var seen = Set<String>()
        for n in inputs + variables.map(\.0) + integers.map(\.0) {
            guard Self.isIdentifier(n) else { throw .invalidParameter(name: n, reason: "not an identifier [_a-zA-Z][_a-zA-Z0-9]*") }
            guard seen.insert(n).inserted else { throw .duplicateDeclaration(n) }
        }
        guard !inputs.isEmpty else { throw .empty(what: "a program needs at least one Input") }
        guard !outputs.isEmpty else { throw .empty(what: "a program needs at least one Output") }
        for o in outputs where !seen.contains(o) { throw .undeclaredVariable(o) }
        let reals = Set(inputs + variables.map(\.0)), ints = Set(integers.map(\.0))
        try Self.checkTargets(statements, reals: reals, ints: ints)
        guard maxIterations >= 0 else { throw .invalidParameter(name: "max_iter", reason: "must be ≥ 0") }
        let h = Hyperparameters(beta: beta, epsilon: epsilon, maxIterations: maxIterations, hard: hard)
        self.inputs = inputs
        self.variables = variables
        self.integers = integers
        self.outputs = outputs
        self.hyperparameters = h
        self.statements = statements.map { $0.resolved(h) }
    }

    static func isIdentifier(_ s: String) -> Bool {
        guard let f = s.unicodeScalars.first, f == "_" || (f.isASCII && f.properties.isAlphabetic) else { return false }
        return s.unicodeScalars.allSatisfy { $0 == "_" || ($0.isASCII && ($0.properties.isAlphabetic || ("0"..."9").contains($0))) }
    }

    /// Static check: every assignment target is a declared variable of the right kind.
    static func checkTargets(_ statements: [Statement<T>], reals: Set<String>, ints: Set<String>) throws(AlgorithmError) {
        for s in statements {
            switch s {
            case .assign(let x, _), .write(let x, _, _), .weightedWrite(let x, _, _):
                guard reals.contains(x) else { throw .undeclaredVariable(x) }
            case .assignMany(let xs, _):
                for x in xs where !reals.contains(x) { throw .undeclaredVariable(x) }
            case .setInteger(let n, _):
                guard ints.contains(n) else { throw .undeclaredVariable(n) }
            case .print: break
            case .branch(_, let t, let f, _):
                try checkTargets(t, reals: reals, ints: ints)
                try checkTargets(f, reals: reals, ints: ints)
            case .loop(_, let body, _): try checkTargets(body, reals: reals, ints: ints)
            case .forEach(let v, _, let body):
                guard !reals.contains(v), !ints.contains(v) else { throw .duplicateDeclaration(v) }
                try checkTargets(body, reals: reals, ints: ints.union([v]))
            }
        }
    }
}
