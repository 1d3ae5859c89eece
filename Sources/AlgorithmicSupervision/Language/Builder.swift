import RealModule

/// One line of a relaxed program: a declaration or a statement.
public enum ProgramElement<T: AlgebraicField & Comparable> {
    case input(String)
    case variable(String, VariableInitializer<T>)
    case integer(String, (any IntegerReader) throws -> Int)
    case output(String)
    case statement(Statement<T>)
}

/// How a `Var` starts: a constant given without the batch axis (repeated over the batch, no
/// gradient), or a function of the inputs and earlier variables (differentiable).
public enum VariableInitializer<T: AlgebraicField & Comparable> {
    case constant(values: [T], shape: [Int])
    case constantFunction((State<T>) throws -> (values: [T], shape: [Int]))
    case function((State<T>) throws -> Tensor<T>)
}

/// Builds programs and statement lists from Swift blocks.
@resultBuilder
public enum ProgramBuilder<T: AlgebraicField & Comparable> {
    public static func buildExpression(_ e: ProgramElement<T>) -> [ProgramElement<T>] { [e] }
    public static func buildExpression(_ s: Statement<T>) -> [ProgramElement<T>] { [.statement(s)] }
    public static func buildBlock(_ parts: [ProgramElement<T>]...) -> [ProgramElement<T>] { parts.flatMap { $0 } }
    public static func buildOptional(_ p: [ProgramElement<T>]?) -> [ProgramElement<T>] { p ?? [] }
    public static func buildEither(first p: [ProgramElement<T>]) -> [ProgramElement<T>] { p }
    public static func buildEither(second p: [ProgramElement<T>]) -> [ProgramElement<T>] { p }
    public static func buildArray(_ p: [[ProgramElement<T>]]) -> [ProgramElement<T>] { p.flatMap { $0 } }
}

/// Builds statement blocks (bodies of `If`, `While`, `For`).
@resultBuilder
public enum StatementBuilder<T: AlgebraicField & Comparable> {
    public static func buildExpression(_ s: Statement<T>) -> [Statement<T>] { [s] }
    public static func buildBlock(_ parts: [Statement<T>]...) -> [Statement<T>] { parts.flatMap { $0 } }
    public static func buildOptional(_ p: [Statement<T>]?) -> [Statement<T>] { p ?? [] }
    public static func buildEither(first p: [Statement<T>]) -> [Statement<T>] { p }
    public static func buildEither(second p: [Statement<T>]) -> [Statement<T>] { p }
    public static func buildArray(_ p: [[Statement<T>]]) -> [Statement<T>] { p.flatMap { $0 } }
}

// MARK: Declarations

/// A positional input (batch first); the batch size is taken from the first input.
public func Input<T>(_ name: String) -> ProgramElement<T> { .input(name) }
/// An output, returned in declaration order.
public func Output<T>(_ name: String) -> ProgramElement<T> { .output(name) }
/// A real variable holding `value` in every batch row (shape `[B]`).
public func Var<T>(_ name: String, _ value: T) -> ProgramElement<T> { .variable(name, .constant(values: [value], shape: [])) }
/// A real variable initialised with a constant (without the batch axis) computed from the state.
public func Var<T>(_ name: String, constant: @escaping (State<T>) throws -> (values: [T], shape: [Int])) -> ProgramElement<T> {
    .variable(name, .constantFunction(constant))
}
/// A real variable initialised by a differentiable function of inputs and earlier variables.
public func Var<T>(_ name: String, function: @escaping (State<T>) throws -> Tensor<T>) -> ProgramElement<T> {
    .variable(name, .function(function))
}
/// A hard integer, computed from shapes and earlier integers.
///
/// *One value for the whole batch, by design* (decided for issue 9, "hard integer
/// variables"): integers drive control flow — `For` ranges, hard indices, `LetInt` counters —
/// and the batch runs one control flow, as in arXiv 2110.05651 and the authors' AlgoVision,
/// whose `VariableInt` holds a Python `int` (or list of ints) without a batch axis and refuses
/// to be blended by a relaxed `If`. An integer that differed per row would need per-row control
/// flow, which the relaxation replaces by blending real state: per-row data that happens to be
/// integral (positions, labels) is a real tensor, read through hard or real-valued indices.
/// Changing an integer inside a relaxed branch is
/// ``AlgorithmError/integerChangedInRelaxedBranch(variable:trueBranch:falseBranch:)``.
public func VarInt<T>(_ name: String, _ value: @escaping (any IntegerReader) throws -> Int) -> ProgramElement<T> {
    .integer(name, value)
}

// MARK: Statements

/// `x ← e`.
public func Let<T>(_ x: String, _ e: Expression<T>) -> Statement<T> { .assign(x, e) }
/// `x ← f(state)`.
public func Let<T>(_ x: String, _ f: @escaping (State<T>) throws -> Tensor<T>) -> Statement<T> { .assign(x, .function(f)) }
/// `x₁, …, x_k ← f(state)`.
public func Let<T>(_ xs: [String], _ f: @escaping (State<T>) throws -> [Tensor<T>]) -> Statement<T> { .assignMany(xs, f) }
/// `x ← y[i₁, …]` (hard indices).
public func Let<T>(_ x: String, _ y: String, at indices: [IndexExpression]) -> Statement<T> { .assign(x, .read(y, indices: indices)) }
/// `x[i₁, …] ← e` (hard indices).
public func Let<T>(_ x: String, at indices: [IndexExpression], _ e: Expression<T>) -> Statement<T> { .write(x, indices: indices, e) }
/// Probabilistic write `x ← w·e + (1 − w)·x`.
public func Let<T>(_ x: String, weights: Expression<T>, _ e: Expression<T>) -> Statement<T> { .weightedWrite(x, weights: weights, e) }
/// `n ← f(integers)`.
public func LetInt<T>(_ n: String, _ f: @escaping (any IntegerReader) throws -> Int) -> Statement<T> { .setInteger(n, f) }
/// Debug hook.
public func Print<T>(_ f: @escaping (State<T>) throws -> String) -> Statement<T> { .print(f) }

/// Relaxed `If`: both branches run from the same state, every real variable is blended
/// `v ← p·v_true + (1 − p)·v_false`; a branch is skipped when no row reaches it with
/// probability > ε.
public func If<T>(
    _ c: Condition<T>, epsilon: T? = nil, hard: Bool? = nil,
    @StatementBuilder<T> then: () -> [Statement<T>],
    @StatementBuilder<T> else otherwise: () -> [Statement<T>] = { [] }
) -> Statement<T> {
    .branch(c, then: then(), else: otherwise(), Hyperparameters(epsilon: epsilon, hard: hard))
}

/// Relaxed `While` (expectation over the stopping iteration, truncated at ε and `maxIterations`).
public func While<T>(
    _ c: Condition<T>, maxIterations: Int? = nil, epsilon: T? = nil,
    @StatementBuilder<T> body: () -> [Statement<T>]
) -> Statement<T> {
    .loop(c, body: body(), Hyperparameters(epsilon: epsilon, maxIterations: maxIterations))
}

/// `For v in range` (unrolled; `v` is a fresh hard integer).
public func For<T>(_ v: String, in range: RangeExpression, @StatementBuilder<T> body: () -> [Statement<T>]) -> Statement<T> {
    .forEach(v, range, body: body())
}
