import SortingNetworks

extension TopKConfiguration {
    /// Bytes one top-k loss evaluation of `batch` rows of `n` logits needs, by a conservative
    /// estimate computed before anything is built (`Double` elements): 128 bytes per comparator
    /// of the network on the sorter's wires, the relaxed permutation matrices of NeuralSort and
    /// SoftSort (`batch·n'²`), the membership probabilities (`batch·n'·K`), logits and gradients.
    public func estimatedWorkingBytes(n: Int, batch: Int) -> Int {
        let wires = Double(max(m ?? n, 0)), rows = Double(max(batch, 0)), K = Double(max(k, 1))
        var bytes = 8 * 4 * rows * Double(max(n, 0)) + 8 * 4 * rows * wires * K
        switch method {
        case .bitonic, .splitterSelection:
            bytes += 128 * SortingNetwork.comparatorCountBound(kind: .bitonic, n: max(m ?? n, 0))
        case .oddEven:
            bytes += 128 * SortingNetwork.comparatorCountBound(kind: .oddEven, n: max(m ?? n, 0))
        case .neuralSort, .softSort:
            bytes += 8 * 4 * rows * wires * wires
        }
        return bytes >= Double(Int.max) ? Int.max : Int(bytes)
    }
}
