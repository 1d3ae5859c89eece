import SortingNetworks

/// Result of one loss evaluation on a batch.
public struct TopKLossResult<T: SortScalar>: Sendable {
    /// The batch-mean loss.
    public var loss: T
    /// `∂loss/∂logits`, shape `[batch][n]` (row-major).
    public var gradLogits: [T]
    /// The top-k attribution `A` per row, shape `[batch][n'][K]` with `n' = m` under top-m
    /// pre-selection (reduced order: true class first), else `n`; `nil` unless requested.
    public var probabilities: [T]?
    /// `n'`: the number of wires the sorter ran on.
    public var sorterSize: Int
}

/// The differentiable top-k cross-entropy of arXiv 2206.07290 (the authors' `TopKCrossEntropyLoss`):
/// forward loss and the exact gradient with respect to the logits.
///
/// Every implementation validates its input and throws ``TopKError`` on bad input (labels out of
/// range, non-finite logits, wrong shapes); configurations are validated at `init`.
public protocol TopKLossFunction: Sendable {
    /// Number of classes.
    var n: Int { get }
    var configuration: TopKConfiguration { get }

    init(n: Int, configuration: TopKConfiguration) throws(TopKError)

    /// Loss and gradient for row-major `logits` (`[batch][n]`) and integer `labels` (`[batch]`).
    func evaluate<T: SortScalar>(logits: [T], labels: [Int], computeProbabilities: Bool) throws(TopKError) -> TopKLossResult<T>
}

/// Every implementation of ``TopKLossFunction``; tests, fixtures and benchmarks iterate it.
public enum TopKImplementation: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// ``ReferenceTopKLoss``: the paper's loops on the full network, nested arrays.
    case reference
    /// ``SIMDTopKLoss``: pruned cone, in-place `n×K` buffer, SIMD over `K`, no allocation per layer.
    case optimized
    /// ``SIMDTopKLoss`` with the AVX2 + FMA instance of its batched kernel (Float, Cauchy), chosen
    /// at run time (the baseline kernel on a CPU without AVX2 and FMA).
    case optimizedAVX2 = "optimized-avx2"

    public var description: String { rawValue }

    public func makeLoss(n: Int, configuration: TopKConfiguration) throws(TopKError) -> any TopKLossFunction {
        switch self {
        case .reference: try ReferenceTopKLoss(n: n, configuration: configuration)
        case .optimized: try SIMDTopKLoss(n: n, configuration: configuration)
        case .optimizedAVX2: try SIMDTopKLoss(n: n, configuration: configuration, instructionSet: .avx2FMA)
        }
    }
}

extension TopKLossFunction {
    public func evaluate<T: SortScalar>(logits: [T], labels: [Int]) throws(TopKError) -> TopKLossResult<T> {
        try evaluate(logits: logits, labels: labels, computeProbabilities: false)
    }

    /// Shape, finiteness and label checks shared by all implementations; returns the batch size.
    public func validatedBatch<T: SortScalar>(logits: [T], labels: [Int]) throws(TopKError) -> Int {
        guard logits.count % n == 0, !logits.isEmpty else {
            throw .shapeMismatch(what: "logits", expected: max(labels.count, 1) * n, got: logits.count)
        }
        let batch = logits.count / n
        guard labels.count == batch else { throw .labelCountMismatch(rows: batch, labels: labels.count) }
        for (row, label) in labels.enumerated() where label < 0 || label >= n {
            throw .labelOutOfRange(row: row, label: label, n: n)
        }
        // The configuration checked the steepness as a Double; it must also survive the rounding
        // to the logits' type (Float: 1e39 becomes ∞, 1e-50 becomes 0), and so must 1/steepness,
        // the temperature of NeuralSort and SoftSort.
        let steepness = T(configuration.steepness), tau = 1 / steepness
        guard steepness.isFinite, steepness > 0, tau.isFinite, tau > 0 else {
            throw .steepnessNotRepresentable(configuration.steepness, type: "\(T.self)")
        }
        if let k = firstNonFinite(logits) { throw .nonFiniteLogit(row: k / n, column: k % n, value: Double(logits[k])) }
        if let row = firstOverflowingRow(logits, n: n, scale: T(configuration.steepness)) { throw .logitRangeOverflow(row: row) }
        return batch
    }
}

/// The first row whose `(max − min)·scale` is not finite (finite entries assumed): beyond that,
/// scaled comparator differences (`s·(b − a)`, or `s_i/τ`) would be infinite.
@_specialize(where T == Double)
@_specialize(where T == Float)
func firstOverflowingRow<T: SortScalar>(_ values: [T], n: Int, scale: T) -> Int? {
    for row in 0..<(values.count / n) {
        var lo = values[row * n], hi = lo
        for v in values[(row * n)..<((row + 1) * n)] {
            lo = Swift.min(lo, v)
            hi = Swift.max(hi, v)
        }
        if !((hi - lo) * Swift.max(scale, 1)).isFinite { return row }
    }
    return nil
}

/// Index of the first NaN or ±∞ entry, if any.
@_specialize(where T == Double)
@_specialize(where T == Float)
func firstNonFinite<T: SortScalar>(_ values: [T]) -> Int? {
    for (k, v) in values.enumerated() where !v.isFinite { return k }
    return nil
}

/// Top-m pre-selection (arXiv 2206.07290): the true class first, then the `m − 1` largest other
/// logits in descending order (ties broken by the lower class index). Returns the class index of
/// every reduced position; the reduced label is 0.
public func topMSelection<T: Comparable>(_ row: ArraySlice<T>, label: Int, m: Int) -> [Int] {
    let base = row.startIndex
    var others = (0..<row.count).filter { $0 != label }
    others.sort { row[base + $0] > row[base + $1] || (row[base + $0] == row[base + $1] && $0 < $1) }
    return [label] + others.prefix(m - 1)
}

/// The former name of ``TopKImplementation`` (renamed so that the enum says which method it belongs to).
@available(*, deprecated, renamed: "TopKImplementation")
public typealias Implementation = TopKImplementation
