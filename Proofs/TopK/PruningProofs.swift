import SortingNetworks
import TopK

extension TopKProofs {
    /// Claim: for every network (bitonic authors/valid, odd-even, splitter selection), every
    /// `n ≤ maxExhaustiveN` and `K ≤ min(n, 5)`, the cone-pruned network returns exactly the same
    /// top-`K` outputs as the full network on all `2ⁿ` 0-1 inputs (bit-sliced, 64 inputs per word).
    ///
    /// For hard comparators this is the combinatorial content of the pruning argument (a dropped
    /// comparator never feeds a top wire); since min/max networks commute with monotone maps, the
    /// 0-1 check extends to all totally ordered inputs.
    public static func pruningZeroOne(scale: ProofScale) -> Certificate {
        let (verdict, evidence, figure, seconds) = timed {
            var evidence: [String] = []
            var configurations = 0
            var inputs: UInt64 = 0
            var removed = 0, total = 0
            for n in 2...scale.maxExhaustiveN {
                for k in 1...min(n, 5) {
                    for network in topKNetworks(n: n, k: k) {
                        let pruned = network.pruned()
                        total += network.comparatorCount
                        removed += network.comparatorCount - pruned.comparatorCount
                        let full = FlatNetwork(network), cone = FlatNetwork(pruned)
                        let space = BitSlicedInputs(n: n)
                        var a = [UInt64](repeating: 0, count: n), b = a
                        for block in 0..<space.blocks {
                            space.fill(&a, block: block)
                            b = a
                            full.apply(&a)
                            cone.apply(&b)
                            var diff: UInt64 = 0
                            for w in (n - k)..<n { diff |= a[w] ^ b[w] }
                            diff &= space.validLanes
                            if diff != 0 {
                                let input = space.input(block: block, lane: diff.trailingZeroBitCount)
                                evidence.append("\(network.name) n=\(n) K=\(k): pruned top-K differs on input \(input)")
                                return (.refuted, evidence, "counterexample")
                            }
                        }
                        configurations += 1
                        inputs += UInt64(1) << UInt64(n)
                    }
                }
            }
            evidence.append("networks: bitonic(authors), bitonic(valid), odd_even, splitter_selection; n = 2…\(scale.maxExhaustiveN); K = 1…min(n, 5)")
            evidence.append("\(configurations) (network, n, K) configurations, \(inputs) 0-1 inputs in total")
            evidence.append("cone pruning removed \(removed) of \(total) comparators (\(total == 0 ? 0 : 100 * removed / total)%)")
            return (.proved, evidence, "\(configurations) configurations, \(inputs) inputs")
        }
        return Certificate(name: "topk-pruning-0-1", claim: "the pruned top-k network returns the full network's top-K outputs on every 0-1 input",
                                verdict: verdict, evidence: evidence, figure: figure, seconds: seconds)
    }
}
