import Foundation

/// The size limits every loader, parser and command checks *before* it allocates: one place for
/// the numbers, their defaults and the command-line flags that raise them.
///
/// Outside input (fixture files, `.npy` arrays, model files, vectors on stdin) may claim sizes
/// far beyond what the machine can hold — a `.npy` of shape `(0, 10¹⁴)` is 128 bytes long, a
/// 3 MB `.json.gz` can expand to 3 GiB. Each such claim is compared with a limit here and refused
/// with a ``LimitError`` that names the quantity, the value, the limit and the flag to raise it.
public struct Limits: Sendable, Equatable, CustomStringConvertible {
    /// Wires of a sorting or top-k network (`n`), flag `--max-n`.
    public var maxN: Int
    /// Rows of one batch, flag `--max-batch`.
    public var maxBatch: Int
    /// Elements one array may claim: the product of its dimensions with zero dimensions left
    /// out, so a zero-row array still declares its row width. Flag `--max-elements`.
    public var maxArrayElements: Int
    /// Bytes one input file may hold after gzip decompression (plain files: their size).
    /// Flag `--max-decompressed-bytes`.
    public var maxDecompressedBytes: Int
    /// Estimated working memory of one evaluation (network wiring, outputs, workspaces).
    /// Flag `--max-memory`.
    public var maxMemoryBytes: Int
    /// Worker threads a command may be asked for (`--threads 1…maxThreads`).
    public var maxThreads: Int

    public init(maxN: Int, maxBatch: Int, maxArrayElements: Int, maxDecompressedBytes: Int, maxMemoryBytes: Int, maxThreads: Int) {
        self.maxN = maxN
        self.maxBatch = maxBatch
        self.maxArrayElements = maxArrayElements
        self.maxDecompressedBytes = maxDecompressedBytes
        self.maxMemoryBytes = maxMemoryBytes
        self.maxThreads = maxThreads
    }

    /// The defaults: n ≤ 65,536, batch ≤ 2²⁴ rows, 2²⁸ elements per array, 512 MiB per
    /// decompressed file, 1 GiB estimated working memory, 256 threads. Every default fits in a
    /// 4 GB address space (`ulimit -v 4000000`).
    public static let defaults = Limits(
        maxN: 1 << 16, maxBatch: 1 << 24, maxArrayElements: 1 << 28,
        maxDecompressedBytes: 512 << 20, maxMemoryBytes: 1 << 30, maxThreads: 256)

    private static let lock = NSLock()
    nonisolated(unsafe) private static var stored = defaults

    /// Limits for the current task only (see ``with(_:_:)``); `nil` outside such a scope.
    @TaskLocal public static var scoped: Limits?

    /// The limits in force: the task's scoped limits if any, else the process-wide ones (the
    /// command-line tool sets those from its flags once, before any work). Loaders without an
    /// explicit `limits` argument read this.
    public static var current: Limits {
        get {
            if let scoped { return scoped }
            lock.lock(); defer { lock.unlock() }
            return stored
        }
        set { lock.lock(); defer { lock.unlock() }; stored = newValue }
    }

    /// Runs `body` with `limits` in force for this task (and tasks it creates) only: how tests and
    /// fuzz harnesses lower the limits without affecting work running in parallel.
    public static func with<R>(_ limits: Limits, _ body: () throws -> R) rethrows -> R {
        try $scoped.withValue(limits, operation: body)
    }

    public var description: String {
        "n ≤ \(maxN), batch ≤ \(maxBatch), \(maxArrayElements) elements per array, "
            + "\(maxDecompressedBytes) decompressed bytes per file, \(maxMemoryBytes) bytes of working memory, \(maxThreads) threads"
    }

    /// Each limit with its name and flag (for messages and documentation).
    public enum Quantity: String, Sendable, CaseIterable {
        case n, batch, arrayElements, decompressedBytes, memoryBytes, threads

        public var flag: String {
            switch self {
            case .n: "--max-n"
            case .batch: "--max-batch"
            case .arrayElements: "--max-elements"
            case .decompressedBytes: "--max-decompressed-bytes"
            case .memoryBytes: "--max-memory"
            case .threads: "--threads (1…\(Limits.current.maxThreads))"
            }
        }

        var keyPath: KeyPath<Limits, Int> {
            switch self {
            case .n: \.maxN
            case .batch: \.maxBatch
            case .arrayElements: \.maxArrayElements
            case .decompressedBytes: \.maxDecompressedBytes
            case .memoryBytes: \.maxMemoryBytes
            case .threads: \.maxThreads
            }
        }
    }

    public subscript(quantity: Quantity) -> Int { self[keyPath: quantity.keyPath] }

    /// Throws unless `value ≤` the limit of `quantity`; `what` names the thing in the message.
    public func check(_ quantity: Quantity, _ value: Int, _ what: String) throws(LimitError) {
        guard value <= self[quantity] else { throw LimitError(quantity: quantity, what: what, value: value, limit: self[quantity]) }
    }

    /// Elements a shape claims with zero dimensions left out; `nil` on `Int` overflow (which is
    /// beyond every limit). `(0, 10¹⁴)` claims 10¹⁴.
    public static func claimedElements(_ shape: [Int]) -> Int? {
        var count = 1
        for d in shape where d != 0 {
            let (c, overflow) = count.multipliedReportingOverflow(by: d)
            if overflow || d < 0 { return nil }
            count = c
        }
        return count
    }

    /// Throws unless the shape's claimed elements are within ``maxArrayElements``.
    public func checkShape(_ shape: [Int], _ what: String) throws(LimitError) {
        guard let claimed = Self.claimedElements(shape) else {
            throw LimitError(quantity: .arrayElements, what: "\(what) of shape \(shape)", value: Int.max, limit: maxArrayElements)
        }
        try check(.arrayElements, claimed, "\(what) of shape \(shape)")
    }
}

/// A size beyond one of the ``Limits``: refused before anything is allocated.
public struct LimitError: Error, Equatable, Sendable, CustomStringConvertible {
    public let quantity: Limits.Quantity
    public let what: String
    public let value: Int
    public let limit: Int

    public init(quantity: Limits.Quantity, what: String, value: Int, limit: Int) {
        self.quantity = quantity
        self.what = what
        self.value = value
        self.limit = limit
    }

    public var description: String {
        let shown = value == Int.max ? "more than Int.max" : "\(value)"
        return "\(what): \(shown) exceeds the limit of \(limit) \(quantity.unit) (raise it with \(quantity.flag))"
    }
}

extension Limits.Quantity {
    var unit: String {
        switch self {
        case .n: "wires"
        case .batch: "rows"
        case .arrayElements: "elements"
        case .decompressedBytes, .memoryBytes: "bytes"
        case .threads: "threads"
        }
    }
}
