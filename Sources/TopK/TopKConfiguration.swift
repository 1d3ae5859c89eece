import SortingNetworks

/// Which differentiable sorter produces the top-k attribution (arXiv 2206.07290).
public enum TopKMethod: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Relaxed bitonic network (the authors' `bitonic` / `bitonic__non_sparse`; wiring per
    /// `SortingNetwork.Construction`).
    case bitonic
    /// The splitter selection network of Borgelt, as used by arXiv 2206.07290, the paper's dedicated top-k network.
    case splitterSelection = "splitter_selection"
    /// Relaxed odd-even transposition network.
    case oddEven = "odd_even"
    /// NeuralSort (Grover et al., ICLR 2019), τ = 1/steepness.
    case neuralSort = "neuralsort"
    /// SoftSort (Prillo & Eisenschlos, ICML 2020), τ = 1/steepness, exponent 1.
    case softSort = "softsort"

    public var description: String { rawValue }

    /// `true` for the comparator networks (which take a sigmoid family).
    public var isNetwork: Bool {
        switch self {
        case .bitonic, .splitterSelection, .oddEven: true
        case .neuralSort, .softSort: false
        }
    }

    /// Parses the authors' names too (`bitonic__non_sparse` is the dense variant of `bitonic`).
    public init?(authorsName: String) {
        if authorsName == "bitonic__non_sparse" { self = .bitonic } else { self.init(rawValue: authorsName) }
    }
}

/// How the top-1 objective enters the loss (arXiv 2206.07290).
public enum Top1Mode: String, CaseIterable, Sendable, Codable, CustomStringConvertible {
    /// Everything from the sorter.
    case sort
    /// `p_1·softmax(s)_y` replaces the sorter's top-1 term (the authors' default).
    case sm
    /// A separate softmax cross-entropy term weighted by `p_1` (not renormalised, as the authors).
    case smce

    public var description: String { rawValue }
}

/// Everything that defines the loss apart from the number of classes.
///
/// **Defaults (this package's convention):** the authors' loss defaults to
/// `distribution=None`, which crashes every network method at the first forward call. This
/// port defaults to the `cauchy` family (the default of the authors' `DiffTopkNet` and of
/// diffsort ≥ 0.2.0), steepness (inverse temperature) 10, `art_lambda` 0.25, the valid bitonic
/// construction, mode `sm`, no top-m, and `P_K = [0.5, 0, 0, 0, 0.5]` (half top-1, half top-5).
public struct TopKConfiguration: Hashable, Sendable, Codable {
    public var method: TopKMethod
    /// Only used by ``TopKMethod/bitonic``.
    public var construction: SortingNetwork.Construction
    /// Ignored by NeuralSort and SoftSort.
    public var family: SigmoidFamily
    /// The authors' `inverse_temperature`: network steepness, or `1/τ` for NeuralSort/SoftSort.
    public var steepness: Double
    public var artLambda: Double
    public var distribution: TopKDistribution
    /// Top-m pre-selection (arXiv 2206.07290); `nil` = sort all `n` classes.
    public var m: Int?
    public var top1Mode: Top1Mode
    /// Evaluate only the comparators in the backward cone of the top-K wires (exact, arXiv 2206.07290).
    /// Used by the optimized implementation; the reference always runs the full network.
    public var pruned: Bool

    public static let defaultDistribution = try! TopKDistribution([0.5, 0, 0, 0, 0.5])

    public init(
        method: TopKMethod = .bitonic, construction: SortingNetwork.Construction = .valid,
        family: SigmoidFamily = .cauchy, steepness: Double = 10, artLambda: Double = 0.25,
        distribution: TopKDistribution = TopKConfiguration.defaultDistribution, m: Int? = nil,
        top1Mode: Top1Mode = .sm, pruned: Bool = true
    ) {
        self.method = method
        self.construction = construction
        self.family = family
        self.steepness = steepness
        self.artLambda = artLambda
        self.distribution = distribution
        self.m = m
        self.top1Mode = top1Mode
        self.pruned = pruned
    }

    public var k: Int { distribution.k }

    /// Validates the parameters for `n` classes and returns the number of wires the sorter works on
    /// (`m` with top-m pre-selection, else `n`).
    public func sorterSize(classes n: Int) throws(TopKError) -> Int {
        guard n >= 1 else { throw .invalidClassCount(n) }
        guard steepness.isFinite, steepness > 0 else { throw .invalidSteepness(steepness) }
        guard artLambda.isFinite, artLambda >= 0, artLambda < 1 else { throw .invalidArtLambda(artLambda) }
        if let m {
            guard m >= 2, k < m, m < n else { throw .invalidM(m: m, k: k, n: n) }
            return m
        }
        guard k <= n else { throw .distributionLongerThanClasses(k: k, n: n) }
        return n
    }
}
