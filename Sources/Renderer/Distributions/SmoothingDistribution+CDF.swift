import RealModule

extension SmoothingDistribution {
    /// The coverage CDF `F(u)` of GenDR (arXiv 2204.13845, Eq. 1 and Table 1) at the signed,
    /// scaled argument `u = s·x/τ`. For `hard` this is the Heaviside step (the rasterizer itself
    /// uses the closed inside test for `hard`, as the paper's hard rasterizer does).
    public func cdf(_ u: Double) -> Double {
        let c = shift
        switch family {
        case .hard: return u >= 0 ? 1 : 0
        case .uniform: return RationalCDFs.uniform(u)
        case .cubicHermite: return RationalCDFs.cubicHermite(u)
        case .wignerSemicircle:
            if u < -1 { return 0 }
            if u >= 1 { return 1 }
            return 0.5 + (u * (1 - u * u).squareRoot() + Double.asin(u)) / Double.pi
        case .gaussian: return 0.5 * Double.erfc(-u / 2.0.squareRoot())
        case .laplace: return u < 0 ? 0.5 * Double.exp(u) : 1 - 0.5 * Double.exp(-u)
        case .logistic: return 1 / (1 + Double.exp(-u))
        case .gudermannian: return 0.5 + 2 / Double.pi * Double.atan(Double.tanh(u / 2))
        case .cauchy: return 0.5 + Double.atan(u) / Double.pi
        case .reciprocal: return RationalCDFs.reciprocal(u)
        case .gumbelMax: return Double.exp(-Double.exp(-u))
        case .gumbelMin: return -Double.expMinusOne(-Double.exp(u))
        case .exponential: return u + c >= 0 ? -Double.expMinusOne(-(u + c)) : 0
        case .exponentialReversed: return u <= c ? Double.exp(u - c) : 1
        case .gamma: return u + c > 0 ? IncompleteGamma.lower(shape, u + c, upstream: upstreamGammaSeries) : 0
        case .gammaReversed: return u < c ? 1 - IncompleteGamma.lower(shape, c - u, upstream: upstreamGammaSeries) : 1
        case .levy: return u + c > 0 ? Double.erfc((1 / (2 * (u + c))).squareRoot()) : 0
        case .levyReversed: return c - u > 0 ? Double.erf((1 / (2 * (c - u))).squareRoot()) : 1
        }
    }

    /// The density `f(u) = dF/du` (0 where `F` is flat, and at the kinks of the finite-support
    /// families, as in the authors' backward pass).
    public func density(_ u: Double) -> Double {
        let c = shift
        switch family {
        case .hard: return 0
        case .uniform: return RationalCDFs.uniformDensity(u)
        case .cubicHermite: return RationalCDFs.cubicHermiteDensity(u)
        case .wignerSemicircle: return (u > -1 && u < 1) ? 2 / Double.pi * (1 - u * u).squareRoot() : 0
        case .gaussian: return Double.exp(-u * u / 2) / (2 * Double.pi).squareRoot()
        case .laplace: return 0.5 * Double.exp(-abs(u))
        case .logistic:
            let e = Double.exp(-abs(u))
            return e / ((1 + e) * (1 + e))
        case .gudermannian: return 1 / (Double.pi * Double.cosh(u))
        case .cauchy: return 1 / (Double.pi * (1 + u * u))
        case .reciprocal: return RationalCDFs.reciprocalDensity(u)
        case .gumbelMax: return Double.exp(-u - Double.exp(-u))
        case .gumbelMin: return Double.exp(u - Double.exp(u))
        case .exponential: return u + c >= 0 ? Double.exp(-(u + c)) : 0
        case .exponentialReversed: return u <= c ? Double.exp(u - c) : 0
        case .gamma: return u + c > 0 ? gammaDensity(u + c) : 0
        case .gammaReversed: return u < c ? gammaDensity(c - u) : 0
        case .levy: return u + c > 0 ? levyDensity(u + c) : 0
        case .levyReversed: return c - u > 0 ? levyDensity(c - u) : 0
        }
    }

    /// `z^(k−1) e^(−z) / Γ(k)` for `z > 0` (0 for `k = 0`, the point mass at 0, as `1/Γ(0) = 0`).
    /// In the upstream-compatible mode the density is also 0 beyond `z = 15`, so that forward and
    /// backward stay consistent (the authors' kernel keeps the density there; see ``IncompleteGamma``).
    func gammaDensity(_ z: Double) -> Double {
        if shape == 0 { return 0 }
        if upstreamGammaSeries && z > IncompleteGamma.upstreamCut { return 0 }
        return Double.exp((shape - 1) * Double.log(z) - z - Double.logGamma(shape))
    }

    func levyDensity(_ z: Double) -> Double {
        Double.exp(-1 / (2 * z)) / ((2 * Double.pi).squareRoot() * z * z.squareRoot())
    }
}
