import RealModule

/// Every way a relaxed program or its input can be wrong, each naming what is wrong.
public enum AlgorithmError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A NaN or ±∞ in an input.
    case nonFinite(input: String, index: Int)
    /// An empty input (no batch rows or no elements) or an empty list where one is needed.
    case empty(what: String)
    /// Rows of different lengths, or inputs whose batch sizes disagree.
    case ragged(what: String)
    /// A shortest-path cost that is not > 0.
    case nonPositiveCost(index: Int, value: Double)
    /// A hard index outside the variable's shape.
    case indexOutOfRange(variable: String, index: [Int], shape: [Int])
    /// An unknown program name (lists the known ones).
    case unknownProgram(String, known: [String])
    /// An unknown t-conorm name (lists the known ones).
    case unknownTConorm(String, known: [String])
    /// An unknown traceback name (lists the known ones).
    case unknownTraceback(String, known: [String])
    /// An invalid hyperparameter or program parameter.
    case invalidParameter(name: String, reason: String)
    /// A `While` stopped after `maxIterations` with this much probability mass still looping
    /// (reported when the caller asked for strict loops).
    case whileReachedMaxIterations(maxIterations: Int, remainingMass: Double)
    /// A statement or expression used a name that was not declared.
    case undeclaredVariable(String)
    /// A name was declared twice, or a `For` variable already exists.
    case duplicateDeclaration(String)
    /// A hard integer differs between the two branches of a relaxed `If` (arXiv 2110.05651
    /// merges real state only; integer state must not depend on a relaxed condition).
    case integerChangedInRelaxedBranch(variable: String, trueBranch: Int, falseBranch: Int)
    /// Shapes that do not fit together.
    case shapeMismatch(operation: String, expected: [Int], found: [Int])
    /// An `IsTrue`/`IsFalse` operand outside [0, 1].
    case notAProbability(value: String)
    /// A real-valued operation (σ, exp, …) requested on a scalar type without it.
    case unsupported(String)

    public var description: String {
        switch self {
        case .nonFinite(let input, let index): "input \(input) has a non-finite value at flat index \(index)"
        case .empty(let what): "empty input: \(what)"
        case .ragged(let what): "ragged input: \(what)"
        case .nonPositiveCost(let index, let value): "shortest path needs costs > 0, found \(value) at flat index \(index)"
        case .indexOutOfRange(let variable, let index, let shape):
            "index \(index) out of range for \(variable.isEmpty ? "a tensor" : variable) of shape \(shape) (batch axis first)"
        case .unknownProgram(let name, let known): "unknown program \"\(name)\" (known: \(known.joined(separator: ", ")))"
        case .unknownTConorm(let name, let known): "unknown t-conorm \"\(name)\" (known: \(known.joined(separator: ", ")))"
        case .unknownTraceback(let name, let known): "unknown traceback \"\(name)\" (known: \(known.joined(separator: ", ")))"
        case .invalidParameter(let name, let reason): "invalid parameter \(name): \(reason)"
        case .whileReachedMaxIterations(let maxIterations, let mass):
            "While reached max_iter = \(maxIterations) with continue-probability mass \(mass) remaining (put on the last state)"
        case .undeclaredVariable(let name): "undeclared variable \"\(name)\""
        case .duplicateDeclaration(let name): "\"\(name)\" is declared twice (or a For variable shadows an existing name)"
        case .integerChangedInRelaxedBranch(let v, let t, let f):
            "integer \(v) differs between the branches of a relaxed If (\(t) vs \(f)); integers must not depend on relaxed conditions"
        case .shapeMismatch(let op, let expected, let found): "\(op): shape \(found) does not fit \(expected)"
        case .notAProbability(let v): "IsTrue/IsFalse operand \(v) is outside [0, 1]"
        case .unsupported(let what): "unsupported: \(what)"
        }
    }
}
