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
public enum Implementation: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// ``ReferenceRelaxedSorter``: the paper's loops, plain Swift.
    case reference
    /// ``SIMDRelaxedSorter``: sparse wire-pair application, SIMD over P rows, panel-blocked P.
    case optimized

    public var description: String { rawValue }

    public func makeSorter(n: Int, configuration: SortConfiguration) throws(RelaxedSortError) -> any RelaxedSorter {
        switch self {
        case .reference: try ReferenceRelaxedSorter(n: n, configuration: configuration)
        case .optimized: try SIMDRelaxedSorter(n: n, configuration: configuration)
        }
    }
}

extension RelaxedSorter {
    /// Shape and finiteness checks shared by all implementations; returns the batch size.
    public func validatedBatch<T: SortScalar>(_ x: [T], cotangentY: [T]? = nil, cotangentP: [T]? = nil) throws(RelaxedSortError) -> Int {
        guard x.count % n == 0 else { throw .shapeMismatch(what: "x", expected: (x.count / n + 1) * n, got: x.count) }
        let batch = x.count / n
        for (k, v) in x.enumerated() where !v.isFinite {
            throw .nonFiniteInput(row: k / n, column: k % n, value: Double(v))
        }
        if let cy = cotangentY {
            guard cy.count == x.count else { throw .shapeMismatch(what: "cotangent_y", expected: x.count, got: cy.count) }
            if let k = cy.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteCotangent(what: "cotangent_y", index: k) }
        }
        if let cp = cotangentP {
            guard cp.count == batch * n * n else { throw .shapeMismatch(what: "cotangent_p", expected: batch * n * n, got: cp.count) }
            if let k = cp.firstIndex(where: { !$0.isFinite }) { throw .nonFiniteCotangent(what: "cotangent_p", index: k) }
        }
        return batch
    }

    /// Convenience for nested rows.
    public func sort<T: SortScalar>(rows: [[T]], computeP: Bool = true) throws(RelaxedSortError) -> SortOutput<T> {
        for row in rows where row.count != n { throw .shapeMismatch(what: "row", expected: n, got: row.count) }
        return try sort(rows.flatMap { $0 }, computeP: computeP)
    }
}
