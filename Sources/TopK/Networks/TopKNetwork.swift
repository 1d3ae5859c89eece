import SortingNetworks

/// A comparator network used to select the top `K` of `n` values: after the layers, wires
/// `n − K … n − 1` hold the `K` largest values in ascending order (for a valid network).
///
/// Built from a `SortingNetwork` (bitonic, odd-even: the full sorter), or as the splitter
/// selection network (arXiv 2206.07290). ``pruned()`` keeps only the backward cone of the top wires.
public struct TopKNetwork: Hashable, Sendable, CustomStringConvertible {
    public typealias Comparator = SortingNetwork.Comparator

    public let n: Int
    /// The number of top wires the network is asked for.
    public let k: Int
    public let name: String
    /// Comparators per layer (disjoint wires within a layer), in application order.
    public let layers: [[Comparator]]

    public init(n: Int, k: Int, name: String, layers: [[Comparator]]) {
        self.n = n
        self.k = k
        self.name = name
        self.layers = layers
    }

    /// The full sorting network `network`, asked for its top `k` wires (no comparator removed,
    /// as the authors' sparse bitonic top-k).
    public init(sortingNetwork network: SortingNetwork, k: Int) {
        self.init(n: network.n, k: k, name: "\(network.kind.rawValue)(\(network.construction.rawValue))",
                  layers: network.layers)
    }

    /// The network of a top-k method; `nil` for NeuralSort/SoftSort (not networks).
    public init?(method: TopKMethod, construction: SortingNetwork.Construction, n: Int, k: Int) {
        switch method {
        case .bitonic:
            guard let net = try? SortingNetwork(kind: .bitonic, n: n, construction: construction) else { return nil }
            self.init(sortingNetwork: net, k: k)
        case .oddEven:
            guard let net = try? SortingNetwork(kind: .oddEven, n: n, construction: construction) else { return nil }
            self.init(sortingNetwork: net, k: k)
        case .splitterSelection:
            self = TopKNetwork.splitterSelection(n: n, k: k)
        case .neuralSort, .softSort:
            return nil
        }
    }

    public var comparatorCount: Int { layers.reduce(0) { $0 + $1.count } }

    /// The top wires `n − K … n − 1` (ascending: the last one is rank 1).
    public var topWires: Range<Int> { (n - k)..<n }

    /// Exact cone pruning (arXiv 2206.07290): walking the layers backwards from the top-`K` wires, a
    /// comparator is kept iff one of its wires is *live* (can still reach a top wire); its two
    /// wires then become live. Every dropped comparator only mixes values/rows that never reach a
    /// top wire, so the top-`K` outputs, the attribution `A` and every gradient are unchanged
    /// (proven on all 0-1 inputs and on rationals in `Proofs/TopK`). Empty layers are removed.
    public func pruned() -> TopKNetwork {
        var live = [Bool](repeating: false, count: n)
        for w in topWires { live[w] = true }
        var kept: [[Comparator]] = []
        for layer in layers.reversed() {
            var keptLayer: [Comparator] = []
            for c in layer where live[c.lo] || live[c.hi] { keptLayer.append(c) }
            for c in keptLayer {
                live[c.lo] = true
                live[c.hi] = true
            }
            if !keptLayer.isEmpty { kept.append(keptLayer) }
        }
        return TopKNetwork(n: n, k: k, name: name + "/pruned", layers: kept.reversed())
    }

    public var description: String { "\(name) n=\(n) K=\(k): \(layers.count) layers, \(comparatorCount) comparators" }
}

extension TopKNetwork {
    /// Hard (exact min/max) evaluation, in place; the `s → ∞` limit for distinct inputs.
    public func hardApply<T: Comparable>(_ values: inout [T]) {
        layers.applyHard(to: &values)
    }

    /// The hard top-`K` outputs (wires `n − K … n − 1`) of `values`.
    public func hardTopK<T: Comparable>(_ values: [T]) -> [T] {
        var v = values
        hardApply(&v)
        return Array(v[topWires])
    }

    /// Bit-sliced hard evaluation on 0-1 inputs: bit `i` of `wires[w]` is wire `w` of the
    /// `i`-th of 64 inputs; a comparator is `min = a & b`, `max = a | b`.
    public func hardApplyBitSliced(_ wires: inout [UInt64]) {
        layers.applyHardBitSliced(to: &wires)
    }
}
