import SortingNetworks

/// Every (network, construction) pair, for sweeping.
let allNetworks: [(SortingNetwork.Kind, SortingNetwork.Construction)] = [
    (.oddEven, .authors), (.bitonic, .authors), (.bitonic, .valid),
]

/// Networks that sort every n (the authors' bitonic does not: n = 22, 38, …).
let validNetworks: [(SortingNetwork.Kind, SortingNetwork.Construction)] = [(.oddEven, .valid), (.bitonic, .valid)]

extension SplitMix64 {
    /// `count` values uniform in `range`.
    mutating func uniform(_ count: Int, in range: ClosedRange<Double> = -3...3) -> [Double] {
        (0..<count).map { _ in Double.random(in: range, using: &self) }
    }
}

/// Largest absolute difference of two arrays.
func maxAbsDifference<T: BinaryFloatingPoint>(_ a: [T], _ b: [T]) -> Double {
    precondition(a.count == b.count)
    return zip(a, b).reduce(0) { max($0, Double(abs($1.0 - $1.1))) }
}

/// Largest magnitude in an array (at least 1, so bounds stay meaningful near zero).
func scale<T: BinaryFloatingPoint>(_ a: [T]) -> Double {
    a.reduce(1) { max($0, Double(abs($1))) }
}
