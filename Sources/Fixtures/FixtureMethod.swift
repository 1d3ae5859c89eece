/// One fixture method (`sort`, `topk-loss`, `logic-layer`, …): evaluates a case with a named
/// implementation and returns the outputs it computed, keyed like `expected`.
///
/// To add a method: write `Sources/Fixtures/<Method>Fixtures.swift` with a type conforming to
/// this protocol and add one line to ``FixtureRegistry/methods``. The generic driver
/// (``FixtureChecker``) does everything else: format/version checks, params merging,
/// tolerances, comparison of every expected key, reports.
public protocol FixtureMethod: SendableMetatype {
    /// The contract's method name, e.g. `"sort"`.
    static var name: String { get }
    /// The implementation names, e.g. `Implementation.allCases.map(\.rawValue)`.
    static var implementations: [String] { get }
    /// Every key this method can produce (and so compare) under `expected`, e.g.
    /// `["y", "p", "grad_x"]`. Other expected keys are reported as not compared.
    static var outputKeys: Set<String> { get }
    /// Evaluates one case. Compute at least every key in
    /// `c.expectedKeys ∩ outputKeys` (use `c.wants(key)` to skip work that is not needed).
    /// Throw ``FixtureError`` for malformed input (use `FixtureCase`'s accessors, which name the
    /// file, case and key); any other error thrown is reported as the implementation failing.
    static func evaluate(_ c: FixtureCase, implementation: String) throws -> [String: FixtureTensor]
}
