import InputLimits

extension FixtureCase {
    /// Refuses a case whose sizes pass ``Limits/current`` (n, batch, estimated working memory),
    /// before the method builds anything: an `invalidValue` error at `key` naming the limit and
    /// the flag that raises it.
    func checkLimits(n: Int, batch: Int, estimatedBytes: Int, key: String) throws(FixtureError) {
        let limits = Limits.current
        do {
            try limits.check(.n, n, "n (the width of \(key))")
            try limits.check(.batch, batch, "batch (the rows of \(key))")
            try limits.check(.memoryBytes, estimatedBytes, "estimated working memory for n = \(n), batch \(batch)")
        } catch {
            throw FixtureError.invalidValue(location(key), reason: error.description)
        }
    }
}
