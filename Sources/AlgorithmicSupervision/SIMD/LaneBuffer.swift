// Storage and the vector exponential of the SIMD kernels.
//
// Goals, in priority order:
//  1. `laneExp` agrees with `Double.exp` to about one ulp on [−708, 709] (Cody–Waite reduction
//     by ln 2, degree-12 Taylor polynomial on |r| ≤ ln 2 / 2: truncation error < 1.7e-16
//     relative) and returns exactly 0 below −708 (where `exp` < 3.3e-308, subnormal) — callers
//     that use it state why that flush cannot matter to them.
//  2. Speed: straight-line lane arithmetic that lowers to packed SSE2 (checked in the generated
//     code: no calls, no scalar `exp`); scale by 2ⁿ through the exponent bits.
//  3. `LaneBuffer`: unchecked indexing in the kernels. `Scratch`: one block per kernel call,
//     recycled through `ScratchPool` (Linux), because a fresh multi-megabyte block per call was
//     measured to cost page faults and zeroing: about a quarter of the shortest path's time
//     (perf, 12×12, T = 24, B = 16).

#if os(Linux)
import Synchronization
#endif

/// A fixed-size block of lanes owned by one kernel call; its indexing is unchecked, so the
/// kernels compute every index from the grid they were given.
final class LaneBuffer: @unchecked Sendable {   // its pointer never changes; kernels own their buffers
    let base: UnsafeMutablePointer<Lane>
    let count: Int

    init(count: Int, repeating value: Lane = .zero) {
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
        base.initialize(repeating: value, count: Swift.max(count, 1))
    }

    /// Memory the caller writes before it reads (trivial lanes: nothing to deinitialize).
    init(uninitializedCount count: Int) {
        self.count = count
        base = .allocate(capacity: Swift.max(count, 1))
    }

    deinit { base.deallocate() }

    func fill(_ value: Lane) { base.update(repeating: value, count: count) }
}

/// Scratch lanes of one kernel call, handed out in order from one recycled block.
final class Scratch {
    private let block: LaneBuffer
    private var used = 0

    init(lanes count: Int) { block = ScratchPool.take(count) }
    deinit { ScratchPool.give(block) }

    /// The next `count` lanes (zeroed if asked; otherwise the caller writes before it reads).
    func take(_ count: Int, zeroed: Bool = true) -> UnsafeMutablePointer<Lane> {
        precondition(used + count <= block.count, "scratch sized too small")
        let p = block.base + used
        used += count
        if zeroed { p.update(repeating: .zero, count: count) }
        return p
    }
}

/// Blocks returned by finished calls (at most four, each at most 32 MB), reused by the next.
enum ScratchPool {
    static let keptLanes = 1 << 20
    #if os(Linux)
    static let free = Mutex<[LaneBuffer]>([])
    #endif

    static func take(_ count: Int) -> LaneBuffer {
        #if os(Linux)
        let reused = free.withLock { pool -> LaneBuffer? in
            guard let k = pool.firstIndex(where: { $0.count >= count }) else { return nil }
            return pool.remove(at: k)
        }
        if let reused { return reused }
        #endif
        return LaneBuffer(uninitializedCount: count)
    }

    static func give(_ block: LaneBuffer) {
        #if os(Linux)
        guard block.count <= keptLanes else { return }
        free.withLock { pool in if pool.count < 4 { pool.append(block) } }
        #endif
    }
}

/// `e^x` lane by lane, packed (see the header for its accuracy); `0` for `x < −708`.
@inline(__always) func laneExp(_ x: Lane) -> Lane {
    let lo = Lane(repeating: -708), hi = Lane(repeating: 709)
    let underflow = x .< lo
    var x = x.replacing(with: lo, where: underflow)
    x.replace(with: hi, where: x .> hi)
    let magic = Lane(repeating: 6_755_399_441_055_744)          // 1.5·2⁵²: adding it rounds to an integer
    let t = x * Lane(repeating: 1.442_695_040_888_963_4) + magic   // log₂e
    let n = t - magic
    let r = (x - n * Lane(repeating: 0.693_147_180_369_123_816_49)) - n * Lane(repeating: 1.908_214_929_270_587_700_02e-10)
    var p = Lane(repeating: 1.0 / 479_001_600)                     // 1/12!
    p = p * r + Lane(repeating: 1.0 / 39_916_800)
    p = p * r + Lane(repeating: 1.0 / 3_628_800)
    p = p * r + Lane(repeating: 1.0 / 362_880)
    p = p * r + Lane(repeating: 1.0 / 40_320)
    p = p * r + Lane(repeating: 1.0 / 5_040)
    p = p * r + Lane(repeating: 1.0 / 720)
    p = p * r + Lane(repeating: 1.0 / 120)
    p = p * r + Lane(repeating: 1.0 / 24)
    p = p * r + Lane(repeating: 1.0 / 6)
    p = p * r + Lane(repeating: 0.5)
    p = p * r + Lane(repeating: 1)
    p = p * r + Lane(repeating: 1)
    // The low bits of t hold 2⁵¹ + n; (n + 1023) << 52 is 2ⁿ (the 2⁵¹ and exponent bits shift out).
    let bits = (unsafeBitCast(t, to: SIMD4<UInt64>.self) &+ 1023) &<< 52
    let y = p * unsafeBitCast(bits, to: Lane.self)
    return y.replacing(with: 0, where: underflow)
}
