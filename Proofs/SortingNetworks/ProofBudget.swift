import ExactArithmetic
import Foundation

/// A limit on the work of one exact proof, so that a family changed by mistake (say a squared
/// denominator) makes the proof report `failed` instead of growing its rationals for ever.
///
/// Four limits: the degree of every rational function's numerator and denominator, the bits of
/// every coefficient (numerator + denominator), the number of bisection / search steps, and the
/// wall-clock time of the proof (a deadline fixed when the budget is made, checked at every step
/// and every new rational function). When one is exceeded the budget records why; the proof then
/// reports `failed` naming it.
/// `@unchecked Sendable` is safe because a budget is used by one proof on one thread only.
public final class ProofBudget: @unchecked Sendable {
    public let maxDegree: Int
    public let maxCoefficientBits: Int
    public let maxSteps: Int
    /// Seconds one proof may run, counted from the budget's creation.
    public let maxSeconds: Double
    let deadline: Date
    public private(set) var steps = 0
    /// Why the budget ran out, or `nil`.
    public private(set) var exhausted: String?

    public init(maxDegree: Int = 24, maxCoefficientBits: Int = 4_096, maxSteps: Int = 200_000, maxSeconds: Double = 120) {
        self.maxDegree = maxDegree
        self.maxCoefficientBits = maxCoefficientBits
        self.maxSteps = maxSteps
        self.maxSeconds = maxSeconds
        deadline = Date(timeIntervalSinceNow: maxSeconds)
    }

    /// Counts `count` steps; `false` once the step limit or the deadline is passed.
    func spend(_ count: Int = 1) -> Bool {
        steps += count
        if steps > maxSteps, exhausted == nil { exhausted = "step budget exhausted (\(maxSteps) steps)" }
        return exhausted == nil && withinDeadline()
    }

    /// `false` (and the reason recorded) once the proof has run longer than `maxSeconds`.
    func withinDeadline() -> Bool {
        if exhausted == nil, Date() > deadline {
            exhausted = "time budget exhausted (\(maxSeconds) s for one proof)"
        }
        return exhausted == nil
    }

    /// Whether `p` is within the degree and coefficient-size limits (records the reason if not).
    func admits(_ p: Polynomial) -> Bool {
        if !withinDeadline() { return false }
        if p.degree > maxDegree {
            exhausted = "degree budget exhausted (degree \(p.degree) > \(maxDegree))"
            return false
        }
        if let bits = p.coefficients.lazy.map({ $0.numerator.bitWidth + $0.denominator.bitWidth }).max(), bits > maxCoefficientBits {
            exhausted = "operand-size budget exhausted (a coefficient of \(bits) bits > \(maxCoefficientBits))"
            return false
        }
        return true
    }
}
