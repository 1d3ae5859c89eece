import SortingNetworks

/// The 0-1 principle (Knuth, TAOCP 5.3.4, Theorem Z): a comparator network sorts every input
/// iff it sorts every input of 0s and 1s. Checking all `2ⁿ` Boolean inputs is therefore a
/// complete proof that a network sorts — or yields a concrete counterexample.
///
/// Bit-sliced: bit `k` of word `w` is the value of wire `w` in input `base + k`, so one pass
/// of the network over `n` words checks 64 inputs with one AND and one OR per comparator.
public enum ZeroOnePrinciple {
    /// Outcome of an exhaustive check.
    public struct Result: Sendable, Equatable {
        public let network: String
        public let n: Int
        public let inputsChecked: UInt64
        /// The first 0-1 input (bit `w` = wire `w`) that the network leaves unsorted, if any.
        public let counterexample: [UInt8]?
        public var sorts: Bool { counterexample == nil }
    }

    /// Exhaustively checks `network` on all `2ⁿ` 0-1 inputs (`n ≤ 40`; cost `2ⁿ/64` passes).
    /// `progress` is called with the fraction done, at most ~100 times.
    public static func check(_ network: SortingNetwork, progress: ((Double) -> Void)? = nil) -> Result {
        let n = network.n
        precondition(n <= 40, "2^\(n) inputs is beyond an exhaustive check")
        let name = "\(network.kind.rawValue)(\(network.construction.rawValue))"
        guard n >= 2 else { return Result(network: name, n: n, inputsChecked: UInt64(1) << n, counterexample: nil) }
        // Low six wires enumerate the 64 lanes; the rest come from the block index.
        let lanePatterns: [UInt64] = [
            0xAAAA_AAAA_AAAA_AAAA, 0xCCCC_CCCC_CCCC_CCCC, 0xF0F0_F0F0_F0F0_F0F0,
            0xFF00_FF00_FF00_FF00, 0xFFFF_0000_FFFF_0000, 0xFFFF_FFFF_0000_0000,
        ]
        let laneWires = min(n, 6)
        let validLanes: UInt64 = n >= 6 ? ~0 : (UInt64(1) << (UInt64(1) << UInt64(n))) - 1
        let blocks: UInt64 = n > 6 ? UInt64(1) << UInt64(n - 6) : 1
        let flat = network.layers.flatMap { $0 }
        let lo = flat.map { $0.minWire }, hi = flat.map { $0.maxWire }, a = flat.map { $0.lo }, b = flat.map { $0.hi }
        var wires = [UInt64](repeating: 0, count: n)
        let step = max(blocks / 100, 1)
        for block in 0..<blocks {
            if let progress, block % step == 0 { progress(Double(block) / Double(blocks)) }
            for w in 0..<laneWires { wires[w] = lanePatterns[w] }
            for w in laneWires..<n { wires[w] = (block >> UInt64(w - 6)) & 1 == 1 ? ~0 : 0 }
            for c in 0..<flat.count {
                let x = wires[a[c]], y = wires[b[c]]
                wires[lo[c]] = x & y
                wires[hi[c]] = x | y
            }
            // Sorted ascending ⇔ no lane has a 1 on wire i and a 0 on wire i + 1.
            var bad: UInt64 = 0
            for i in 0..<(n - 1) { bad |= wires[i] & ~wires[i + 1] }
            bad &= validLanes
            if bad != 0 {
                let lane = UInt64(bad.trailingZeroBitCount)
                let index = block << 6 | lane
                let input = (0..<n).map { w in UInt8((index >> UInt64(w)) & 1) }
                return Result(network: name, n: n, inputsChecked: index + 1, counterexample: input)
            }
        }
        return Result(network: name, n: n, inputsChecked: UInt64(1) << UInt64(n), counterexample: nil)
    }
}
