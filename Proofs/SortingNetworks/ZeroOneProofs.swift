import Foundation
import SortingNetworks

/// Which constructions sort, by the 0-1 principle (``ZeroOnePrinciple``): exhaustive, so each
/// claim is proved (or refuted by a concrete 0-1 input) over its stated range of n.
enum ZeroOneProofs {
    /// The sizes n ≤ 40 at which the authors' bitonic wiring is known not to sort (arXiv
    /// 2105.04019's code builds non-power-of-two networks by padding; see README "Surprises").
    static let authorsFailingSizes = [22, 38]

    static func bitString(_ bits: [UInt8]) -> String { bits.map(String.init).joined() }

    /// Exhaustive 0-1 check of every n in 2…maxN; the claim is that the failing sizes are exactly
    /// `expectedFailures` ∩ 2…maxN (empty for a valid construction).
    static func run(
        _ kind: SortingNetwork.Kind, _ construction: SortingNetwork.Construction, expectedFailures: [Int],
        scale: ProofScale, progress: ProofProgress
    ) -> Certificate {
        var log = ProofLog(name: "", claim: "")
        var failing: [Int] = [], inputs: UInt64 = 0
        for n in 2...max(2, scale.maxExhaustiveN) {
            guard let network = try? SortingNetwork(kind: kind, n: n, construction: construction) else {
                log.fail("cannot build \(kind.rawValue)(\(construction.rawValue)) at n = \(n)")
                continue
            }
            let result = ZeroOnePrinciple.check(network) { fraction in
                if n >= 24 { progress(String(format: "n = %d: %3.0f%%", n, 100 * fraction)) }
            }
            inputs += result.inputsChecked
            if let bad = result.counterexample {
                failing.append(n)
                log.note("n = \(n): does not sort — 0-1 input \(bitString(bad)) gives \(bitString(network.hardSorted(bad)))")
            }
        }
        let expected = expectedFailures.filter { $0 <= scale.maxExhaustiveN }
        let unexpected = failing.filter { !expected.contains($0) }, missing = expected.filter { !failing.contains($0) }
        for n in unexpected { log.counterexample("n = \(n) fails to sort, against the claim (input above)") }
        log.require(missing.isEmpty, "every size claimed to fail has a 0-1 counterexample" + (missing.isEmpty ? "" : ": none found at n = \(missing)"))
        log.note("all other n in 2…\(scale.maxExhaustiveN) sort every 0-1 input, hence every input (0-1 principle); \(inputs) inputs, bit-sliced")
        let figure = "\(inputs) 0-1 inputs" + (failing.isEmpty ? ", all sorted" : "; fails at n = \(failing.map(String.init).joined(separator: ", "))")
        return log.finish(.proved, figure: figure)
    }

    /// The table's larger non-sorting sizes of the authors' wiring (n = 38, 300, 700): a seeded
    /// random search for a 0-1 input the network leaves unsorted; each one found is an exact
    /// certificate (it can be re-run with `relax sort`).
    static func authorsLargeFailures(sizes: [Int] = [38, 300, 700]) -> Certificate {
        var log = ProofLog(name: "", claim: "")
        var rng = SplitMix64(seed: 0xB170_0C22)
        for n in sizes {
            guard let network = try? SortingNetwork(kind: .bitonic, n: n, construction: .authors) else {
                log.fail("cannot build the authors' bitonic network at n = \(n)")
                continue
            }
            var found: [UInt8]? = nil, tries = 0
            while found == nil, tries < 10_000 {
                tries += 1
                let ones = Int.random(in: 1..<n, using: &rng)
                let input = (0..<n).map { $0 < ones ? UInt8(1) : 0 }.shuffled(using: &rng)
                let output = network.hardSorted(input)
                if zip(output, output.dropFirst()).contains(where: { $0 > $1 }) { found = input }
            }
            if let found {
                log.note("n = \(n): after \(tries) seeded tries, the 0-1 input with ones at \(found.indices.filter { found[$0] == 1 }) is left unsorted (exact, hard comparators)")
            } else {
                log.fail("n = \(n): no unsorted 0-1 input in \(tries) seeded tries (SplitMix64 seed 0xB1700C22)")
            }
        }
        return log.finish(.proved, figure: "an unsorted 0-1 input at each n ∈ \(sizes)")
    }
}
