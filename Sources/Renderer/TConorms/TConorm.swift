import RealModule

/// The T-conorms GenDR aggregates face coverages with (arXiv 2204.13845, Sec. 3.2 and Table 2):
/// the silhouette of a pixel is the left fold `A = S(…S(S(0, b₁), b₂)…, b_F)` in face order.
/// Several are written through the dual T-norm on complements `x = 1 − a`, `y = 1 − b`.
public enum TConorm: Sendable, Equatable, CustomStringConvertible {
    /// Any coverage above ½ gives alpha 1 (the paper's hard aggregation; no gradient).
    case hard
    /// `max(a, b)`.
    case maximum
    /// `a + b − ab`.
    case probabilistic
    /// `(a + b)/(1 + ab)`.
    case einstein
    /// `1 − xy/(p + (1 − p)(x + y − xy))`, `p ≥ 0`.
    case hamacher(Double)
    /// `1 − log_p(1 + (p^x − 1)(p^y − 1)/(p − 1))`, `p > 0`, `p ≠ 1`.
    case frank(Double)
    /// `min(1, (a^p + b^p)^(1/p))`, `p > 0` (p = 1: Łukasiewicz / bounded sum).
    case yager(Double)
    /// `1 − exp(−((−ln x)^p + (−ln y)^p)^(1/p))`, `p > 0`.
    case aczelAlsina(Double)
    /// `1 − 1/(1 + ((a/x)^p + (b/y)^p)^(1/p))`, `p > 0`.
    case dombi(Double)
    /// `1 − (x^p + y^p − 1)^(1/p)`, `p < 0`.
    case schweizerSklar(Double)

    public static let names = ["hard", "max", "probabilistic", "einstein", "hamacher", "frank", "yager", "aczel_alsina", "dombi", "schweizer_sklar"]

    /// Parses a name (as in the authors' package) and validates the parameter's domain.
    public init(name: String, parameter p: Double? = nil) throws(RendererError) {
        func param(_ domain: String, _ ok: (Double) -> Bool) throws(RendererError) -> Double {
            guard let p, p.isFinite, ok(p) else { throw .parameterOutOfDomain(owner: name, parameter: "p", value: p, domain: domain) }
            return p
        }
        switch name {
        case "hard": self = .hard
        case "max", "maximum": self = .maximum
        case "probabilistic": self = .probabilistic
        case "einstein": self = .einstein
        case "hamacher": self = .hamacher(try param("p ≥ 0") { $0 >= 0 })
        case "frank": self = .frank(try param("p > 0, p ≠ 1") { $0 > 0 && $0 != 1 })
        case "yager": self = .yager(try param("p > 0") { $0 > 0 })
        case "aczel_alsina": self = .aczelAlsina(try param("p > 0") { $0 > 0 })
        case "dombi": self = .dombi(try param("p > 0") { $0 > 0 })
        case "schweizer_sklar": self = .schweizerSklar(try param("p < 0") { $0 < 0 })
        default: throw .unknownName(kind: "T-conorm", name: name, known: Self.names)
        }
    }

    public var name: String {
        switch self {
        case .hard: return "hard"
        case .maximum: return "max"
        case .probabilistic: return "probabilistic"
        case .einstein: return "einstein"
        case .hamacher: return "hamacher"
        case .frank: return "frank"
        case .yager: return "yager"
        case .aczelAlsina: return "aczel_alsina"
        case .dombi: return "dombi"
        case .schweizerSklar: return "schweizer_sklar"
        }
    }

    public var parameter: Double? {
        switch self {
        case .hamacher(let p), .frank(let p), .yager(let p), .aczelAlsina(let p), .dombi(let p), .schweizerSklar(let p): return p
        default: return nil
        }
    }

    public var description: String { parameter.map { "\(name)(p=\($0))" } ?? name }

    /// One representative of every family (used by tests, proofs and benchmarks).
    public static let representatives: [TConorm] = [
        .hard, .maximum, .probabilistic, .einstein, .hamacher(0.5), .frank(2), .yager(2), .aczelAlsina(0.5), .dombi(2), .schweizerSklar(-2),
    ]

    /// `S(a, b)` for `a, b ∈ [0, 1]` (Table 2 of the paper). Rational families go through
    /// ``RationalTConorms`` — the same source the proofs run on exact rationals.
    @inlinable public func combine<T: Real & BinaryFloatingPoint>(_ a: T, _ b: T) -> T {
        switch self {
        case .hard: return Swift.max(a, b > 1 / 2 ? 1 : 0)
        case .maximum: return RationalTConorms.maximum(a, b)
        case .probabilistic: return RationalTConorms.probabilistic(a, b)
        case .einstein: return RationalTConorms.einstein(a, b)
        case .hamacher(let p): return RationalTConorms.hamacher(a, b, p: T(p))
        case .yager(let p) where p == 1: return RationalTConorms.boundedSum(a, b)
        case .yager(let p):
            let q = T(p)
            return Swift.min(1, T.pow(T.pow(a, q) + T.pow(b, q), 1 / q))
        case .frank(let p):
            let q = T(p), x = 1 - a, y = 1 - b
            return 1 - T.log(onePlus: (T.pow(q, x) - 1) * (T.pow(q, y) - 1) / (q - 1)) / T.log(q)
        case .aczelAlsina(let p):
            let q = T(p), x = 1 - a, y = 1 - b
            // Correct limit: S = 1 when either argument is 1 (the kernel saturates already at x < 1e-8).
            if x == 0 || y == 0 { return 1 }
            return 1 - T.exp(-T.pow(T.pow(-T.log(x), q) + T.pow(-T.log(y), q), 1 / q))
        case .dombi(let p):
            let q = T(p), x = 1 - a, y = 1 - b
            if x == 0 || y == 0 { return 1 }
            return 1 - 1 / (1 + T.pow(T.pow(a / x, q) + T.pow(b / y, q), 1 / q))
        case .schweizerSklar(let p):
            let q = T(p), x = 1 - a, y = 1 - b
            if x == 0 || y == 0 { return 1 }
            return 1 - T.pow(T.pow(x, q) + T.pow(y, q) - 1, 1 / q)
        }
    }
}

/// The rational T-conorms, generic over any ordered field so that the proofs check their axioms
/// on exact rationals with the very code the renderers run (arXiv 2204.13845, Table 2).
public enum RationalTConorms {
    @inlinable public static func maximum<T: Comparable>(_ a: T, _ b: T) -> T { a < b ? b : a }

    /// The probabilistic sum `a + b − ab` (dual of the product T-norm).
    @inlinable public static func probabilistic<T: AlgebraicField>(_ a: T, _ b: T) -> T { a + b - a * b }

    /// The Einstein sum `(a + b)/(1 + ab)`.
    @inlinable public static func einstein<T: AlgebraicField>(_ a: T, _ b: T) -> T { (a + b) / (1 + a * b) }

    /// Hamacher: `1 − xy/(p + (1 − p)(x + y − xy))` on complements. The denominator vanishes only
    /// for `p = 0` and `a = b = 1`, where the limit is 1 (the authors floor it at 1e-6, which gives
    /// the same value there but perturbs `p < 1e-6`).
    @inlinable public static func hamacher<T: AlgebraicField & Comparable>(_ a: T, _ b: T, p: T) -> T {
        let x = 1 - a, y = 1 - b
        let denominator = p + (1 - p) * (x + y - x * y)
        if denominator == 0 { return 1 }
        return 1 - x * y / denominator
    }

    /// The bounded (Łukasiewicz) sum `min(1, a + b)` = Yager with p = 1.
    @inlinable public static func boundedSum<T: AlgebraicField & Comparable>(_ a: T, _ b: T) -> T {
        let s = a + b
        return s < 1 ? s : 1
    }
}
