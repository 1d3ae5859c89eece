import ExactArithmetic
import Foundation
import SortingNetworks
@testable import SortingNetworksProofs
import Testing

/// User-given sigmoid families through the exact prover: the shipped rational families written
/// as files reproduce their certificates; a jump, a non-monotonic and a non-sigmoid family are
/// refuted with exact points.
@Suite(.timeLimit(.minutes(5))) struct CustomSigmoidProofTests {
    static func family(_ pieces: [String], name: String = "test") throws -> PiecewiseRationalSigmoid {
        try PiecewiseRationalSigmoid(name: name, parsing: pieces)
    }

    static let reciprocal = ["u < 0: (u/(2 - u) + 1)/2 | 1/(2 - u)^2", "u >= 0: (u/(2 + u) + 1)/2 | 1/(2 + u)^2"]
    static let optimal = ["u < -1/4: -1/(16u)", "-1/4 <= u <= 1/4: u + 1/2", "u > 1/4: 1 - 1/(16u)"]

    @Test func reciprocalReproducesItsCertificates() throws {
        let report = CustomSigmoidProofs.certify(try Self.family(Self.reciprocal, name: "reciprocal"))
        #expect(report.sigmoid.verdict == .proved, "\(report.sigmoid)")
        #expect(report.monotonicity.verdict == .proved, "\(report.monotonicity)")
        #expect(report.errorBound.verdict == .proved, "\(report.errorBound)")
        #expect(report.errorBoundConstant == 1)
        #expect(report.errorBound.figure.contains("approached as d → ∞, not attained"), "\(report.errorBound.figure)")
        // The shipped proof reaches the same verdict and constant (error-bound-reciprocal: sup = 1/s).
        #expect(SortingProofs.catalogue.named("sorting.monotonicity.reciprocal")!.run().certificate.verdict == .proved)
    }

    @Test func optimalReproducesItsCertificates() throws {
        let report = CustomSigmoidProofs.certify(try Self.family(Self.optimal, name: "optimal"))
        #expect(report.sigmoid.verdict == .proved, "\(report.sigmoid)")
        #expect(report.monotonicity.verdict == .proved && report.monotonicity.figure.contains("weak"), "\(report.monotonicity)")
        #expect(report.errorBoundConstant == Rational(1, 16), "\(report.errorBound)")
        #expect(report.errorBound.figure.contains("attained at d = 1/4"), "\(report.errorBound.figure)")
    }

    @Test func jumpIsRefutedAtItsPoint() throws {
        // optimal with the authors' 1e-10 guard: f jumps at u = ±1/4.
        let guarded = try Self.family(["u < -1/4: 1/(16(-u + 1e-10))", "-1/4 <= u <= 1/4: u + 1/2", "u > 1/4: 1 - 1/(16(u + 1e-10))"])
        let report = CustomSigmoidProofs.certify(guarded)
        #expect(report.sigmoid.verdict == .refuted, "\(report.sigmoid)")
        #expect(report.sigmoid.figure.contains("not continuous at u = -1/4"), "\(report.sigmoid.figure)")
        #expect(report.monotonicity.verdict == .refuted, "\(report.monotonicity)")
        #expect(report.monotonicity.evidence.contains { $0.contains("COUNTEREXAMPLE") && $0.contains("raising an input lowers the soft minimum") })
        #expect(!report.monotonicity.evidence.contains { $0.hasPrefix("FAILED") }, "\(report.monotonicity)")
        #expect(report.errorBound.verdict == .failed)
    }

    @Test func shippedProcedureRefusesTheGuardedJump() {
        // The procedure that certifies the shipped rational families now checks continuity, so the
        // library's own optimal code with the 1e-10 guard is not certified.
        let epsilon = Rational(exactly: sigmoidGuardEpsilon)!
        let certificate = MonotonicityProofs.rational(.optimal, guardEpsilon: epsilon)
        #expect(certificate.verdict == .failed, "\(certificate)")
        #expect(certificate.evidence.contains { $0.hasPrefix("FAILED: f is continuous at u = -1/4") }, "\(certificate)")
        #expect(MonotonicityProofs.rational(.optimal).verdict == .proved)
    }

    @Test func nonMonotonicFamilyIsRefutedWithAnExactPoint() throws {
        let smoothstep = try Self.family(["u < -1/2: 0", "-1/2 <= u <= 1/2: 3(u + 1/2)^2 - 2(u + 1/2)^3", "u > 1/2: 1"])
        let report = CustomSigmoidProofs.certify(smoothstep)
        #expect(report.sigmoid.verdict == .proved, "\(report.sigmoid)")
        #expect(report.monotonicity.verdict == .refuted, "\(report.monotonicity)")
        // The counterexample point is exact and really has g outside [0, 1].
        let line = try #require(report.monotonicity.evidence.first { $0.hasPrefix("COUNTEREXAMPLE: g(") })
        let point = try #require(Rational(String(line.dropFirst("COUNTEREXAMPLE: g(".count).prefix { $0 != ")" })))
        let f = 3 * (point + Rational(1, 2)).power(2) - 2 * (point + Rational(1, 2)).power(3)
        let df = 6 * (point + Rational(1, 2)) - 6 * (point + Rational(1, 2)).power(2)
        let g = f + point * df
        #expect(g < 0 || g > 1)
    }

    @Test func nonSigmoidIsRefuted() throws {
        // The reciprocal family with its denominator squared (issue: a contributor's mistake).
        let squared = try Self.family(["u < 0: (u/(2 - u)^2 + 1)/2", "u >= 0: (u/(2 + u)^2 + 1)/2"])
        let report = CustomSigmoidProofs.certify(squared)
        #expect(report.sigmoid.verdict == .refuted, "\(report.sigmoid)")
        #expect(report.sigmoid.evidence.contains { $0.contains("lim_{u→−∞} f(u) = 1/2, not 0") }, "\(report.sigmoid)")
        #expect(report.sigmoid.evidence.contains { $0.contains("f decreases") })
        // A single rational piece has equal limits at ±∞: never a sigmoid.
        let single = CustomSigmoidProofs.certify(try Self.family(["all: (u + 1)/(u^2 + 2)"]))
        #expect(single.sigmoid.verdict == .refuted)
        // A pole inside a piece.
        let pole = CustomSigmoidProofs.certify(try Self.family(["u < 1: 1/(2u - 1) + 1/2", "u >= 1: 1"]))
        #expect(pole.sigmoid.verdict == .refuted && pole.sigmoid.figure.contains("pole at u = 1/2"), "\(pole.sigmoid)")
    }

    @Test func wrongGivenDerivativeIsRefuted() throws {
        let report = CustomSigmoidProofs.certify(try Self.family(["u < -1/4: -1/(16u) | 1/(8u^2)", "-1/4 <= u <= 1/4: u + 1/2", "u > 1/4: 1 - 1/(16u)"]))
        #expect(report.sigmoid.verdict == .refuted && report.sigmoid.figure.contains("not df/du"), "\(report.sigmoid)")
    }

    @Test func irrationalMaximumGetsACertifiedEnclosure() throws {
        // f = 1/(2(1 + u²)) on u < 0: E(d) = d/(2(1 + d²)), maximum 1/4 at d = 1 — rational, exact;
        // f = 1/(2 + u²) on u < 0: E(d) = d/(2 + d²), maximum at d = √2: an enclosure of 1/(2√2).
        let exact = CustomSigmoidProofs.certify(try Self.family(["u < 0: 1/(2(1 + u^2))", "u >= 0: 1 - 1/(2(1 + u^2))"]))
        #expect(exact.sigmoid.verdict == .proved, "\(exact.sigmoid)")
        #expect(exact.errorBoundConstant == Rational(1, 4) && exact.errorBound.figure.contains("attained at d = 1"), "\(exact.errorBound)")
        let irrational = CustomSigmoidProofs.certify(try Self.family(["u < 0: 1/(2 + u^2)", "u >= 0: 1 - 1/(2 + u^2)"]))
        #expect(irrational.errorBound.verdict == .proved && irrational.errorBoundConstant == nil, "\(irrational.errorBound)")
        #expect(irrational.errorBound.figure.contains("c ∈ [0.353553390593273, 0.353553390593274]"), "\(irrational.errorBound.figure)")  // 1/(2√2) = 0.35355339059327376…
    }

    @Test func budgetTurnsRunawayIntoFailed() throws {
        let report = CustomSigmoidProofs.certify(try Self.family(Self.optimal), budget: ProofBudget(maxDegree: 1))
        #expect(report.sigmoid.verdict == .failed && report.sigmoid.evidence.contains { $0.contains("budget exhausted") }, "\(report.sigmoid)")
        let steps = CustomSigmoidProofs.certify(try Self.family(["u < 0: 1/(2 + u^2)", "u >= 0: 1 - 1/(2 + u^2)"]), budget: ProofBudget(maxSteps: 3))
        #expect(steps.certificates.contains { $0.verdict == .failed })
    }
}
