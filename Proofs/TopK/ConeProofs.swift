import SortingNetworks
import TopK

extension TopKProofs {
    /// The sizes of the structural cone check: every n ≤ 64 and larger sizes up to 1024.
    static let coneSizes = Array(2...64) + [65, 100, 127, 128, 129, 256, 257, 300, 500, 512, 513, 700, 1000, 1023, 1024]
    static let coneKs = [1, 2, 3, 5, 10, 16]

    /// Pruning is exact, for every input and every sigmoid family, by a structural argument
    /// checked on each network.
    ///
    /// Lemma (induction over the comparators c₁ … c_m in application order). Let `S_m` be the top
    /// wires and, going backwards, `S_{t−1} = S_t ∪ {lo_t, hi_t}` if `c_t` touches `S_t`, else
    /// `S_t`. If the pruned network keeps exactly the comparators that touch `S_t`, in the same
    /// order, then before every step `t` the full and the pruned network hold the same values on
    /// `S_{t−1}` — a kept comparator reads only wires of `S_{t−1}`; a dropped one writes no wire
    /// of `S_t = S_{t−1}` — and at the end they agree on the top wires, as *functions* of the
    /// input: the same top-K values, the same attribution rows `A`, the same gradients. This
    /// holds for hard and relaxed comparators alike (each reads and writes only its two wires).
    ///
    /// The code checks the lemma's hypothesis for `TopKNetwork.pruned()` on every network
    /// (bitonic authors/valid, odd-even, splitter selection), every size in ``coneSizes`` up to
    /// `scale.maxStructuralN` and every K in ``coneKs`` up to n.
    static func pruningCone(scale: ProofScale) -> Certificate {
        var log = ProofLog(name: "", claim: "")
        var configurations = 0, comparators = 0, dropped = 0
        for n in coneSizes where n <= scale.maxStructuralN {
            for k in coneKs where k <= n {
                let networks = topKNetworks(n: n, k: k)
                if networks.count != 4 { log.fail("n=\(n) K=\(k): only \(networks.count) of the 4 networks could be built") }
                for network in networks {
                    let full = network.layers.flatMap { $0 }
                    let pruned = network.pruned().layers.flatMap { $0 }
                    var live = [Bool](repeating: false, count: n)
                    for w in network.topWires { live[w] = true }
                    var expected: [SortingNetwork.Comparator] = []
                    for c in full.reversed() {
                        guard c.lo >= 0, c.lo < c.hi, c.hi < n else {
                            log.fail("\(network.name) n=\(n): comparator (\(c.lo), \(c.hi)) out of range")
                            continue
                        }
                        if live[c.lo] || live[c.hi] {
                            expected.append(c)
                            live[c.lo] = true
                            live[c.hi] = true
                        }
                    }
                    expected.reverse()
                    if expected != pruned {
                        log.fail("\(network.name) n=\(n) K=\(k): pruned() keeps \(pruned.count) comparators, the cone has \(expected.count) (or a different order)")
                    }
                    configurations += 1
                    comparators += full.count
                    dropped += full.count - pruned.count
                }
            }
        }
        log.note("\(configurations) (network, n, K) configurations: pruned() keeps exactly the backward cone of the top K wires, in order, in every one")
        log.note("the lemma then gives equal top-K outputs, attributions and gradients for every input; \(dropped) of \(comparators) comparators dropped (\(comparators == 0 ? 0 : 100 * dropped / comparators)%)")
        return log.finish(.proved, figure: "\(configurations) configurations, \(dropped) of \(comparators) comparators outside the cone")
    }
}
