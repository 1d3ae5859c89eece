import RealModule

/// The reference interpreter of relaxed programs (arXiv 2110.05651, §3): runs statements on a
/// ``State`` and records every operation on the state's ``Tape`` for reverse mode.
///
/// Teaching code: each construct is written as the paper's expectation —
/// `If`: `v ← p·v_true + (1 − p)·v_false`; `While`: `Σ_t P(stop after t)·S_t`.
/// Generic over any ordered field: on exact rationals (with conditions given as
/// probabilities) every blend and expectation is computed exactly.
struct Interpreter<T: AlgebraicField & Comparable> {
    var reports: [WhileReport] = []
    /// Converts a probability to `Double` for reports (exact types may round).
    let toDouble: (T) -> Double
    var printer: (String) -> Void = { print($0) }

    mutating func run(_ statements: [Statement<T>], _ state: State<T>) throws -> State<T> {
        var s = state
        for statement in statements { s = try execute(statement, s) }
        return s
    }

    mutating func execute(_ statement: Statement<T>, _ s: State<T>) throws -> State<T> {
        var s = s
        switch statement {
        case .assign(let x, let e):
            let target = try s[x]
            var v = try e.evaluate(s)
            if v.shape != target.shape {
                guard case .number = e else {
                    throw AlgorithmError.shapeMismatch(operation: "Let \(x)", expected: target.shape, found: v.shape)
                }
                v = try v * s.constant(1, shape: Array(target.shape.dropFirst()))
            }
            s.tensors[x] = v
        case .assignMany(let xs, let f):
            let vs = try f(s)
            guard vs.count == xs.count else {
                throw AlgorithmError.shapeMismatch(operation: "Let \(xs)", expected: [xs.count], found: [vs.count])
            }
            for (x, v) in zip(xs, vs) {
                let target = try s[x]
                guard v.shape == target.shape else {
                    throw AlgorithmError.shapeMismatch(operation: "Let \(x)", expected: target.shape, found: v.shape)
                }
                s.tensors[x] = v
            }
        case .write(let x, let indices, let e):
            let target = try s[x]
            let index = try indices.map { try $0.evaluate(s) }
            let mask = try Self.mask(target.shape, index, variable: x, tape: s.tape)
            s.tensors[x] = try blend(mask, try e.evaluate(s), target)
        case .weightedWrite(let x, let weights, let e):
            let target = try s[x]
            let w = try weights.evaluate(s)
            guard w.shape.count == target.shape.count else {
                throw AlgorithmError.shapeMismatch(operation: "weighted write to \(x)", expected: target.shape, found: w.shape)
            }
            s.tensors[x] = try blend(w, try e.evaluate(s), target)
        case .setInteger(let n, let f):
            s.integers[n] = try f(s)
        case .print(let f):
            printer(try f(s))
        case .branch(let c, let t, let f, let h):
            s = try branch(c, t, f, h, s)
        case .loop(let c, let body, let h):
            s = try loop(c, body, h, s)
        case .forEach(let v, let range, let body):
            guard s.tensors[v] == nil, s.integers[v] == nil else { throw AlgorithmError.duplicateDeclaration(v) }
            for i in try range.evaluate(s) {
                s.integers[v] = i
                s = try run(body, s)
            }
            s.integers[v] = nil
        }
        return s
    }

    /// `w·v + (1 − w)·x`: the one blend behind `If` merges, hard-index writes (0/1 mask) and
    /// probabilistic writes; `w` and `v` are broadcast along trailing axes.
    func blend(_ w: Tensor<T>, _ v: Tensor<T>, _ x: Tensor<T>) throws -> Tensor<T> {
        guard x.shape.starts(with: w.shape), x.shape.starts(with: v.shape) else {
            throw AlgorithmError.shapeMismatch(operation: "blend", expected: x.shape, found: w.shape.count > x.shape.count ? w.shape : v.shape)
        }
        return try w * v + (1 - w) * x
    }

    /// The constant 0/1 mask of shape `shape` with ones at `[:, index…]`.
    static func mask(_ shape: [Int], _ index: [Int], variable: String, tape: Tape<T>) throws(AlgorithmError) -> Tensor<T> {
        let inner = Array(shape.dropFirst())
        guard index.count <= inner.count else { throw .indexOutOfRange(variable: variable, index: index, shape: shape) }
        var resolved: [Int] = []
        for (axis, raw) in index.enumerated() {
            let i = raw < 0 ? raw + inner[axis] : raw
            guard i >= 0, i < inner[axis] else { throw .indexOutOfRange(variable: variable, index: index, shape: shape) }
            resolved.append(i)
        }
        let rowCount = inner.reduce(1, *)
        var row = [T](repeating: 0, count: rowCount)
        for flat in 0..<rowCount {
            var rest = flat, stride = rowCount, hit = true
            for (axis, i) in resolved.enumerated() {
                stride /= inner[axis]
                if rest / stride != i { hit = false; break }
                rest %= stride
            }
            if hit { row[flat] = 1 }
        }
        var all: [T] = []
        for _ in 0..<shape[0] { all.append(contentsOf: row) }
        return .constant(all, shape: shape, on: tape)
    }
}
