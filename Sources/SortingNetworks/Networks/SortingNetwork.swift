/// A comparator network on the wires `0..<n`, stored sparsely as layers of wire pairs.
///
/// Each layer holds comparators on disjoint wires; wires not named in a layer pass through
/// unchanged (the authors' dense code represents those as "identity entries" with weight 0.5 + 0.5,
/// which is bit-identical to skipping them — arXiv 2105.04019). The number of identity
/// entries the authors' matrices would hold is kept in ``identityEntries`` so the construction
/// checksums computed from the authors' code can be verified.
public struct SortingNetwork: Hashable, Sendable, CustomStringConvertible {
    /// One relaxed conditional swap on wires `lo < hi`.
    ///
    /// The blend weight is always computed from `x[hi] − x[lo]`; `descending` only decides which
    /// wire receives the minimum (arXiv 2105.04019).
    public struct Comparator: Hashable, Sendable {
        public var lo: Int
        public var hi: Int
        public var descending: Bool

        public init(_ lo: Int, _ hi: Int, descending: Bool = false) {
            precondition(lo < hi, "a comparator needs lo < hi")
            self.lo = lo
            self.hi = hi
            self.descending = descending
        }

        /// The checked form for wires that come from outside (files, user input): a typed
        /// error instead of a trap when `0 ≤ lo < hi` does not hold.
        public init(checking lo: Int, _ hi: Int, descending: Bool = false) throws(SortingNetworkError) {
            guard 0 <= lo, lo < hi else { throw .invalidComparator(lo: lo, hi: hi) }
            self.init(lo, hi, descending: descending)
        }

        /// The wire that receives the (soft) minimum.
        @inlinable public var minWire: Int { descending ? hi : lo }
        /// The wire that receives the (soft) maximum.
        @inlinable public var maxWire: Int { descending ? lo : hi }
    }

    public let n: Int
    public let kind: Kind
    public let construction: Construction
    /// Comparators per layer, in application order.
    public let layers: [[Comparator]]
    /// Identity (pass-through) entries per layer in the authors' dense matrices.
    public let identityEntries: [Int]

    /// Which comparator network.
    public enum Kind: String, CaseIterable, Sendable, Codable {
        case bitonic
        case oddEven = "odd_even"
    }

    /// How the bitonic network is wired when `n` is not a power of two.
    public enum Construction: String, CaseIterable, Sendable, Codable {
        /// Bit-for-bit the authors' wiring (padding at the low end, alternating directions);
        /// **not a sorting network** for 708 of the sizes 2…1024 (smallest n = 22).
        case authors
        /// Single-direction ("flip") bitonic form, padding at the high end: sorts for every n.
        case valid
    }

    /// A custom network on `n` wires, validated: every comparator inside `0..<n` and the
    /// comparators of each layer on disjoint wires. (`kind` and `construction` only label it.)
    public init(validating layers: [[Comparator]], n: Int, kind: Kind = .bitonic, construction: Construction = .valid) throws(SortingNetworkError) {
        guard n >= 1 else { throw .invalidSize(n) }
        for (l, layer) in layers.enumerated() {
            var used = Set<Int>()
            for c in layer {
                guard c.lo >= 0, c.lo < c.hi, c.hi < n else { throw .comparatorOutOfRange(layer: l, lo: c.lo, hi: c.hi, n: n) }
                guard used.insert(c.lo).inserted, used.insert(c.hi).inserted else { throw .overlappingWires(layer: l) }
            }
        }
        self.init(n: n, kind: kind, construction: construction, layers: layers,
                  identityEntries: layers.map { n - 2 * $0.count })
    }

    public init(n: Int, kind: Kind, construction: Construction, layers: [[Comparator]], identityEntries: [Int]) {
        self.n = n
        self.kind = kind
        self.construction = construction
        self.layers = layers
        self.identityEntries = identityEntries
    }

    /// Builds the network of the given kind. Odd-even transposition is the same for both
    /// constructions.
    public init(kind: Kind, n: Int, construction: Construction = .valid) throws(SortingNetworkError) {
        guard n >= 1 else { throw .invalidSize(n) }
        switch kind {
        case .oddEven: self = SortingNetwork.oddEvenTransposition(n: n, construction: construction)
        case .bitonic:
            switch construction {
            case .authors: self = SortingNetwork.authorsBitonic(n: n)
            case .valid: self = SortingNetwork.flipBitonic(n: n)
            }
        }
    }

    public var comparatorCount: Int { layers.reduce(0) { $0 + $1.count } }
    public var identityCount: Int { identityEntries.reduce(0, +) }

    public var description: String {
        "\(kind.rawValue)(\(construction.rawValue)) n=\(n): \(layers.count) layers, \(comparatorCount) comparators"
    }
}

/// Errors raised when building a network.
public enum SortingNetworkError: Error, Equatable, Sendable, CustomStringConvertible {
    case invalidSize(Int)
    case invalidComparator(lo: Int, hi: Int)
    case comparatorOutOfRange(layer: Int, lo: Int, hi: Int, n: Int)
    case overlappingWires(layer: Int)

    public var description: String {
        switch self {
        case .invalidSize(let n): "a sorting network needs n ≥ 1 wires, got \(n)"
        case .invalidComparator(let lo, let hi): "a comparator needs 0 ≤ lo < hi, got (\(lo), \(hi))"
        case .comparatorOutOfRange(let layer, let lo, let hi, let n):
            "layer \(layer): comparator (\(lo), \(hi)) is outside the wires 0..<\(n) or has lo ≥ hi"
        case .overlappingWires(let layer): "layer \(layer): two comparators share a wire"
        }
    }
}
