import RealModule

/// `α = f(s·d)` and `dα/dd` of a family for `d = b − a`, dispatched by a `switch` rather than a
/// closure so that optimized comparator loops (here and in other modules) inline it. It calls the
/// very ``Sigmoid`` functions the reference's ``ConditionalSwap`` uses, so α is bit-identical.
public struct SigmoidKernel<T: SortScalar>: Sendable {
    public let family: SigmoidFamily
    public let steepness: T
    public let artLambda: T
    @usableFromInline let guardEpsilon: T
    /// A user-given family (``SortConfiguration/customFamily``); replaces ``family`` when set.
    public let custom: PiecewiseRationalSigmoid?

    @inlinable
    public init(family: SigmoidFamily, steepness: T, artLambda: T, custom: PiecewiseRationalSigmoid? = nil) {
        self.family = family
        self.custom = custom
        self.steepness = steepness
        self.artLambda = artLambda
        guardEpsilon = T(sigmoidGuardEpsilon)
    }

    @inlinable @inline(__always)
    public func callAsFunction(_ d: T) -> (value: T, derivative: T) {
        let s = steepness
        if let custom { let (f, df) = custom.evaluate(s * d); return (f, s * df) }
        switch family {
        case .logistic: let (f, df) = Sigmoid.logistic(s * d); return (f, s * df)
        case .gaussian: let (f, df) = Sigmoid.gaussian(s * d); return (f, s * df)
        case .cauchy: let (f, df) = Sigmoid.cauchy(s * d); return (f, s * df)
        case .reciprocal: return Sigmoid.reciprocalSwap(d: d, steepness: s)
        case .optimal: let (f, df) = Sigmoid.optimal(s * d, guardEpsilon: guardEpsilon); return (f, s * df)
        case .logisticPhi: return Sigmoid.logisticPhi(d: d, steepness: s, lambda: artLambda)
        }
    }
}
