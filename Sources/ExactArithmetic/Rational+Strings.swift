import CGMP

extension Rational: LosslessStringConvertible, CustomStringConvertible {
    /// `"p"` for integers, `"p/q"` otherwise (canonical, `q > 0`).
    public var description: String {
        isInteger ? numerator.description : "\(numerator.description)/\(denominator.description)"
    }

    /// Parses `"p"`, `"p/q"` (`q ≠ 0`), or a decimal such as `"-0.25"`, `"3."`, `".5"`, `"1e-3"`,
    /// `"2.5E+4"`. Returns `nil` for anything else.
    public init?(_ description: String) {
        guard let value = try? Rational(parsing: description) else { return nil }
        self = value
    }

    /// Like ``init(_:)-(String)`` but throws a typed error naming the bad text.
    public init(parsing text: String) throws(ExactArithmeticError) {
        if let slash = text.firstIndex(of: "/") {
            let p = try BigInt(parsing: String(text[..<slash]))
            let qText = String(text[text.index(after: slash)...])
            guard let first = qText.first, first != "-", first != "+" else { throw .malformedLiteral(text) }
            let q = try BigInt(parsing: qText)
            guard !q.isZero else { throw .zeroDenominator }
            self.init(p, q)
            return
        }
        self = try Rational.parseDecimal(text)
    }

    /// `[+-]? digits? (. digits?)? ([eE] [+-]? digits)?` with at least one mantissa digit.
    static func parseDecimal(_ text: String) throws(ExactArithmeticError) -> Rational {
        var rest = Substring(text)
        var negative = false
        if let first = rest.first, first == "-" || first == "+" {
            negative = first == "-"
            rest = rest.dropFirst()
        }
        let isDigit: (Character) -> Bool = { $0.isASCII && $0.isNumber }
        let integerPart = rest.prefix(while: isDigit)
        rest = rest.dropFirst(integerPart.count)
        var fractionPart: Substring = ""
        if rest.first == "." {
            rest = rest.dropFirst()
            fractionPart = rest.prefix(while: isDigit)
            rest = rest.dropFirst(fractionPart.count)
        }
        guard !(integerPart.isEmpty && fractionPart.isEmpty) else { throw .malformedLiteral(text) }
        var exponent = 0
        if let e = rest.first, e == "e" || e == "E" {
            rest = rest.dropFirst()
            var exponentText = rest
            if let sign = exponentText.first, sign == "-" || sign == "+" { exponentText = exponentText.dropFirst() }
            guard !exponentText.isEmpty, exponentText.allSatisfy(isDigit), exponentText.count <= 9,
                let value = Int(rest)
            else { throw .malformedLiteral(text) }
            exponent = value
            rest = ""
        }
        guard rest.isEmpty else { throw .malformedLiteral(text) }
        let digits = try BigInt(parsing: String(integerPart + fractionPart))
        let scale = exponent - fractionPart.count
        let ten = BigInt(10)
        var value = Rational(digits)
        if scale >= 0 {
            value *= Rational(ten.power(scale))
        } else {
            value /= Rational(ten.power(-scale))
        }
        return negative ? -value : value
    }
}
