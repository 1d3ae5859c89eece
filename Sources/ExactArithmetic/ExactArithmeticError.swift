/// Errors of the exact-arithmetic module (parsing and conversions from non-finite floats).
public enum ExactArithmeticError: Error, Equatable, Sendable, CustomStringConvertible {
    /// A `Double`/`Float` that is NaN or ±∞ has no rational value.
    case nonFinite(Double)
    /// A string that is not a valid integer / rational literal.
    case malformedLiteral(String)
    /// A rational with denominator zero was requested.
    case zeroDenominator

    public var description: String {
        switch self {
        case .nonFinite(let value): "\(value) is not finite and has no exact rational value"
        case .malformedLiteral(let text): "\"\(text)\" is not a valid number (expected e.g. 42, -3/4, 0.25 or 1e-3)"
        case .zeroDenominator: "the denominator of a rational must not be zero"
        }
    }
}
