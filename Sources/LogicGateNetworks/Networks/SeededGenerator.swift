/// A small, fast, seedable random-number generator (xoshiro256**, seeded through SplitMix64).
///
/// The authors' package draws wiring and logits from PyTorch's global generator; we do not
/// reproduce PyTorch's random streams. Wiring *algorithms* are bit-exact (arXiv 2210.08277,
/// the authors' `get_connections`); the random permutations in them come from this generator, so a seed reproduces a model
/// within this package, and saved models carry their wiring explicitly (`logic-gate-network/1`).
public struct SeededGenerator: RandomNumberGenerator, Sendable {
    private var s: (UInt64, UInt64, UInt64, UInt64)

    public init(seed: UInt64) {
        var x = seed
        func splitMix() -> UInt64 {
            x &+= 0x9E37_79B9_7F4A_7C15
            var z = x
            z = (z ^ (z >> 30)) &* 0xBF58_476D_1CE4_E5B9
            z = (z ^ (z >> 27)) &* 0x94D0_49BB_1331_11EB
            return z ^ (z >> 31)
        }
        s = (splitMix(), splitMix(), splitMix(), splitMix())
    }

    public mutating func next() -> UInt64 {
        let result = ((s.1 &* 5) << 7 | (s.1 &* 5) >> 57) &* 9
        let t = s.1 << 17
        s.2 ^= s.0
        s.3 ^= s.1
        s.1 ^= s.2
        s.0 ^= s.3
        s.2 ^= t
        s.3 = s.3 << 45 | s.3 >> 19
        return result
    }

    /// A standard normal sample (Box–Muller).
    public mutating func nextGaussian() -> Double {
        let u1 = Double(next() >> 11 | 1) * 0x1p-53
        let u2 = Double(next() >> 11) * 0x1p-53
        return (-2 * _logApprox(u1)).squareRoot() * _cos2pi(u2)
    }

    /// A uniformly random permutation of `0..<n` (Fisher–Yates).
    public mutating func permutation(_ n: Int) -> [Int] {
        var p = Array(0..<n)
        p.shuffle(using: &self)
        return p
    }
}

import RealModule

@usableFromInline func _logApprox(_ x: Double) -> Double { Double.log(x) }
@usableFromInline func _cos2pi(_ x: Double) -> Double { Double.cos(2 * Double.pi * x) }
