import RealModule

/// A batched real array recorded on a ``Tape``: `shape[0]` is the batch `B`, values are row-major.
///
/// Arithmetic broadcasts the way arXiv 2110.05651's reference package does: a tensor whose shape
/// is a prefix of the other's (e.g. a per-row probability `[B]` against a variable `[B, n]`) is
/// repeated along the trailing axes.
public struct Tensor<T: AlgebraicField & Comparable> {
    public let shape: [Int]
    public let values: [T]
    /// The tape node, or `nil` for a constant (no gradient).
    public let node: Int?
    public let tape: Tape<T>

    public init(shape: [Int], values: [T], node: Int?, tape: Tape<T>) {
        precondition(shape.reduce(1, *) == values.count, "shape \(shape) does not match \(values.count) values")
        self.shape = shape
        self.values = values
        self.node = node
        self.tape = tape
    }

    /// A constant (not differentiated) tensor.
    public static func constant(_ values: [T], shape: [Int], on tape: Tape<T>) -> Tensor {
        Tensor(shape: shape, values: values, node: nil, tape: tape)
    }

    /// A leaf that gradients are taken with respect to.
    public static func leaf(_ values: [T], shape: [Int], on tape: Tape<T>) -> Tensor {
        let id = tape.record(parents: [], count: values.count) { _ in [] }
        return Tensor(shape: shape, values: values, node: id, tape: tape)
    }

    public var batch: Int { shape[0] }
    public var count: Int { values.count }
    /// Entries per batch row.
    public var rowCount: Int { shape.dropFirst().reduce(1, *) }

    /// A new tensor computed from `parents`, with the VJP `backward` (one gradient per parent).
    static func derived(_ values: [T], shape: [Int], from parents: [Tensor], backward: @escaping ([T]) -> [[T]]) -> Tensor {
        let tape = parents[0].tape
        let live = parents.enumerated().filter { $0.element.node != nil }
        guard !live.isEmpty else { return Tensor(shape: shape, values: values, node: nil, tape: tape) }
        let id = tape.record(parents: live.map { $0.element.node! }, count: values.count) { g in
            let all = backward(g)
            return live.map { all[$0.offset] }
        }
        return Tensor(shape: shape, values: values, node: id, tape: tape)
    }

    // MARK: Element-wise maps

    /// `f` applied entry-wise, with derivative `df` (of the input, and the output).
    public func map(_ f: (T) -> T, derivative df: @escaping (_ x: T, _ y: T) -> T) -> Tensor {
        let x = values
        let y = x.map(f)
        return .derived(y, shape: shape, from: [self]) { g in
            [(0..<g.count).map { g[$0] * df(x[$0], y[$0]) }]
        }
    }

    /// `max(0, x)`, with derivative 0 at 0 (as PyTorch's relu).
    public func relu() -> Tensor {
        map({ $0 > 0 ? $0 : 0 }, derivative: { x, _ in x > 0 ? 1 : 0 })
    }

    /// Binary element-wise op with prefix broadcasting; `da`, `db` are the local partials.
    static func zip(_ a: Tensor, _ b: Tensor, _ f: (T, T) -> T,
                    da: @escaping (T, T) -> T, db: @escaping (T, T) -> T) throws(AlgorithmError) -> Tensor {
        let aIsBig = a.shape.count >= b.shape.count
        let big = aIsBig ? a : b
        let small = aIsBig ? b : a
        guard big.shape.starts(with: small.shape) else {
            throw .shapeMismatch(operation: "element-wise", expected: a.shape, found: b.shape)
        }
        let repeatFactor = big.count / max(small.count, 1)
        let (av, bv) = (a.values, b.values)
        let n = big.count
        let ai = { (k: Int) in aIsBig ? k : k / repeatFactor }
        let bi = { (k: Int) in aIsBig ? k / repeatFactor : k }
        var y = [T](); y.reserveCapacity(n)
        for k in 0..<n { y.append(f(av[ai(k)], bv[bi(k)])) }
        return .derived(y, shape: big.shape, from: [a, b]) { g in
            var ga = [T](repeating: 0, count: av.count)
            var gb = [T](repeating: 0, count: bv.count)
            for k in 0..<n {
                let (x, z) = (av[ai(k)], bv[bi(k)])
                ga[ai(k)] += g[k] * da(x, z)
                gb[bi(k)] += g[k] * db(x, z)
            }
            return [ga, gb]
        }
    }

    // MARK: Gather / scatter (indexing, padding, shifting)

    /// A linear re-indexing per batch row: output entry `j` of a row is the sum of the input
    /// entries `sources[j]` of that row, or `fill` (a constant) where `sources[j]` is empty.
    /// Hard-index reads, padding and the shift of probability mass are all of this form.
    public func gather(_ sources: [[Int]], shape outShape: [Int], fill: T = 0) -> Tensor {
        let inRow = rowCount
        let outRow = sources.count
        let x = values
        var y = [T](); y.reserveCapacity(batch * outRow)
        for b in 0..<batch {
            for s in sources {
                if s.isEmpty { y.append(fill); continue }
                var acc: T = 0
                for i in s { acc += x[b * inRow + i] }
                y.append(acc)
            }
        }
        let batch = self.batch
        return .derived(y, shape: [batch] + outShape, from: [self]) { g in
            var gx = [T](repeating: 0, count: x.count)
            for b in 0..<batch {
                for (j, s) in sources.enumerated() {
                    for i in s { gx[b * inRow + i] += g[b * outRow + j] }
                }
            }
            return [gx]
        }
    }

    /// The sum over the last axis (`[B, …, K]` → `[B, …]`).
    public func sumLastAxis() -> Tensor {
        let k = shape.last ?? 1
        let outCount = rowCount / max(k, 1)
        return gather((0..<outCount).map { j in Array((j * k)..<(j * k + k)) }, shape: Array(shape.dropFirst().dropLast()))
    }

    /// The entries at hard indices `index` (one per non-batch axis, negative counts from the
    /// end; fewer indices than axes keep the remaining axes).
    public func read(_ index: [Int]) throws(AlgorithmError) -> Tensor {
        let inner = Array(shape.dropFirst())
        guard index.count <= inner.count else {
            throw .indexOutOfRange(variable: "", index: index, shape: shape)
        }
        var offset = 0
        var stride = rowCount
        for (axis, raw) in index.enumerated() {
            let i = raw < 0 ? raw + inner[axis] : raw
            guard i >= 0, i < inner[axis] else { throw .indexOutOfRange(variable: "", index: index, shape: shape) }
            stride /= inner[axis]
            offset += i * stride
        }
        let rest = Array(inner.dropFirst(index.count))
        return gather((0..<stride).map { [offset + $0] }, shape: rest)
    }

    /// Stacks equal-shape tensors along a new last axis.
    public static func stack(_ parts: [Tensor]) throws(AlgorithmError) -> Tensor {
        guard let first = parts.first else { throw .empty(what: "stack of no tensors") }
        for p in parts where p.shape != first.shape {
            throw .shapeMismatch(operation: "stack", expected: first.shape, found: p.shape)
        }
        let k = parts.count
        let n = first.count
        var y = [T](repeating: 0, count: n * k)
        for (j, p) in parts.enumerated() { for i in 0..<n { y[i * k + j] = p.values[i] } }
        return .derived(y, shape: first.shape + [k], from: parts) { g in
            (0..<k).map { j in (0..<n).map { g[$0 * k + j] } }
        }
    }
}
