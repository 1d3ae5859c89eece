extension FixtureChecker {
    /// Compares `actual` with `expected` entry by entry (shapes already equal).
    ///
    /// * integer outputs (`actual.isInteger`) must be equal;
    /// * otherwise an entry passes iff `|a − e| ≤ abs + rel·|e|`;
    /// * a non-finite expected value passes only against the identical non-finite actual value
    ///   (NaN against NaN, +∞ against +∞, −∞ against −∞); a non-finite actual value against a
    ///   finite expected value fails.
    public static func compare(key: String, actual: FixtureTensor, expected: FixtureTensor, tolerance: FixtureTolerance) -> KeyComparison {
        let exact = actual.isInteger
        var result = KeyComparison(
            key: key, shape: expected.shape, exact: exact, maxAbsError: 0, maxRelError: 0,
            maxToleranceRatio: 0, mismatches: 0, firstMismatch: nil)
        for k in 0..<min(actual.values.count, expected.values.count) {
            let a = actual.values[k], e = expected.values[k]
            let ok: Bool
            if !e.isFinite || !a.isFinite {
                ok = (e.isNaN && a.isNaN) || (e.isInfinite && a == e)
                if !ok {
                    result.maxAbsError = .infinity
                    result.maxRelError = .infinity
                    result.maxToleranceRatio = .infinity
                }
            } else {
                let diff = (a - e).magnitude
                result.maxAbsError = max(result.maxAbsError, diff)
                // Relative error is reported where it means something: |e| above the absolute
                // tolerance (values below it are judged by `abs` alone).
                if e != 0, e.magnitude > tolerance.abs { result.maxRelError = max(result.maxRelError, diff / e.magnitude) }
                if exact {
                    ok = a == e
                    if !ok { result.maxToleranceRatio = .infinity }
                } else {
                    let bound = tolerance.abs + tolerance.rel * e.magnitude
                    ok = diff <= bound
                    let ratio = bound > 0 ? diff / bound : (diff == 0 ? 0 : .infinity)
                    result.maxToleranceRatio = max(result.maxToleranceRatio, ratio)
                }
            }
            if !ok {
                result.mismatches += 1
                if result.firstMismatch == nil { result.firstMismatch = (k, a, e) }
            }
        }
        return result
    }
}
