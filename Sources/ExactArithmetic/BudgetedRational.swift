import Foundation
import RealModule

/// A GMP rational that counts against an operand-size budget: every result whose numerator +
/// denominator exceed the budget's bits marks the budget exhausted, and from then on every
/// operation returns 0 at once. An exact computation that would grow without bound (a family
/// changed by mistake, say) thus finishes quickly, and the proof reports `failed`.
///
/// A budget may also carry a deadline: once it has passed (checked every 256 operations and at
/// every operation on operands over 4,096 bits), the
/// budget is exhausted in the same way, so one slow case inside a proof stops instead of hanging.
///
/// The budget is task-local (``BudgetedRational/withBudget(_:_:)``); without one, operations are
/// plain rational arithmetic.
public struct BudgetedRational: Sendable, Hashable, Comparable, CustomStringConvertible {
    public let value: Rational

    public init(_ value: Rational) { self.value = value }

    public final class Budget: @unchecked Sendable {
        public let maxBits: Int
        /// When the work must stop (`nil`: no time limit).
        public let deadline: Date?
        public internal(set) var exhausted: String?
        var operations = 0
        init(maxBits: Int, deadline: Date?) {
            self.maxBits = maxBits
            self.deadline = deadline
        }
    }

    @TaskLocal public static var budget: Budget?

    /// Runs `body` with a budget of `maxBits`; returns its result and why the budget ran out, if it did.
    /// With a `deadline`, work still running when it passes stops as well (the reason names the
    /// time budget).
    public static func withBudget<R>(_ maxBits: Int, deadline: Date? = nil, _ body: () -> R) -> (R, exhausted: String?) {
        let budget = Budget(maxBits: maxBits, deadline: deadline)
        let result = $budget.withValue(budget) { body() }
        return (result, budget.exhausted)
    }

    public static var isExhausted: Bool { budget?.exhausted != nil }

    static func checked(_ make: () -> Rational) -> BudgetedRational {
        guard let budget else { return BudgetedRational(make()) }
        if budget.exhausted != nil { return BudgetedRational(0) }
        let r = make()
        let bits = r.numerator.bitWidth + r.denominator.bitWidth
        if bits > budget.maxBits {
            budget.exhausted = "operand budget exhausted: an intermediate of \(bits) bits (budget \(budget.maxBits))"
            return BudgetedRational(0)
        }
        // The clock is read every 256 operations, and at every operation on large operands.
        budget.operations &+= 1
        if budget.operations & 255 == 0 || bits > 4_096, let deadline = budget.deadline, Date() > deadline {
            budget.exhausted = "time budget exhausted: the deadline passed during the case, after \(budget.operations) operations"
            return BudgetedRational(0)
        }
        return BudgetedRational(r)
    }

    public var description: String { value.description }
    public static func < (l: BudgetedRational, r: BudgetedRational) -> Bool { l.value < r.value }
}

extension BudgetedRational: AlgebraicField {
    public typealias Magnitude = BudgetedRational
    public init(integerLiteral value: Int) { self.init(Rational(value)) }
    public init?<T: BinaryInteger>(exactly source: T) { self.init(Rational(BigInt(source))) }
    public var magnitude: BudgetedRational { BudgetedRational(value.magnitude) }
    public static var zero: BudgetedRational { BudgetedRational(0) }
    public static func + (l: BudgetedRational, r: BudgetedRational) -> BudgetedRational { checked { l.value + r.value } }
    public static func - (l: BudgetedRational, r: BudgetedRational) -> BudgetedRational { checked { l.value - r.value } }
    public static func * (l: BudgetedRational, r: BudgetedRational) -> BudgetedRational { checked { l.value * r.value } }
    /// Division by zero (possible only once the budget has zeroed the operands) gives 0.
    public static func / (l: BudgetedRational, r: BudgetedRational) -> BudgetedRational {
        r.value.isZero ? BudgetedRational(0) : checked { l.value / r.value }
    }
    public static prefix func - (x: BudgetedRational) -> BudgetedRational { BudgetedRational(-x.value) }
    public static func += (l: inout BudgetedRational, r: BudgetedRational) { l = l + r }
    public static func -= (l: inout BudgetedRational, r: BudgetedRational) { l = l - r }
    public static func *= (l: inout BudgetedRational, r: BudgetedRational) { l = l * r }
    public static func /= (l: inout BudgetedRational, r: BudgetedRational) { l = l / r }
    public var reciprocal: BudgetedRational? { value.isZero ? nil : BudgetedRational(1) / self }
}
