/// Working-memory estimates, computed from `n` and the batch size alone, so that callers with
/// outside input can refuse a size (against a limit of their choosing) before anything is built.
extension SortingNetwork {
    /// The number of comparators of the network on `n` wires, without building it (bitonic: an
    /// upper bound, `L(L+1)/2` layers of at most `n/2` comparators, `L = ⌈log₂ n⌉`).
    public static func comparatorCountBound(kind: Kind, n: Int) -> Double {
        guard n >= 2 else { return 0 }
        let m = Double(n)
        switch kind {
        case .oddEven: return m * (m - 1) / 2
        case .bitonic:
            let L = Double(ceilLog2(n))
            return L * (L + 1) / 2 * (m / 2).rounded(.down)
        }
    }
}

extension SortConfiguration {
    /// Bytes one relaxed sort of `batch` rows of length `n` needs, by a conservative estimate
    /// (`Double` elements): 128 bytes per comparator (the network's layers, the optimized
    /// sorter's wiring and its per-comparator α, dα/dd and a − b), the inputs and outputs
    /// (`P` is `batch·n²` elements), and for the reference sorter its per-layer trace of one row.
    public func estimatedWorkingBytes(n: Int, batch: Int, computeP: Bool, implementation: SortingImplementation) -> Int {
        let m = Double(max(n, 0)), rows = Double(max(batch, 0))
        let comparators = SortingNetwork.comparatorCountBound(kind: network, n: n)
        let layers = network == .oddEven ? m : {
            let L = Double(SortingNetwork.ceilLog2(max(n, 1)))
            return L * (L + 1) / 2
        }()
        var bytes = 128 * comparators + 8 * 4 * rows * m
        if computeP { bytes += 8 * 2 * rows * m * m }
        if implementation == .reference {
            bytes += 8 * (layers + 1) * m
            if computeP { bytes += 8 * (layers + 1) * m * m }
        }
        return bytes >= Double(Int.max) ? Int.max : Int(bytes)
    }
}
