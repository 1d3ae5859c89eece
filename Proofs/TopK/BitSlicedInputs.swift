import SortingNetworks
import TopK

/// Enumerates all `2ⁿ` 0-1 inputs of `n` wires, 64 per pass: bit `l` of `wires[w]` is wire `w`
/// of input `64·block + l` (bit `w` of the input index is wire `w`).
struct BitSlicedInputs {
    static let lanePatterns: [UInt64] = [
        0xAAAA_AAAA_AAAA_AAAA, 0xCCCC_CCCC_CCCC_CCCC, 0xF0F0_F0F0_F0F0_F0F0,
        0xFF00_FF00_FF00_FF00, 0xFFFF_0000_FFFF_0000, 0xFFFF_FFFF_0000_0000,
    ]
    let n: Int
    /// Lanes that hold a real input (all 64 once n ≥ 6).
    var validLanes: UInt64 { n >= 6 ? ~0 : (UInt64(1) << (UInt64(1) << UInt64(n))) - 1 }
    var blocks: UInt64 { n > 6 ? UInt64(1) << UInt64(n - 6) : 1 }

    func fill(_ wires: inout [UInt64], block: UInt64) {
        for w in 0..<n {
            wires[w] = w < 6 ? Self.lanePatterns[w] : ((block >> UInt64(w - 6)) & 1 == 1 ? ~0 : 0)
        }
    }

    /// The input (wire values) of lane `lane` in `block`.
    func input(block: UInt64, lane: Int) -> [UInt8] {
        let index = block << 6 | UInt64(lane)
        return (0..<n).map { UInt8((index >> UInt64($0)) & 1) }
    }
}

/// A flattened network for the bit-sliced inner loop.
struct FlatNetwork {
    let lo: [Int], hi: [Int], minWire: [Int], maxWire: [Int]
    init(_ network: TopKNetwork) {
        let flat = network.layers.flatMap { $0 }
        lo = flat.map(\.lo)
        hi = flat.map(\.hi)
        minWire = flat.map(\.minWire)
        maxWire = flat.map(\.maxWire)
    }

    @inline(__always)
    func apply(_ wires: inout [UInt64]) {
        wires.withUnsafeMutableBufferPointer { w in
            for c in 0..<lo.count {
                let a = w[lo[c]], b = w[hi[c]]
                w[minWire[c]] = a & b
                w[maxWire[c]] = a | b
            }
        }
    }
}

/// The networks the top-k proofs range over, for `n` wires and `K` top outputs.
func topKNetworks(n: Int, k: Int) -> [TopKNetwork] {
    [
        TopKNetwork(method: .bitonic, construction: .authors, n: n, k: k),
        TopKNetwork(method: .bitonic, construction: .valid, n: n, k: k),
        TopKNetwork(method: .oddEven, construction: .valid, n: n, k: k),
        TopKNetwork(method: .splitterSelection, construction: .valid, n: n, k: k),
    ].compactMap { $0 }
}
