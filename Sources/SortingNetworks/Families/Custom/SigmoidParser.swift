/// Typed errors for a user-given sigmoid family: malformed text, non-rational functions, literals
/// outside this package's exact range, and piece ranges that overlap or leave part of ℝ uncovered.
/// Pieces are numbered from 1 in the order given.
public enum CustomSigmoidError: Error, Equatable, Sendable, CustomStringConvertible {
    case noPieces
    case syntax(piece: Int, text: String, position: Int, reason: String)
    /// A function that is not rational in `u` (`exp`, `atan`, `sqrt`, `abs`, a non-integer power, …).
    case nonRational(piece: Int, text: String, name: String)
    /// A literal whose reduced numerator or denominator does not fit in `Int64`, or division by 0.
    case literalTooLarge(piece: Int, text: String)
    /// An integer power outside −64…64.
    case exponentTooLarge(piece: Int, exponent: Int)
    /// A range other than `u < a`, `u <= a`, `u > a`, `u >= a`, `a < u < b` (any mix of `<`, `<=`,
    /// `≤`), or `all`.
    case badRange(piece: Int, text: String, reason: String)
    /// Two pieces both contain the points between `from` and `to` (equal for a shared endpoint).
    case overlappingRanges(piece: Int, other: Int, from: String, to: String)
    /// No piece contains the points between `from` and `to` (`-inf`/`+inf` for the unbounded ends).
    case uncoveredRange(from: String, to: String)
    /// A family file that is not the `relaxations-sigmoid/1` JSON object described in the README.
    case malformedFile(reason: String)

    public var description: String {
        switch self {
        case .noPieces: "a sigmoid family needs at least one piece"
        case .syntax(let p, let text, let position, let reason): "piece \(p): syntax error at character \(position + 1) of '\(text)': \(reason)"
        case .nonRational(let p, let text, let name):
            "piece \(p): '\(name)' in '\(text)' is not a rational function of u (only + - * / ^integer, numbers, u and parentheses; split |u| into pieces)"
        case .literalTooLarge(let p, let text): "piece \(p): the number '\(text)' does not fit the exact range (reduced numerator and denominator within ±2⁶³)"
        case .exponentTooLarge(let p, let k): "piece \(p): the exponent \(k) is outside −64…64"
        case .badRange(let p, let text, let reason): "piece \(p): range '\(text)': \(reason)"
        case .overlappingRanges(let p, let q, let from, let to):
            from == to ? "pieces \(p) and \(q) both contain u = \(from)" : "pieces \(p) and \(q) overlap on (\(from), \(to))"
        case .uncoveredRange(let from, let to): from == to ? "no piece contains u = \(from)" : "no piece covers (\(from), \(to))"
        case .malformedFile(let reason): "malformed sigmoid family file: \(reason)"
        }
    }
}

/// Recursive-descent parser of ``SigmoidExpression``s and piece ranges.
///
/// Grammar (this package's own): `expr := term (('+'|'-') term)*`,
/// `term := unary (('*'|'/'|juxtaposition) unary)*`, `unary := ('-'|'+') unary | power`,
/// `power := primary ('^' integer | '^(' signed integer ')')?`, `primary := number | u | '(' expr ')'`.
/// Juxtaposition (`4u`, `2(u + 1)`) multiplies with the precedence of `*`, left to right, so
/// `1/16u` is `u/16`: write `1/(16u)`.
struct SigmoidParser {
    let piece: Int
    let text: String
    let characters: [Character]
    var position = 0

    init(piece: Int, text: String) {
        self.piece = piece
        self.text = text
        characters = Array(text)
    }

    static func expression(_ text: String, piece: Int) throws(CustomSigmoidError) -> SigmoidExpression {
        var parser = SigmoidParser(piece: piece, text: text)
        let e = try parser.parseExpression()
        parser.skipSpaces()
        guard parser.position == parser.characters.count else { throw parser.syntax("unexpected '\(parser.characters[parser.position])'") }
        return e
    }

    func syntax(_ reason: String) -> CustomSigmoidError { .syntax(piece: piece, text: text, position: position, reason: reason) }

    mutating func skipSpaces() { while position < characters.count, characters[position].isWhitespace { position += 1 } }

    mutating func peek() -> Character? { skipSpaces(); return position < characters.count ? characters[position] : nil }

    mutating func parseExpression() throws(CustomSigmoidError) -> SigmoidExpression {
        var e = try parseTerm()
        while let c = peek(), c == "+" || c == "-" || c == "−" {
            position += 1
            let rhs = try parseTerm()
            e = c == "+" ? .add(e, rhs) : .subtract(e, rhs)
        }
        return e
    }

    mutating func parseTerm() throws(CustomSigmoidError) -> SigmoidExpression {
        var e = try parseUnary()
        while let c = peek() {
            if c == "*" || c == "/" || c == "·" || c == "×" {
                position += 1
                let rhs = try parseUnary()
                e = c == "/" ? .divide(e, rhs) : .multiply(e, rhs)
            } else if c == "(" || c.isLetter {
                e = .multiply(e, try parsePower())  // juxtaposition: 4u, 2(u + 1)
            } else {
                break
            }
        }
        return e
    }

    mutating func parseUnary() throws(CustomSigmoidError) -> SigmoidExpression {
        guard let c = peek() else { throw syntax("expected a number, u or '('") }
        if c == "-" || c == "−" { position += 1; return SigmoidExpression.negated(try parseUnary()) }
        if c == "+" { position += 1; return try parseUnary() }
        return try parsePower()
    }

    mutating func parsePower() throws(CustomSigmoidError) -> SigmoidExpression {
        let base = try parsePrimary()
        guard peek() == "^" else { return base }
        position += 1
        var parenthesised = false
        if peek() == "(" { parenthesised = true; position += 1 }
        var negative = false
        if let c = peek(), c == "-" || c == "−" { negative = true; position += 1 }
        skipSpaces()
        let start = position
        while position < characters.count, characters[position].isASCII, characters[position].isNumber { position += 1 }
        if position < characters.count, characters[position] == "." || characters[position] == "/" {
            throw .nonRational(piece: piece, text: text, name: "^ with a non-integer exponent")
        }
        guard position > start, let magnitude = Int(String(characters[start..<position])) else {
            throw syntax("expected an integer exponent after '^'")
        }
        if parenthesised {
            guard peek() == ")" else { throw syntax("expected ')' after the exponent") }
            position += 1
        }
        let k = negative ? -magnitude : magnitude
        guard (-64...64).contains(k) else { throw .exponentTooLarge(piece: piece, exponent: k) }
        return .power(base, k)
    }

    mutating func parsePrimary() throws(CustomSigmoidError) -> SigmoidExpression {
        guard let c = peek() else { throw syntax("expected a number, u or '('") }
        if c == "(" {
            position += 1
            let e = try parseExpression()
            guard peek() == ")" else { throw syntax("expected ')'") }
            position += 1
            return e
        }
        if c.isLetter {
            let start = position
            while position < characters.count, characters[position].isLetter || characters[position].isNumber || characters[position] == "_" { position += 1 }
            let name = String(characters[start..<position])
            if name == "u" { return .u }
            if name == "x" || name == "d" { throw syntax("the variable is u, not '\(name)'") }
            throw .nonRational(piece: piece, text: text, name: name)
        }
        if c == "|" { throw .nonRational(piece: piece, text: text, name: "|…|") }
        if c.isNumber || c == "." { return .constant(try parseNumber()) }
        throw syntax("unexpected '\(c)'")
    }

    /// A decimal literal `12`, `0.25`, `.5`, `1e-3`, `2.5E+2`, as an exact reduced fraction.
    mutating func parseNumber() throws(CustomSigmoidError) -> SigmoidFraction {
        skipSpaces()
        let start = position
        var digits = "", fractionDigits = 0, seenPoint = false
        while position < characters.count {
            let c = characters[position]
            if c.isASCII, c.isNumber { digits.append(c); if seenPoint { fractionDigits += 1 } } else if c == ".", !seenPoint { seenPoint = true } else { break }
            position += 1
        }
        guard !digits.isEmpty else { throw syntax("malformed number") }
        var exponent = 0
        if position < characters.count, characters[position] == "e" || characters[position] == "E" {
            var p = position + 1, negative = false
            if p < characters.count, characters[p] == "-" || characters[p] == "+" { negative = characters[p] == "-"; p += 1 }
            let expStart = p
            while p < characters.count, characters[p].isASCII, characters[p].isNumber { p += 1 }
            guard p > expStart, let e = Int(String(characters[expStart..<p])), e <= 40 else { throw syntax("malformed exponent") }
            exponent = negative ? -e : e
            position = p
        }
        let literal = String(characters[start..<position])
        let tooLarge = CustomSigmoidError.literalTooLarge(piece: piece, text: literal)
        let trimmed = digits.drop { $0 == "0" }
        guard trimmed.count <= 18, var numerator = Int64(trimmed.isEmpty ? "0" : String(trimmed)) else { throw tooLarge }
        var denominator: Int64 = 1
        let scale = exponent - fractionDigits
        for _ in 0..<scale.magnitude {
            if scale > 0 {
                let (r, o) = numerator.multipliedReportingOverflow(by: 10); guard !o else { throw tooLarge }; numerator = r
            } else {
                let (r, o) = denominator.multipliedReportingOverflow(by: 10); guard !o else { throw tooLarge }; denominator = r
            }
        }
        guard let value = SigmoidFraction(numerator, denominator) else { throw tooLarge }
        return value
    }
}
