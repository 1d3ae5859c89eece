import RealModule

// Arithmetic on recorded tensors. Tensor–tensor operators broadcast a prefix-shaped operand
// along the trailing axes and throw ``AlgorithmError/shapeMismatch(operation:expected:found:)``
// otherwise; tensor–number operators never throw.
extension Tensor {
    public static func + (a: Tensor, b: Tensor) throws(AlgorithmError) -> Tensor {
        try zip(a, b, +, da: { _, _ in 1 }, db: { _, _ in 1 })
    }
    public static func - (a: Tensor, b: Tensor) throws(AlgorithmError) -> Tensor {
        try zip(a, b, -, da: { _, _ in 1 }, db: { _, _ in -1 })
    }
    public static func * (a: Tensor, b: Tensor) throws(AlgorithmError) -> Tensor {
        try zip(a, b, *, da: { _, z in z }, db: { x, _ in x })
    }
    public static func / (a: Tensor, b: Tensor) throws(AlgorithmError) -> Tensor {
        try zip(a, b, /, da: { _, z in 1 / z }, db: { x, z in -x / (z * z) })
    }

    public static func + (a: Tensor, c: T) -> Tensor { a.map({ $0 + c }, derivative: { _, _ in 1 }) }
    public static func + (c: T, a: Tensor) -> Tensor { a + c }
    public static func - (a: Tensor, c: T) -> Tensor { a.map({ $0 - c }, derivative: { _, _ in 1 }) }
    public static func - (c: T, a: Tensor) -> Tensor { a.map({ c - $0 }, derivative: { _, _ in -1 }) }
    public static func * (a: Tensor, c: T) -> Tensor { a.map({ $0 * c }, derivative: { _, _ in c }) }
    public static func * (c: T, a: Tensor) -> Tensor { a * c }
    public static func / (a: Tensor, c: T) -> Tensor { a.map({ $0 / c }, derivative: { _, _ in 1 / c }) }
    public static prefix func - (a: Tensor) -> Tensor { a.map({ -$0 }, derivative: { _, _ in -1 }) }
}

extension Tensor where T: Real {
    /// The logistic function `σ(x) = 1 / (1 + e^(−x))`, `σ′ = σ(1 − σ)`.
    public func sigmoid() -> Tensor {
        map({ 1 / (1 + T.exp(-$0)) }, derivative: { _, y in y * (1 - y) })
    }

    /// `sech²(x) = 1 / cosh²(x)`, derivative `−2 sech²(x) tanh(x)`.
    public func sech2() -> Tensor {
        map({ 1 / (T.cosh($0) * T.cosh($0)) }, derivative: { x, y in -2 * y * T.tanh(x) })
    }

    /// `sech(x) = 1 / cosh(x)`, derivative `−sech(x) tanh(x)`.
    public func sech() -> Tensor {
        map({ 1 / T.cosh($0) }, derivative: { x, y in -y * T.tanh(x) })
    }

    /// The softmax over the last axis of `scale·x` (numerically stable: the row maximum is
    /// subtracted first). `scale = −β` gives the softmin.
    public func softmaxLastAxis(scale: T) -> Tensor {
        let k = shape.last ?? 1
        let x = values
        var y = [T](repeating: 0, count: x.count)
        for start in stride(from: 0, to: x.count, by: k) {
            var m = scale * x[start]
            for i in start..<(start + k) { m = Swift.max(m, scale * x[i]) }
            var total: T = 0
            for i in start..<(start + k) { y[i] = T.exp(scale * x[i] - m); total += y[i] }
            for i in start..<(start + k) { y[i] /= total }
        }
        return .derived(y, shape: shape, from: [self]) { g in
            var gx = [T](repeating: 0, count: x.count)
            for start in stride(from: 0, to: x.count, by: k) {
                var dot: T = 0
                for i in start..<(start + k) { dot += g[i] * y[i] }
                for i in start..<(start + k) { gx[i] = scale * y[i] * (g[i] - dot) }
            }
            return [gx]
        }
    }
}

extension Tensor {
    /// One-hot weights of the minimum (or maximum) over the last axis, the first index winning
    /// ties: the hard limit `β → ∞` of the soft arg-min/arg-max. A constant (no gradient).
    public func hardArgExtremumLastAxis(maximum: Bool) -> Tensor {
        let k = shape.last ?? 1
        var y = [T](repeating: 0, count: values.count)
        for start in stride(from: 0, to: values.count, by: k) {
            var best = start
            for i in start..<(start + k) where maximum ? values[i] > values[best] : values[i] < values[best] { best = i }
            y[best] = 1
        }
        return .constant(y, shape: shape, on: tape)
    }
}
