import RealModule

/// The state a relaxed program runs on (arXiv 2110.05651, §3): named batched real tensors
/// (inputs and variables, differentiable) and named hard integers (control only, one value
/// shared by all batch rows — see ``VarInt(_:_:)`` for why). Value semantics: every statement
/// returns a new state.
public struct State<T: AlgebraicField & Comparable> {
    public var tensors: [String: Tensor<T>]
    public var integers: [String: Int]
    public let batch: Int
    public let tape: Tape<T>
    /// Whether relaxed operators take their hard limits (`If` selects, soft min → min).
    public let hard: Bool

    /// The tensor `name`, or ``AlgorithmError/undeclaredVariable(_:)``.
    public subscript(name: String) -> Tensor<T> {
        get throws(AlgorithmError) {
            guard let t = tensors[name] else { throw .undeclaredVariable(name) }
            return t
        }
    }

    /// The hard integer `name`, or ``AlgorithmError/undeclaredVariable(_:)``.
    public func int(_ name: String) throws(AlgorithmError) -> Int {
        guard let i = integers[name] else { throw .undeclaredVariable(name) }
        return i
    }

    /// The shape of tensor `name` (batch first).
    public func shape(_ name: String) throws(AlgorithmError) -> [Int] { try self[name].shape }

    /// A constant batched tensor: `value` repeated over the batch and `shape` (without batch).
    public func constant(_ value: T, shape inner: [Int] = []) -> Tensor<T> {
        .constant(Array(repeating: value, count: batch * inner.reduce(1, *)), shape: [batch] + inner, on: tape)
    }

    /// A constant given without batch axis, repeated over the batch.
    public func repeated(_ values: [T], shape inner: [Int]) -> Tensor<T> {
        var all: [T] = []
        all.reserveCapacity(batch * values.count)
        for _ in 0..<batch { all.append(contentsOf: values) }
        return .constant(all, shape: [batch] + inner, on: tape)
    }
}

/// A value in the language: a variable name, a number, a constant tensor (given without the
/// batch axis), or a function of the state (arXiv 2110.05651's "lambda" expressions).
public enum Expression<T: AlgebraicField & Comparable> {
    case name(String)
    case number(T)
    case constant(values: [T], shape: [Int])
    /// `y[:, i1, …]` with hard indices (`Let(x, y, [i…])`).
    case read(String, indices: [IndexExpression])
    case function((State<T>) throws -> Tensor<T>)

    /// Evaluates to a tensor; numbers become batched constants of shape `[B]` (broadcast later).
    func evaluate(_ s: State<T>) throws -> Tensor<T> {
        switch self {
        case .name(let n): return try s[n]
        case .number(let c): return s.constant(c)
        case .constant(let v, let shape): return s.repeated(v, shape: shape)
        case .read(let n, let indices):
            let t = try s[n]
            let index = try indices.map { try $0.evaluate(s) }
            do { return try t.read(index) } catch .indexOutOfRange(_, let i, let sh) {
                throw AlgorithmError.indexOutOfRange(variable: n, index: i, shape: sh)
            }
        case .function(let f): return try f(s)
        }
    }
}

/// A hard index: a literal, an integer variable, or a function of the state returning an int.
public enum IndexExpression {
    case literal(Int)
    case integer(String)
    case function((any IntegerReader) throws -> Int)

    func evaluate<T>(_ s: State<T>) throws -> Int {
        switch self {
        case .literal(let i): i
        case .integer(let n): try s.int(n)
        case .function(let f): try f(s)
        }
    }
}

/// Read access to hard integers (what index and range functions see).
public protocol IntegerReader {
    func int(_ name: String) throws(AlgorithmError) -> Int
    func shape(_ name: String) throws(AlgorithmError) -> [Int]
}

extension State: IntegerReader {}

extension IndexExpression: ExpressibleByIntegerLiteral, ExpressibleByStringLiteral {
    public init(integerLiteral value: Int) { self = .literal(value) }
    public init(stringLiteral value: String) { self = .integer(value) }
}

extension Expression: ExpressibleByStringLiteral, ExpressibleByIntegerLiteral {
    public init(stringLiteral value: String) { self = .name(value) }
    public init(integerLiteral value: Int) { self = .number(T(exactly: value)!) }
}

extension Expression: ExpressibleByFloatLiteral where T: ExpressibleByFloatLiteral {
    public init(floatLiteral value: T.FloatLiteralType) { self = .number(T(floatLiteral: value)) }
}
