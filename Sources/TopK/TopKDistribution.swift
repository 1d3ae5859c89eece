/// The distribution `P_K = (p_1, …, p_K)` over the top-k objectives (arXiv 2206.07290).
///
/// `p_k` is the weight of "the true class is among the k best". The authors only assert that
/// the sum lies in (0.9999, 1.0001); this port also rejects negative and non-finite weights.
public struct TopKDistribution: Hashable, Sendable, Codable, CustomStringConvertible {
    /// `p_1 … p_K` (index 0 is `p_1`).
    public let weights: [Double]

    public init(_ weights: [Double]) throws(TopKError) {
        guard !weights.isEmpty else { throw .emptyDistribution }
        for (i, p) in weights.enumerated() {
            guard p.isFinite else { throw .nonFiniteProbability(index: i, value: p) }
            guard p >= 0 else { throw .negativeProbability(index: i, value: p) }
        }
        let sum = weights.reduce(0, +)
        guard sum > 0.9999, sum < 1.0001 else { throw .distributionDoesNotSumToOne(sum: sum) }
        self.weights = weights
    }

    /// `K`: how many output slots the relaxed sorter must produce.
    public var k: Int { weights.count }

    /// Rank weights `w_r = Σ_{k=r}^{K} p_k` (reverse cumulative sum, Fig. 1 of arXiv 2206.07290):
    /// the weight the loss gives to the true class sitting at rank `r` (index 0 = rank 1).
    public var rankWeights: [Double] {
        var w = [Double](repeating: 0, count: k)
        var running = 0.0
        for r in stride(from: k - 1, through: 0, by: -1) {
            running += weights[r]
            w[r] = running
        }
        return w
    }

    /// Weight of attribution column `j` (slot `n − K + j`, i.e. rank `K − j`) in
    /// `q = Σ_k p_k·T_k(y)`, counting only the objectives `k ≥ fromK` (1 for mode `sort`,
    /// 2 for `sm`/`smce`, whose top-1 term comes from a softmax).
    public func columnWeights(fromK: Int) -> [Double] {
        (0..<k).map { j in
            let rank = k - j
            let first = max(rank, fromK)
            return first > k ? 0 : weights[(first - 1)...].reduce(0, +)
        }
    }

    /// `Σ_{k ≥ 2} p_k`, the weight of the sorter part in mode `smce`.
    public var tailMass: Double { weights.dropFirst().reduce(0, +) }

    public var description: String { "P_K = \(weights)" }
}
