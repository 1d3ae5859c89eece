/// The smoothing distributions of GenDR (Petersen et al., "GenDR: A Generalized Differentiable
/// Renderer", CVPR 2022, arXiv 2204.13845, Sec. 3 and Table 1): the probability that a pixel is
/// covered by a triangle perturbed by noise of this distribution is `F(s·x/τ)`, with `s = +1`
/// inside, `x` the pixel–triangle distance (or its square) and `τ` the scale.
///
/// The 18 families of the authors' package, in their numbering. `F` receives the signed, scaled
/// argument `u`; positive `u` is inside.
public enum DistributionFamily: String, CaseIterable, Sendable, Codable {
    case hard
    case uniform
    case cubicHermite = "cubic_hermite"
    case wignerSemicircle = "wigner_semicircle"
    case gaussian
    case laplace
    case logistic
    case gudermannian
    case cauchy
    case reciprocal
    case gumbelMax = "gumbel_max"
    case gumbelMin = "gumbel_min"
    case exponential
    case exponentialReversed = "exponential_rev"
    case gamma
    case gammaReversed = "gamma_rev"
    case levy
    case levyReversed = "levy_rev"

    /// Alternative names accepted on input (the package's aliases).
    public static let aliases: [String: DistributionFamily] = [
        "heaviside": .hard, "smoothstep": .cubicHermite, "hyperbolic_secant": .gudermannian,
        "exponential_reversed": .exponentialReversed, "gamma_reversed": .gammaReversed, "levy_reversed": .levyReversed,
    ]

    public init(name: String) throws(RendererError) {
        if let f = DistributionFamily(rawValue: name) ?? Self.aliases[name] { self = f; return }
        throw .unknownName(kind: "distribution", name: name, known: Self.allCases.map(\.rawValue))
    }

    /// `F(−u) = 1 − F(u)` for these.
    public var isSymmetric: Bool {
        switch self {
        case .uniform, .cubicHermite, .wignerSemicircle, .gaussian, .laplace, .logistic, .gudermannian, .cauchy, .reciprocal: return true
        default: return false
        }
    }

    /// Families whose CDF is a rational (piecewise-polynomial or rational) function of `u`.
    public var isRational: Bool { self == .uniform || self == .cubicHermite || self == .reciprocal }

    /// Families with the shift parameter `c` (in units of τ).
    public var takesShift: Bool { [.exponential, .exponentialReversed, .gamma, .gammaReversed, .levy, .levyReversed].contains(self) }

    /// Families with the shape parameter `k`.
    public var takesShape: Bool { self == .gamma || self == .gammaReversed }

    /// Coarse grouping used for reports: finite support, exponential tails, heavy tails, asymmetric.
    public var group: String {
        switch self {
        case .hard: return "hard"
        case .uniform, .cubicHermite, .wignerSemicircle: return "finite support"
        case .gaussian, .laplace, .logistic, .gudermannian: return "exponential tails"
        case .cauchy, .reciprocal: return "heavy tails"
        default: return "asymmetric"
        }
    }
}

/// A distribution family with its parameters, validated.
public struct SmoothingDistribution: Sendable, Equatable, CustomStringConvertible {
    public let family: DistributionFamily
    /// Gamma shape `k` (gamma, gamma_rev only), `k ≥ 0`.
    public let shape: Double
    /// Shift `c` in units of τ (exponential, gamma, Lévy and their reversed forms).
    public let shift: Double
    /// Use the authors' gamma evaluation (32-term series, exactly 1 beyond z = 15) instead of the
    /// accurate regularised incomplete gamma function. See ``IncompleteGamma``.
    public let upstreamGammaSeries: Bool

    public init(_ family: DistributionFamily, shape: Double? = nil, shift: Double = 0, upstreamGammaSeries: Bool = false) throws(RendererError) {
        guard shift.isFinite else { throw .parameterOutOfDomain(owner: family.rawValue, parameter: "shift", value: shift, domain: "finite") }
        if shift != 0 && !family.takesShift {
            throw .parameterOutOfDomain(owner: family.rawValue, parameter: "shift", value: shift, domain: "only exponential, gamma, levy and their _rev forms take a shift")
        }
        if family.takesShape {
            guard let k = shape, k.isFinite, k >= 0 else {
                throw .parameterOutOfDomain(owner: family.rawValue, parameter: "shape", value: shape, domain: "finite k ≥ 0")
            }
            self.shape = k
        } else {
            self.shape = 0
        }
        self.family = family
        self.shift = shift
        self.upstreamGammaSeries = upstreamGammaSeries
    }

    /// Convenience for families without parameters; traps only on programmer error (a family that needs a shape).
    public static func named(_ name: String, shape: Double? = nil, shift: Double = 0) throws(RendererError) -> SmoothingDistribution {
        try SmoothingDistribution(DistributionFamily(name: name), shape: shape, shift: shift)
    }

    public var description: String {
        var s = family.rawValue
        if family.takesShape { s += "(k=\(shape))" }
        if shift != 0 { s += "(c=\(shift))" }
        return s
    }
}
