import RealModule

/// The six sigmoid families of the authors' package (arXiv 2203.09630).
///
/// Each maps the scaled wire difference `u = s·(b − a)` to the blend weight `α = f(u) ∈ [0, 1]`
/// with `f(0) = ½` and `f(−u) = 1 − f(u)`.
public enum SigmoidFamily: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    case logistic
    /// Logistic with the activation replacement trick (ART), parameter `art_lambda`.
    case logisticPhi = "logistic_phi"
    case gaussian
    case reciprocal
    case cauchy
    case optimal

    public var description: String { rawValue }

    /// Monotonic per Theorem 5 of arXiv 2203.09630 (proven or refuted in `Proofs/`).
    public var isMonotonic: Bool {
        switch self {
        case .reciprocal, .cauchy, .optimal: true
        case .logistic, .logisticPhi, .gaussian: false
        }
    }

    /// `f` is a rational function of `u` (piecewise), so the relaxed sort runs exactly on rationals.
    public var rationalFamily: RationalSigmoidFamily? {
        switch self {
        case .reciprocal: .reciprocal
        case .optimal: .optimal
        default: nil
        }
    }

    /// Error bound `sup_{d>0} d·f(−s·d)` of one conditional swap, as a multiple of `1/s`
    /// (arXiv 2203.09630). For `logistic_phi` the bound scales as `s^(−4/3)` at λ = ¼;
    /// its constant is `0.3143564` (returned here, with that caveat).
    public var errorBoundConstant: Double {
        switch self {
        case .logistic: 0.2784645427610738
        case .logisticPhi: 0.3143564
        case .gaussian: 0.1699712
        case .reciprocal: 1
        case .cauchy: 1 / Double.pi
        case .optimal: 0.0625
        }
    }
}

/// The families whose sigmoid is a (piecewise) rational function; usable over any ordered field.
public enum RationalSigmoidFamily: String, CaseIterable, Sendable {
    case reciprocal
    case optimal
}

/// `ε` the authors add to `|u|` in `optimal` and to `|d|` in `logistic_phi` (the authors' code).
public let sigmoidGuardEpsilon: Double = 1e-10

/// The relaxed conditional swap of one comparator: `α = f(s·d)` and `dα/dd` for `d = b − a`.
///
/// This is Definition 2 of arXiv 2203.09630 with the steepness folded in; the reference sorter
/// takes one of these so that the same loops run on `Double`, `Float` and exact rationals.
public struct ConditionalSwap<T>: Sendable {
    public let alpha: @Sendable (_ d: T) -> (value: T, derivative: T)

    public init(alpha: @escaping @Sendable (_ d: T) -> (value: T, derivative: T)) {
        self.alpha = alpha
    }
}

extension SigmoidFamily {
    /// The conditional swap of this family at steepness `s` (and `art_lambda` for `logistic_phi`).
    public func conditionalSwap<T: Real & BinaryFloatingPoint & Sendable>(steepness s: T, artLambda: T) -> ConditionalSwap<T> {
        switch self {
        case .logistic:
            return ConditionalSwap { d in let (f, df) = Sigmoid.logistic(s * d); return (f, s * df) }
        case .gaussian:
            return ConditionalSwap { d in let (f, df) = Sigmoid.gaussian(s * d); return (f, s * df) }
        case .cauchy:
            return ConditionalSwap { d in let (f, df) = Sigmoid.cauchy(s * d); return (f, s * df) }
        case .reciprocal:
            // Same values as the rational form where `s·d` is finite; the limit where it overflows.
            return ConditionalSwap { d in Sigmoid.reciprocalSwap(d: d, steepness: s) }
        case .optimal:
            return rationalFamily!.conditionalSwap(steepness: s, guardEpsilon: T(sigmoidGuardEpsilon))
        case .logisticPhi:
            return ConditionalSwap { d in Sigmoid.logisticPhi(d: d, steepness: s, lambda: artLambda) }
        }
    }
}

extension RationalSigmoidFamily {
    /// The conditional swap at steepness `s`, over any ordered field. `guardEpsilon` is the
    /// authors' `1e−10` added to `|u|` in `optimal` (pass 0 for the exact mathematical sigmoid).
    public func conditionalSwap<T: AlgebraicField & Comparable & Sendable>(steepness s: T, guardEpsilon: T) -> ConditionalSwap<T> {
        switch self {
        case .reciprocal:
            return ConditionalSwap { d in let (f, df) = Sigmoid.reciprocal(s * d); return (f, s * df) }
        case .optimal:
            return ConditionalSwap { d in let (f, df) = Sigmoid.optimal(s * d, guardEpsilon: guardEpsilon); return (f, s * df) }
        }
    }
}
