/// Typed errors of the top-k module. Bad input never crashes and never yields silent NaNs.
public enum TopKError: Error, Equatable, Sendable, CustomStringConvertible {
    case emptyDistribution
    case negativeProbability(index: Int, value: Double)
    case nonFiniteProbability(index: Int, value: Double)
    case distributionDoesNotSumToOne(sum: Double)
    /// `K` (the length of `P_K`) exceeds the number of wires the sorter works on.
    case distributionLongerThanClasses(k: Int, n: Int)
    case invalidClassCount(Int)
    /// Top-m pre-selection needs `2 ≤ m`, `K < m < n`.
    case invalidM(m: Int, k: Int, n: Int)
    case invalidSteepness(Double)
    /// The steepness is finite and > 0 as a `Double` but rounds to 0 or ∞ in the element type
    /// of the logits (e.g. 1e39 or 1e-50 for `Float`).
    case steepnessNotRepresentable(Double, type: String)
    case invalidArtLambda(Double)
    case labelOutOfRange(row: Int, label: Int, n: Int)
    case labelCountMismatch(rows: Int, labels: Int)
    case shapeMismatch(what: String, expected: Int, got: Int)
    case nonFiniteLogit(row: Int, column: Int, value: Double)
    case invalidSVMParameter(String)
    /// `(max − min)·steepness` of a row overflows the floating-point type, so scaled comparator
    /// differences would be infinite and the relaxation undefined.
    case logitRangeOverflow(row: Int)

    public var description: String {
        switch self {
        case .emptyDistribution: "p_k must hold at least one weight"
        case .negativeProbability(let i, let v): "p_k[\(i)] = \(v) is negative; every weight must be ≥ 0"
        case .nonFiniteProbability(let i, let v): "p_k[\(i)] = \(v) is not finite"
        case .distributionDoesNotSumToOne(let s):
            "p_k sums to \(s); it must sum to 1 (strictly between 0.9999 and 1.0001, as the authors assert)"
        case .distributionLongerThanClasses(let k, let n):
            "p_k has K = \(k) entries but the sorter only has \(n) wires (need K ≤ n, or K < m with top-m)"
        case .invalidClassCount(let n): "the number of classes must be ≥ 1, got \(n)"
        case .invalidM(let m, let k, let n):
            "top-m pre-selection needs m ≥ 2 and K < m < n; got m = \(m), K = \(k), n = \(n)"
        case .invalidSteepness(let s): "steepness (inverse temperature) must be finite and > 0, got \(s)"
        case .steepnessNotRepresentable(let s, let type):
            "steepness (inverse temperature) \(s) is outside the range of \(type): it rounds to 0 or ∞ there"
        case .invalidArtLambda(let l): "art_lambda must be finite and in [0, 1), got \(l)"
        case .labelOutOfRange(let row, let label, let n): "label[\(row)] = \(label) is outside 0..<\(n)"
        case .labelCountMismatch(let rows, let labels): "logits hold \(rows) rows but \(labels) labels were given"
        case .shapeMismatch(let what, let expected, let got): "\(what) has \(got) elements, expected \(expected)"
        case .nonFiniteLogit(let row, let column, let value):
            "logit[\(row)][\(column)] = \(value) is not finite; the top-k loss is defined for finite logits only"
        case .invalidSVMParameter(let why): "smooth top-k SVM: \(why)"
        case .logitRangeOverflow(let row):
            "logits of row \(row) span more than the floating-point range ((max − min)·steepness overflows); rescale the logits"
        }
    }
}
