import SortingNetworks
import TopK

extension TopKProofs {
    /// Checks that `network` is a top-`K` selector on all 0-1 inputs: for an input with `c` ones
    /// the top wire `n − 1 − r` must hold 1 iff `r < c` (the `K` largest, ascending). Returns the
    /// first failing input, if any.
    static func selectorCounterexample(_ network: TopKNetwork) -> [UInt8]? {
        let n = network.n, k = network.k
        let flat = FlatNetwork(network.pruned())
        let space = BitSlicedInputs(n: n)
        var wires = [UInt64](repeating: 0, count: n)
        // atLeast[c]: lanes whose 6-bit lane index has ≥ c ones. Input 64·block + lane has
        // popcount(block) + popcount(lane) ones, and wire n − 1 − r must be 1 iff that exceeds r.
        var atLeast = [UInt64](repeating: 0, count: 8)
        for c in 0..<8 {
            for lane in 0..<64 where lane.nonzeroBitCount >= c { atLeast[c] |= UInt64(1) << UInt64(lane) }
        }
        for block in 0..<space.blocks {
            space.fill(&wires, block: block)
            flat.apply(&wires)
            let blockOnes = block.nonzeroBitCount
            var bad: UInt64 = 0
            for r in 0..<k {
                let need = r + 1 - blockOnes
                let expected = need <= 0 ? ~UInt64(0) : (need > 6 ? 0 : atLeast[need])
                bad |= wires[n - 1 - r] ^ expected
            }
            bad &= space.validLanes
            if bad != 0 { return space.input(block: block, lane: bad.trailingZeroBitCount) }
        }
        return nil
    }

    /// Claim: the splitter selection network (and its pruned cone) is a valid top-`K` selector
    /// for every `n ≤ maxExhaustiveN`, `K ≤ min(n, 8)` — by the 0-1 principle, exhaustive.
    public static func splitterIsSelector(scale: ProofScale) -> Certificate {
        let (verdict, evidence, figure, seconds) = timed {
            var checked = 0
            var inputs: UInt64 = 0
            for n in 2...scale.maxExhaustiveN {
                for k in 1...min(n, 8) {
                    let net = TopKNetwork.splitterSelection(n: n, k: k)
                    if let bad = selectorCounterexample(net) {
                        return (.refuted, ["splitter n=\(n) K=\(k) fails on 0-1 input \(bad)"], "counterexample")
                    }
                    checked += 1
                    inputs += UInt64(1) << UInt64(n)
                }
            }
            return (.proved, [
                "0-1 principle (Knuth 5.3.4): a comparator network selects the top K of every input iff it does so for every 0-1 input",
                "n = 2…\(scale.maxExhaustiveN), K = 1…min(n, 8): \(checked) networks, \(inputs) inputs, all selected exactly",
            ], "\(checked) networks, \(inputs) inputs")
        }
        return Certificate(name: "topk-splitter-selector", claim: "the splitter selection network selects the top K (0-1 principle)",
                                verdict: verdict, evidence: evidence, figure: figure, seconds: seconds)
    }

    /// Claim: the authors' bitonic wiring is **not** a top-5 selector at n = 22, while the valid
    /// construction, odd-even and the splitter network are (exhaustive 0-1 check at n = 22).
    public static func authorsBitonicTop5At22(scale: ProofScale) -> Certificate {
        let (verdict, evidence, figure, seconds) = timed {
            guard let authors = TopKNetwork(method: .bitonic, construction: .authors, n: 22, k: 5) else {
                return (.failed, ["could not build the network"], "—")
            }
            guard let bad = selectorCounterexample(authors) else {
                return (.refuted, ["the authors' bitonic n=22 selected the top 5 of all 2^22 0-1 inputs"], "no counterexample")
            }
            let ones = min(5, bad.reduce(0) { $0 + Int($1) })
            let expected = [Int](repeating: 0, count: 5 - ones) + [Int](repeating: 1, count: ones)
            var evidence = ["authors' bitonic n=22 K=5 fails on the 0-1 input \(bad.map(String.init).joined())",
                            "hard top-5 wires: \(authors.hardTopK(bad.map(Int.init))), expected \(expected)"]
            for (method, construction) in [(TopKMethod.bitonic, SortingNetwork.Construction.valid), (.oddEven, .valid), (.splitterSelection, .valid)] {
                guard let net = TopKNetwork(method: method, construction: construction, n: 22, k: 5) else { continue }
                if let c = selectorCounterexample(net) {
                    return (.refuted, ["\(net.name) n=22 fails on \(c)"], "counterexample")
                }
                evidence.append("\(net.name) n=22 K=5: all 4 194 304 inputs selected exactly")
            }
            return (.proved, evidence, "1 counterexample (authors), 3 × 2^22 inputs passed")
        }
        return Certificate(name: "topk-authors-bitonic-22", claim: "the authors' bitonic top-5 fails at n = 22; valid bitonic, odd-even, splitter pass",
                                verdict: verdict, evidence: evidence, figure: figure, seconds: seconds)
    }
}

extension TopKProofs {
    /// Exposed for the tests that show the checker can fail.
    public static func selectorCounterexampleForTesting(_ network: TopKNetwork) -> [UInt8]? { selectorCounterexample(network) }
}
