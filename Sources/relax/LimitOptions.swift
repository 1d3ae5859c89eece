import ArgumentParser
import Foundation
import InputLimits

/// The `--max-…` flags of every command that reads outside input: they set ``Limits/current``
/// (defaults in ``Limits/defaults``; README "Limits and bad input").
struct LimitOptions: ParsableArguments {
    @Option(name: .customLong("max-n"), help: "Largest network size n accepted.")
    var maxN: Int = Limits.defaults.maxN
    @Option(name: .customLong("max-batch"), help: "Largest number of rows (samples) accepted.")
    var maxBatch: Int = Limits.defaults.maxBatch
    @Option(name: .customLong("max-elements"), help: "Largest number of elements one array may claim (zero dimensions left out).")
    var maxElements: Int = Limits.defaults.maxArrayElements
    @Option(name: .customLong("max-decompressed-bytes"), help: "Largest size of one input file after gzip decompression, in bytes.")
    var maxDecompressedBytes: Int = Limits.defaults.maxDecompressedBytes
    @Option(name: .customLong("max-memory"), help: "Largest estimated working memory of one evaluation, in bytes.")
    var maxMemory: Int = Limits.defaults.maxMemoryBytes

    func validate() throws {
        for (flag, v) in [("--max-n", maxN), ("--max-batch", maxBatch), ("--max-elements", maxElements),
                          ("--max-decompressed-bytes", maxDecompressedBytes), ("--max-memory", maxMemory)] where v < 1 {
            throw ValidationError("\(flag) must be ≥ 1, got \(v)")
        }
    }

    /// Installs these limits for the process; call first in `run()`.
    func apply() {
        var l = Limits.defaults
        l.maxN = maxN
        l.maxBatch = maxBatch
        l.maxArrayElements = maxElements
        l.maxDecompressedBytes = maxDecompressedBytes
        l.maxMemoryBytes = maxMemory
        Limits.current = l
    }
}

/// `--threads` must be 1…``Limits/maxThreads`` (0 or 1000 is a typo, not a request).
func checkThreads(_ threads: Int, flag: String = "--threads") throws {
    let limit = Limits.current.maxThreads
    guard (1...limit).contains(threads) else { throw ValidationError("\(flag) must be in 1…\(limit), got \(threads)") }
}

/// Refuses sizes beyond the limits, as a validation error naming the flag to raise them.
func checkLimits(n: Int, batch: Int, estimatedBytes: Int) throws {
    let limits = Limits.current
    do {
        try limits.check(.n, n, "n")
        try limits.check(.batch, batch, "batch")
        try limits.check(.memoryBytes, estimatedBytes, "estimated working memory for n = \(n), batch \(batch)")
    } catch { throw ValidationError(error.description) }
}

/// Buffered standard output: large results (P) are written as they are formatted, never held
/// whole as one string.
struct OutputStream {
    private var buffer: [UInt8] = []

    init() { buffer.reserveCapacity(1 << 16) }

    mutating func write(_ s: String) {
        buffer.append(contentsOf: s.utf8)
        if buffer.count >= 1 << 16 { flush() }
    }

    mutating func flush() {
        guard !buffer.isEmpty else { return }
        FileHandle.standardOutput.write(Data(buffer))
        buffer.removeAll(keepingCapacity: true)
    }
}
