/// Parsing of piece ranges (`u < -1`, `-1/4 <= u <= 1/4`, `u ≥ 0`, `all`) and the check that the
/// pieces cover ℝ exactly once.
enum SigmoidRange {
    typealias Bound = PiecewiseRationalSigmoid.Bound

    static func parse(_ text: String, piece: Int) throws(CustomSigmoidError) -> (Bound?, Bound?) {
        let tokens = try tokenize(text, piece: piece)
        func bad(_ reason: String) -> CustomSigmoidError { .badRange(piece: piece, text: text, reason: reason) }
        if tokens == [.word("all")] { return (nil, nil) }
        switch tokens.count {
        case 3:
            // u OP a   or   a OP u
            if case .word("u") = tokens[0], case .relation(let less, let strict) = tokens[1], case .number(let a) = tokens[2] {
                let bound = Bound(value: a, inclusive: !strict)
                return less ? (nil, bound) : (bound, nil)
            }
            if case .number(let a) = tokens[0], case .relation(let less, let strict) = tokens[1], case .word("u") = tokens[2] {
                let bound = Bound(value: a, inclusive: !strict)
                return less ? (bound, nil) : (nil, bound)
            }
        case 5:
            if case .number(let a) = tokens[0], case .relation(true, let s1) = tokens[1], case .word("u") = tokens[2],
               case .relation(true, let s2) = tokens[3], case .number(let b) = tokens[4] {
                guard a < b else { throw bad("the lower end must be below the upper end") }
                return (Bound(value: a, inclusive: !s1), Bound(value: b, inclusive: !s2))
            }
            throw bad("write a two-sided range as 'a < u < b' (with < or <=)")
        default: break
        }
        throw bad("expected 'u < a', 'u <= a', 'u > a', 'u >= a', 'a < u < b' or 'all'")
    }

    enum Token: Equatable {
        case word(String)
        case number(SigmoidFraction)
        /// `less`: `<`/`<=`; `strict`: `<`/`>`.
        case relation(less: Bool, strict: Bool)
    }

    static func tokenize(_ text: String, piece: Int) throws(CustomSigmoidError) -> [Token] {
        let c = Array(text)
        var tokens: [Token] = [], i = 0
        while i < c.count {
            let ch = c[i]
            if ch.isWhitespace { i += 1; continue }
            if ch == "<" || ch == ">" || ch == "≤" || ch == "≥" {
                let less = ch == "<" || ch == "≤"
                var strict = ch == "<" || ch == ">"
                i += 1
                if strict, i < c.count, c[i] == "=" { strict = false; i += 1 }
                tokens.append(.relation(less: less, strict: strict))
            } else if ch.isLetter {
                var j = i
                while j < c.count, c[j].isLetter { j += 1 }
                tokens.append(.word(String(c[i..<j]).lowercased()))
                i = j
            } else if ch.isNumber || ch == "-" || ch == "−" || ch == "+" || ch == "." {
                // a signed number, optionally a fraction p/q
                var j = i + ((ch == "-" || ch == "−" || ch == "+") ? 1 : 0)
                while j < c.count, c[j].isNumber || c[j] == "." || c[j] == "/" || c[j] == "e" || c[j] == "E"
                    || ((c[j] == "-" || c[j] == "+") && (c[j - 1] == "e" || c[j - 1] == "E")) { j += 1 }
                let body = String(c[(ch == "-" || ch == "−" || ch == "+" ? i + 1 : i)..<j])
                let parts = body.split(separator: "/", omittingEmptySubsequences: false)
                guard parts.count <= 2 else { throw .badRange(piece: piece, text: text, reason: "malformed number '\(body)'") }
                var values: [SigmoidFraction] = []
                for part in parts {
                    var parser = SigmoidParser(piece: piece, text: String(part))
                    guard !part.isEmpty, let value = try? parser.parseNumber(), parser.position == parser.characters.count else {
                        throw .badRange(piece: piece, text: text, reason: "malformed number '\(body)'")
                    }
                    values.append(value)
                }
                var value = values[0]
                if values.count == 2 {
                    let p = value.numerator.multipliedReportingOverflow(by: values[1].denominator)
                    let q = value.denominator.multipliedReportingOverflow(by: values[1].numerator)
                    guard !p.overflow, !q.overflow, let v = SigmoidFraction(p.partialValue, q.partialValue) else {
                        throw .literalTooLarge(piece: piece, text: body)
                    }
                    value = v
                }
                if ch == "-" || ch == "−" { value = SigmoidFraction(-value.numerator, value.denominator)! }
                tokens.append(.number(value))
                i = j
            } else {
                throw .badRange(piece: piece, text: text, reason: "unexpected '\(ch)'")
            }
        }
        return tokens
    }

    /// Pieces sorted by lower end must chain: each upper end equals the next lower end, and
    /// exactly one of the two contains the shared breakpoint.
    static func checkTiling(_ sorted: [(index: Int, piece: PiecewiseRationalSigmoid.Piece)]) throws(CustomSigmoidError) {
        if let first = sorted.first, let lower = first.piece.lower {
            throw .uncoveredRange(from: "-inf", to: "\(lower.value)")
        }
        for (a, b) in zip(sorted, sorted.dropFirst()) {
            guard let upper = a.piece.upper else {
                throw .overlappingRanges(piece: a.index, other: b.index, from: b.piece.lower.map { "\($0.value)" } ?? "-inf", to: b.piece.upper.map { "\($0.value)" } ?? "+inf")
            }
            guard let lower = b.piece.lower else { throw .overlappingRanges(piece: a.index, other: b.index, from: "-inf", to: "\(upper.value)") }
            if upper.value < lower.value { throw .uncoveredRange(from: "\(upper.value)", to: "\(lower.value)") }
            if lower.value < upper.value { throw .overlappingRanges(piece: a.index, other: b.index, from: "\(lower.value)", to: "\(upper.value)") }
            if upper.inclusive && lower.inclusive { throw .overlappingRanges(piece: a.index, other: b.index, from: "\(upper.value)", to: "\(upper.value)") }
            if !upper.inclusive && !lower.inclusive { throw .uncoveredRange(from: "\(upper.value)", to: "\(upper.value)") }
        }
        if let last = sorted.last?.piece, let upper = last.upper {
            throw .uncoveredRange(from: "\(upper.value)", to: "+inf")
        }
    }

    static func text(_ lower: Bound?, _ upper: Bound?) -> String {
        switch (lower, upper) {
        case (nil, nil): "all u"
        case (nil, let h?): "u \(h.inclusive ? "<=" : "<") \(h.value)"
        case (let l?, nil): "u \(l.inclusive ? ">=" : ">") \(l.value)"
        case (let l?, let h?): "\(l.value) \(l.inclusive ? "<=" : "<") u \(h.inclusive ? "<=" : "<") \(h.value)"
        }
    }
}
