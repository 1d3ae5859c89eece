/// Tolerance of a comparison: `|actual − expected| ≤ abs + rel·|expected|`.
public struct FixtureTolerance: Hashable, Sendable {
    public var abs: Double
    public var rel: Double

    public init(abs: Double, rel: Double) {
        self.abs = abs
        self.rel = rel
    }

    /// The contract's default: abs 1e-12, rel 1e-9.
    public static let contractDefault = FixtureTolerance(abs: 1e-12, rel: 1e-9)
}

/// The comparison of one expected key with the value an implementation produced.
public struct KeyComparison: Sendable, Equatable {
    public var key: String
    public var shape: [Int]
    /// Exact comparison (integer outputs) rather than the tolerance.
    public var exact: Bool
    /// Largest `|a − e|` over entries where both are finite (∞ if a finite/non-finite pair mismatches).
    public var maxAbsError: Double
    /// Largest `|a − e| / |e|` over entries with finite `e`, `|e|` > the absolute tolerance and
    /// non-zero (smaller values are judged by `abs` alone); ∞ as above.
    public var maxRelError: Double
    /// Largest `|a − e| / (abs + rel·|e|)`: ≤ 1 means within tolerance (0 for exact keys that match).
    public var maxToleranceRatio: Double
    /// Number of entries outside the tolerance.
    public var mismatches: Int
    /// The first failing entry: flat index, actual, expected.
    public var firstMismatch: (index: Int, actual: Double, expected: Double)?

    public var passed: Bool { mismatches == 0 }

    public static func == (l: KeyComparison, r: KeyComparison) -> Bool {
        l.key == r.key && l.shape == r.shape && l.exact == r.exact && l.mismatches == r.mismatches
            && l.maxAbsError.bitPattern == r.maxAbsError.bitPattern && l.maxRelError.bitPattern == r.maxRelError.bitPattern
    }
}

/// One case evaluated with one implementation.
public struct CaseResult: Sendable {
    public var caseName: String
    public var implementation: String
    public var tolerance: FixtureTolerance
    public var comparisons: [KeyComparison]
    /// Keys under `expected` that the method does not produce (reported, not compared).
    public var notCompared: [String]
    /// A malformed case or a failing implementation.
    public var error: FixtureError?

    public var passed: Bool { error == nil && !comparisons.isEmpty && comparisons.allSatisfy(\.passed) }
}

/// The result of checking one fixture file.
public struct FileResult: Sendable {
    public var file: String
    public var method: String?
    /// Number of cases in the file.
    public var caseCount: Int
    public var results: [CaseResult]
    /// A file-level error (unreadable, bad JSON, wrong format version, unknown method, …).
    public var error: FixtureError?

    public var passed: Bool { error == nil && !results.isEmpty && results.allSatisfy(\.passed) }

    /// Every error in the file: the file-level one and each case's.
    public var errors: [FixtureError] { (error.map { [$0] } ?? []) + results.compactMap(\.error) }
}

/// A summary over many fixture files, for `relax verify`.
public struct FixtureSummary: Sendable, CustomStringConvertible {
    /// Fixture files checked.
    public var files: Int = 0
    /// JSON files found that are not fixtures (e.g. model files referenced by a fixture).
    public var skippedFiles: [String] = []
    /// Cases over all files.
    public var cases: Int = 0
    /// Case × implementation evaluations that passed / failed.
    public var passed: Int = 0
    public var failed: Int = 0
    /// Files that could not be checked at all (malformed).
    public var malformedFiles: Int = 0
    /// Worst errors over every compared key.
    public var worstAbsError: Double = 0
    public var worstRelError: Double = 0
    /// Worst `|a − e| / (abs + rel·|e|)` (≤ 1: every value within its tolerance) and where.
    public var worstToleranceRatio: Double = 0
    public var worstLocation: String = ""
    /// One message per failure (file, case, implementation, key).
    public var failures: [String] = []
    /// Per-file results, in order.
    public var results: [FileResult] = []

    public var allPassed: Bool { failed == 0 && malformedFiles == 0 && files > 0 }

    public init() {}

    /// One line: verdict, counts, worst errors and the first failure.
    public var description: String {
        var s = "\(allPassed ? "PASS" : "FAIL"): \(files) fixture file(s), \(cases) case(s), \(passed) passed, "
            + "\(failed) failed, \(malformedFiles) malformed; worst abs \(worstAbsError), worst rel \(worstRelError), "
            + "worst tolerance use \(worstToleranceRatio)"
        if let first = failures.first { s += "; first failure: \(first)" + (failures.count > 1 ? " (+\(failures.count - 1) more)" : "") }
        return s
    }

    /// Adds every file of another summary.
    public mutating func merge(_ other: FixtureSummary) {
        for r in other.results { merge(r) }
        skippedFiles += other.skippedFiles
        // Failures that belong to no file (e.g. a directory that cannot be listed).
        let unlisted = other.malformedFiles - other.results.filter { $0.error != nil }.count
        if unlisted > 0 {
            malformedFiles += unlisted
            failures += other.failures.prefix(unlisted)
        }
    }

    /// Adds one file's result.
    public mutating func merge(_ r: FileResult) {
        files += 1
        results.append(r)
        cases += r.caseCount
        if let e = r.error {
            malformedFiles += 1
            failures.append(e.description)
        }
        for c in r.results {
            if c.passed { passed += 1 } else { failed += 1 }
            if let e = c.error { failures.append("[\(c.implementation)] \(e)") }
            for k in c.comparisons {
                worstAbsError = max(worstAbsError, k.maxAbsError)
                worstRelError = max(worstRelError, k.maxRelError)
                if k.maxToleranceRatio > worstToleranceRatio || worstLocation.isEmpty {
                    worstToleranceRatio = max(worstToleranceRatio, k.maxToleranceRatio)
                    worstLocation = "\(r.file), case \"\(c.caseName)\", \(c.implementation), key \(k.key)"
                }
                if !k.passed {
                    failures.append("\(r.file), case \"\(c.caseName)\", \(c.implementation): key \(k.key) \(k.mismatchDescription)")
                }
            }
        }
    }
}

extension KeyComparison {
    /// "3 of 64 entries outside tolerance; first at flat index 5: actual …, expected …".
    public var mismatchDescription: String {
        guard let m = firstMismatch else { return "matches" }
        return "\(mismatches) of \(shape.reduce(1, *)) entries outside tolerance; first at \(entryName(m.index)) (flat index \(m.index)): actual \(m.actual), expected \(m.expected)"
    }
}

extension KeyComparison {
    /// The entry at a flat row-major index, e.g. `y[1][3]` (`key` alone for a scalar).
    public func entryName(_ flatIndex: Int) -> String {
        var rest = flatIndex
        var indices: [Int] = []
        for extent in shape.reversed() where extent > 0 {
            indices.append(rest % extent)
            rest /= extent
        }
        return key + indices.reversed().map { "[\($0)]" }.joined()
    }
}
