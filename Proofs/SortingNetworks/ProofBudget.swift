import ExactArithmetic

/// A limit on the work of one exact proof, so that a family changed by mistake (say a squared
/// denominator) makes the proof report `failed` instead of growing its rationals for ever.
///
/// Three limits: the degree of every rational function's numerator and denominator, the bits of
/// every coefficient (numerator + denominator), and the number of bisection / search steps.
/// When one is exceeded the budget records why; the proof then reports `failed` naming it.
/// `@unchecked Sendable` is safe because a budget is used by one proof on one thread only.
public final class ProofBudget: @unchecked Sendable {
    public let maxDegree: Int
    public let maxCoefficientBits: Int
    public let maxSteps: Int
    public private(set) var steps = 0
    /// Why the budget ran out, or `nil`.
    public private(set) var exhausted: String?

    public init(maxDegree: Int = 24, maxCoefficientBits: Int = 4_096, maxSteps: Int = 200_000) {
        self.maxDegree = maxDegree
        self.maxCoefficientBits = maxCoefficientBits
        self.maxSteps = maxSteps
    }

    /// Counts `count` steps; `false` once the step limit is passed.
    func spend(_ count: Int = 1) -> Bool {
        steps += count
        if steps > maxSteps, exhausted == nil { exhausted = "step budget exhausted (\(maxSteps) steps)" }
        return exhausted == nil
    }

    /// Whether `p` is within the degree and coefficient-size limits (records the reason if not).
    func admits(_ p: Polynomial) -> Bool {
        if exhausted != nil { return false }
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
