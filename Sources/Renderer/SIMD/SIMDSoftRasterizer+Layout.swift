import Dispatch

/// Pixel centres of the image as vectors of 8 consecutive columns (the last vector padded with
/// invalid lanes) and row bands for threads.
struct RowLayout<T: BinaryFloatingPoint & SIMDScalar> {
    let size: Int
    let vectorsPerRow: Int
    /// Column centres of vector `v`.
    let x: [SIMD8<T>]
    /// Row centre of row `r`.
    let y: [T]
    /// Lanes that are real pixels.
    let valid: [SIMDMask<SIMD8<T>.MaskStorage>]

    init(size n: Int) {
        size = n
        vectorsPerRow = (n + 7) / 8
        var xs: [SIMD8<T>] = [], valid: [SIMDMask<SIMD8<T>.MaskStorage>] = []
        for v in 0..<vectorsPerRow {
            var x = SIMD8<T>(), m = SIMDMask<SIMD8<T>.MaskStorage>()
            for i in 0..<8 {
                let col = 8 * v + i
                x[i] = T(2 * col + 1 - n) / T(n)
                m[i] = col < n
            }
            xs.append(x)
            valid.append(m)
        }
        x = xs
        self.valid = valid
        y = (0..<n).map { T(n - 1 - 2 * $0) / T(n) }
    }

    /// Up to `threads` contiguous row bands covering the image.
    func bands(_ threads: Int) -> [Range<Int>] {
        let k = max(1, min(threads, size))
        return (0..<k).map { i in (i * size / k)..<((i + 1) * size / k) }
    }

    /// Row-major `size × size` image from the bands' padded vectors.
    func unpack(_ parts: [[SIMD8<T>]], _ bands: [Range<Int>]) -> [T] {
        var image = [T](repeating: 0, count: size * size)
        for (part, band) in zip(parts, bands) {
            for row in band {
                for v in 0..<vectorsPerRow {
                    let vec = part[(row - band.lowerBound) * vectorsPerRow + v]
                    for i in 0..<8 where 8 * v + i < size { image[row * size + 8 * v + i] = vec[i] }
                }
            }
        }
        return image
    }
}

/// Result slots written by concurrent workers, one slot each.
final class ConcurrentSlots<Value>: @unchecked Sendable {
    private var storage: [Value?]
    private let lock = NSLockLike()
    init(count: Int) { storage = Array(repeating: nil, count: count) }
    func set(_ i: Int, _ value: Value) { lock.locked { storage[i] = value } }
    var values: [Value] { lock.locked { storage.map { $0! } } }
}

/// A minimal mutex on a dispatch semaphore (no Foundation dependency).
final class NSLockLike: @unchecked Sendable {
    private let semaphore = DispatchSemaphore(value: 1)
    func locked<R>(_ body: () -> R) -> R {
        semaphore.wait()
        defer { semaphore.signal() }
        return body()
    }
}

/// Runs `body(0..<count)` on concurrent threads and waits for all.
func runConcurrently(_ count: Int, _ body: @Sendable (Int) -> Void) {
    DispatchQueue.concurrentPerform(iterations: count, execute: body)
}

/// Read-only data handed to worker threads (never mutated while they run).
struct SharedInput<V>: @unchecked Sendable { let value: V }
