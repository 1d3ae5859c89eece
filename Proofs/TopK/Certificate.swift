import Foundation
@_exported import ProofSupport

/// How much work a proof does: the test run keeps it to seconds, `relax prove` may ask for more.
public struct ProofScale: Sendable {
    /// Largest `n` for the exhaustive 0-1 checks (2ⁿ inputs each).
    public var maxExhaustiveN: Int
    /// Random rational inputs per configuration.
    public var rationalSamples: Int
    /// Network sizes of the exact-rational checks (exact rationals grow with the depth).
    public var rationalSizes: [Int]

    public init(maxExhaustiveN: Int = 20, rationalSamples: Int = 2, rationalSizes: [Int] = [3, 5, 6, 8]) {
        self.maxExhaustiveN = maxExhaustiveN
        self.rationalSamples = rationalSamples
        self.rationalSizes = rationalSizes
    }

    /// What `swift test` runs (seconds in a debug build; the module is compiled -O).
    public static let test = ProofScale()
}

/// A registered proof: `relax prove NAME` and `relax verify` run these.
public struct NamedProof: Sendable {
    public let name: String
    public let claim: String
    public let run: @Sendable (ProofScale) -> Certificate
}

func timed(_ body: () -> (Certificate.Verdict, [String], String)) -> (Certificate.Verdict, [String], String, Double) {
    let start = DispatchTime.now().uptimeNanoseconds
    let (v, e, f) = body()
    return (v, e, f, Double(DispatchTime.now().uptimeNanoseconds - start) / 1e9)
}
