import CGMP
import ExactArithmetic
import Glibc
import Testing

// Counting allocator for GMP. Only blocks allocated / freed on the thread under test are
// counted (other test suites may use GMP concurrently on other threads); every call forwards
// to malloc/realloc/free, which is what GMP's default allocator does, so blocks can cross
// the switch in either direction safely.
nonisolated(unsafe) private var countedThread: pthread_t = pthread_self()
nonisolated(unsafe) private var counting = false
nonisolated(unsafe) private var liveBlocks = 0
nonisolated(unsafe) private var totalAllocations = 0

private func isCountedThread() -> Bool { counting && pthread_equal(pthread_self(), countedThread) != 0 }

private let countingAllocate: @convention(c) (Int) -> UnsafeMutableRawPointer? = { size in
    if isCountedThread() { liveBlocks += 1; totalAllocations += 1 }
    return malloc(size)
}
private let countingReallocate: @convention(c) (UnsafeMutableRawPointer?, Int, Int) -> UnsafeMutableRawPointer? = {
    pointer, _, newSize in
    if isCountedThread() { totalAllocations += 1 }
    return realloc(pointer, newSize)
}
private let countingFree: @convention(c) (UnsafeMutableRawPointer?, Int) -> Void = { pointer, _ in
    if isCountedThread() { liveBlocks -= 1 }
    free(pointer)
}

/// One million mixed operations on values that all die inside this function.
@inline(never)
private func mixedOperations(_ count: Int) -> Int {
    var checksum = 0
    var accumulator = Rational(1, 3)
    var big = BigInt.powerOfTwo(100)
    for k in 1...(count / 10) {
        let x = Rational(k, k + 7)
        let y = x * x - Rational(BigInt(k)) / 3  // 3 ops
        accumulator += y / (x + 1)  // 3 ops
        if accumulator > 1000 { accumulator = Rational(1, k) }  // 1 op
        big = big * BigInt(k) + 1  // 2 ops
        if big.bitWidth > 400 { big = big >> 300 }
        let copy = big
        big += 1  // copy-on-write: 1 op
        checksum &+= copy.signum + (k % 1000 == 0 ? Int(accumulator.doubleValue) + accumulator.description.count : 0)
    }
    return checksum
}

@Suite(.serialized) struct LeakTests {
    @Test func millionOperationsLeaveNoGMPBlocks() {
        var defaults: (
            allocate: (@convention(c) (Int) -> UnsafeMutableRawPointer?)?,
            reallocate: (@convention(c) (UnsafeMutableRawPointer?, Int, Int) -> UnsafeMutableRawPointer?)?,
            free: (@convention(c) (UnsafeMutableRawPointer?, Int) -> Void)?
        ) = (nil, nil, nil)
        __gmp_get_memory_functions(&defaults.allocate, &defaults.reallocate, &defaults.free)
        __gmp_set_memory_functions(countingAllocate, countingReallocate, countingFree)
        countedThread = pthread_self()
        liveBlocks = 0
        totalAllocations = 0
        counting = true
        let checksum = mixedOperations(1_000_000)
        counting = false
        __gmp_set_memory_functions(defaults.allocate, defaults.reallocate, defaults.free)
        #expect(checksum != 0)
        #expect(totalAllocations > 500_000, "the loop must really allocate through GMP")
        #expect(liveBlocks == 0, "GMP blocks still alive after the loop: \(liveBlocks)")
    }
}
