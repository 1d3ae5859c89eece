import RealModule

/// The floating-point types the relaxed sorters run on.
public protocol SortScalar: BinaryFloatingPoint, Real, SIMDScalar, Sendable, Codable
where Self.SIMD8Storage: Sendable {}
extension Double: SortScalar {}
extension Float: SortScalar {}

/// What to sort with: the network, its construction, the sigmoid family and its parameters.
public struct SortConfiguration: Hashable, Sendable, Codable {
    public var network: SortingNetwork.Kind
    public var construction: SortingNetwork.Construction
    public var family: SigmoidFamily
    /// `s` in `α = f(s·(b − a))`; must be finite and > 0. The authors' default is 10.
    public var steepness: Double
    /// `λ` of `logistic_phi` (ignored by the other families); finite, in [0, 1). Default 0.25.
    public var artLambda: Double
    /// A user-given piecewise rational family; when set it replaces ``family`` (prove it first
    /// with `relax prove sigmoid`, see ``PiecewiseRationalSigmoid``).
    public var customFamily: PiecewiseRationalSigmoid? = nil

    public init(
        network: SortingNetwork.Kind = .bitonic, construction: SortingNetwork.Construction = .valid,
        family: SigmoidFamily = .cauchy, steepness: Double = 10, artLambda: Double = 0.25
    ) {
        self.network = network
        self.construction = construction
        self.family = family
        self.steepness = steepness
        self.artLambda = artLambda
    }

    /// Throws if a parameter is out of range.
    public func validate() throws(RelaxedSortError) {
        guard steepness.isFinite, steepness > 0 else { throw .invalidSteepness(steepness) }
        guard artLambda.isFinite, artLambda >= 0, artLambda < 1 else { throw .invalidArtLambda(artLambda) }
    }

    /// Validates the configuration and builds its network on `n` wires.
    public func makeNetwork(n: Int) throws(RelaxedSortError) -> SortingNetwork {
        try validate()
        do {
            return try SortingNetwork(kind: network, n: n, construction: construction)
        } catch { throw .invalidSize(n) }
    }
}

/// Forward result for a batch of `batch` rows of length `n` (row-major, flat).
public struct SortOutput<T: SortScalar>: Sendable {
    public let n: Int
    public let batch: Int
    /// `y[b·n + i]`: the relaxed sorted row `b`, ascending.
    public var y: [T]
    /// `p[(b·n + j)·n + i]` = weight of input `j` at output position `i` (the authors'
    /// convention, `y = xᵀP`), or `nil` for the values-only path.
    public var p: [T]?

    public init(n: Int, batch: Int, y: [T], p: [T]?) {
        self.n = n
        self.batch = batch
        self.y = y
        self.p = p
    }
}

/// Forward result plus the vector–Jacobian product with respect to `x`.
public struct SortGradient<T: SortScalar>: Sendable {
    public var output: SortOutput<T>
    /// `∂(Σ cotangentY·y + Σ cotangentP·P)/∂x`, shape `[batch][n]`.
    public var gradX: [T]
}

/// Typed errors of the relaxed sorters. Bad input never crashes and never yields silent NaNs.
public enum RelaxedSortError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidSize(Int)
    case invalidSteepness(Double)
    case invalidArtLambda(Double)
    case shapeMismatch(what: String, expected: Int, got: Int)
    case nonFiniteInput(row: Int, column: Int, value: Double)
    case networkSizeMismatch(network: Int, sorter: Int)
    case nonFiniteCotangent(what: String, index: Int)
    /// The steepness is finite and > 0 as a `Double`, but not in the element type (it rounds
    /// to 0 or overflows in `Float`).
    case steepnessNotRepresentable(Double, type: String)
    /// `logistic_phi`'s dα/dd peaks at `s·ε^(−λ)/4` (at d = 0); for the VJP that must be finite
    /// in the element type.
    case gradientOverflow(steepness: Double, artLambda: Double, type: String)
    /// A finite input beyond ±``RelaxedSortError/inputBound(_:)`` of the element type.
    case inputOutOfRange(row: Int, column: Int, value: Double, bound: Double)

    /// The largest input magnitude the sorters accept: a quarter of the type's greatest finite
    /// value (4.49e307 in Double, 8.5e37 in Float). Within it every difference `b − a` is finite,
    /// so every blend is a convex combination that cannot overflow, and y, P and ∂x stay finite
    /// for finite cotangents of ordinary size; beyond it the relaxed blends could round to ±∞.
    public static func inputBound<T: BinaryFloatingPoint>(_: T.Type) -> T { T.greatestFiniteMagnitude / 4 }

    public var description: String {
        switch self {
        case .invalidSize(let n): "n must be ≥ 1, got \(n)"
        case .invalidSteepness(let s): "steepness must be finite and > 0, got \(s)"
        case .invalidArtLambda(let l): "art_lambda must be finite and in [0, 1), got \(l)"
        case .shapeMismatch(let what, let expected, let got):
            "\(what) has \(got) elements, expected \(expected)"
        case .nonFiniteInput(let row, let column, let value):
            "input x[\(row)][\(column)] = \(value) is not finite; the relaxed sort is defined for finite inputs only"
        case .networkSizeMismatch(let network, let sorter): "network has \(network) wires, sorter expects \(sorter)"
        case .nonFiniteCotangent(let what, let index): "\(what)[\(index)] (flat index) is not finite"
        case .inputOutOfRange(let row, let column, let value, let bound):
            "input x[\(row)][\(column)] = \(value) is beyond ±\(bound), the largest magnitude the relaxed sort accepts (a quarter of the type's range, so that differences and blends stay finite)"
        case .gradientOverflow(let s, let lambda, let type):
            "logistic_phi's dα/dd peaks at steepness·ε^(−art_lambda)/4, beyond the range of \(type) for steepness \(s) and art_lambda \(lambda): the VJP is not representable (the forward pass is)"
        case .steepnessNotRepresentable(let s, let type):
            "steepness \(s) is outside the range of \(type): it rounds to 0 or ∞ there"
        }
    }
}

/// A relaxed sorting network: forward (values and optionally P) and the VJP with respect to `x`.
///
/// Inputs are flat row-major batches of rows of length ``n``. Every non-finite input is rejected
/// with ``RelaxedSortError/nonFiniteInput(row:column:value:)`` (naming the first offending entry);
/// the authors' dense code would instead turn the whole row into NaN (arXiv 2105.04019).
public protocol RelaxedSorter: Sendable {
    var n: Int { get }
    var configuration: SortConfiguration { get }
    var network: SortingNetwork { get }

    init(n: Int, configuration: SortConfiguration) throws(RelaxedSortError)

    /// Relaxed sort of every row; `computeP: false` is the values-only path (P never built).
    func sort<T: SortScalar>(_ x: [T], computeP: Bool) throws(RelaxedSortError) -> SortOutput<T>

    /// Forward (with P iff `cotangentP` is given or `computeP`) and the VJP with respect to `x`.
    func gradient<T: SortScalar>(
        _ x: [T], cotangentY: [T]?, cotangentP: [T]?, computeP: Bool
    ) throws(RelaxedSortError) -> SortGradient<T>
}

/// Every implementation of ``RelaxedSorter``; tests, proofs, fixtures and benchmarks iterate it.
public enum SortingImplementation: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// ``ReferenceRelaxedSorter``: the paper's loops, plain Swift.
    case reference
    /// ``SIMDRelaxedSorter``: sparse wire-pair application, SIMD over P rows, panel-blocked P
    /// with fused layer pairs; the baseline (any x86-64) kernel.
    case optimized
    /// ``SIMDRelaxedSorter`` with its AVX2 + FMA panel kernel, chosen at run time (the baseline
    /// kernel on a CPU without them: ``SIMDRelaxedSorter/avx2FMAAvailable``).
    case optimizedAVX2 = "optimized-avx2"

    public var description: String { rawValue }

    public func makeSorter(n: Int, configuration: SortConfiguration) throws(RelaxedSortError) -> any RelaxedSorter {
        switch self {
        case .reference: try ReferenceRelaxedSorter(n: n, configuration: configuration)
        case .optimized: try SIMDRelaxedSorter(n: n, configuration: configuration)
        case .optimizedAVX2: try SIMDRelaxedSorter(n: n, configuration: configuration, instructionSet: .avx2FMA)
        }
    }
}

extension RelaxedSorter {
    /// Shape, range and finiteness checks shared by all implementations; returns the batch size.
    /// `forGradient` adds the checks of the VJP (its derivatives must be representable).
    public func validatedBatch<T: SortScalar>(
        _ x: [T], cotangentY: [T]? = nil, cotangentP: [T]? = nil, forGradient: Bool = false
    ) throws(RelaxedSortError) -> Int {
        guard x.count % n == 0 else { throw .shapeMismatch(what: "x", expected: (x.count / n + 1) * n, got: x.count) }
        let batch = x.count / n
        let s = T(configuration.steepness)
        guard s.isFinite, s > 0 else { throw .steepnessNotRepresentable(configuration.steepness, type: "\(T.self)") }
        if forGradient, configuration.family == .logisticPhi {
            let peak = s * T.pow(T(sigmoidGuardEpsilon), -T(configuration.artLambda)) / 4
            guard peak <= T.greatestFiniteMagnitude / 4 else {
                throw .gradientOverflow(steepness: configuration.steepness, artLambda: configuration.artLambda, type: "\(T.self)")
            }
        }
        let bound = RelaxedSortError.inputBound(T.self)
        for (k, v) in x.enumerated() where !(v.magnitude <= bound) {
            if !v.isFinite { throw .nonFiniteInput(row: k / n, column: k % n, value: Double(v)) }
            throw .inputOutOfRange(row: k / n, column: k % n, value: Double(v), bound: Double(bound))
        }
        if let cy = cotangentY {
            guard cy.count == x.count else { throw .shapeMismatch(what: "cotangent_y", expected: x.count, got: cy.count) }
            if let k = firstNonFiniteIndex(cy) { throw .nonFiniteCotangent(what: "cotangent_y", index: k) }
        }
        if let cp = cotangentP {
            guard cp.count == batch * n * n else { throw .shapeMismatch(what: "cotangent_p", expected: batch * n * n, got: cp.count) }
            if let k = firstNonFiniteIndex(cp) { throw .nonFiniteCotangent(what: "cotangent_p", index: k) }
        }
        return batch
    }

    /// Convenience for nested rows.
    public func sort<T: SortScalar>(rows: [[T]], computeP: Bool = true) throws(RelaxedSortError) -> SortOutput<T> {
        for row in rows where row.count != n { throw .shapeMismatch(what: "row", expected: n, got: row.count) }
        return try sort(rows.flatMap { $0 }, computeP: computeP)
    }
}

/// The former name of ``SortingImplementation`` (renamed so that the enum says which method it belongs to).
@available(*, deprecated, renamed: "SortingImplementation")
public typealias Implementation = SortingImplementation
