import RealModule

/// A sigmoid family given by the user: a piecewise rational function `f(u)` with exact
/// breakpoints, and its derivative `f′` (written by the user, or derived symbolically).
///
/// It plugs into the relaxed sorters through ``SortConfiguration/customFamily`` (`α = f(s·d)`,
/// exactly like the shipped families of arXiv 2203.09630) and into `Proofs/`, which runs the same
/// ``evaluate(_:constant:)`` over exact rational functions to check that `f` is a sigmoid
/// (limits 0 and 1, continuous, `f′ ≥ 0`, `f′` the derivative of `f`), the monotonicity condition
/// `0 ≤ f(u) + u·f′(u) ≤ 1` of Theorem 5, and the error bound `sup_{d>0} d·f(−d)`:
/// `relax prove sigmoid --piece "u < -1/4: -1/(16u)" --piece "-1/4 <= u <= 1/4: u + 1/2" --piece "u > 1/4: 1 - 1/(16u)"`.
///
/// Constructing one checks the *form* only (syntax, rational pieces, ranges that tile ℝ); whether
/// it is a sigmoid at all is the proof's job, so run it before trusting a sort with the family.
public struct PiecewiseRationalSigmoid: Hashable, Sendable, CustomStringConvertible {
    /// One end of a piece's range.
    public struct Bound: Hashable, Sendable {
        public let value: SigmoidFraction
        /// Whether the breakpoint itself belongs to the piece.
        public let inclusive: Bool
    }

    /// What the user wrote for one piece: a range, `f` and optionally `f′`.
    public struct PieceSource: Hashable, Sendable, Codable {
        /// `u < -1`, `-1 <= u <= 1`, `u > 1`, `1/4 < u`, or `all`.
        public var range: String
        public var f: String
        public var df: String?

        public init(range: String, f: String, df: String? = nil) {
            self.range = range
            self.f = f
            self.df = df
        }

        /// `"RANGE: f"` or `"RANGE: f | f′"`, the command-line form.
        public init(parsing argument: String, piece: Int) throws(CustomSigmoidError) {
            guard let colon = argument.firstIndex(of: ":") else {
                throw .syntax(piece: piece, text: argument, position: 0, reason: "expected 'RANGE: f' or 'RANGE: f | df', e.g. 'u < -1: -1/(4u)'")
            }
            range = String(argument[..<colon])
            let rest = argument[argument.index(after: colon)...].split(separator: "|", maxSplits: 1, omittingEmptySubsequences: false)
            f = String(rest[0])
            df = rest.count > 1 ? String(rest[1]) : nil
        }
    }

    /// A validated piece.
    public struct Piece: Hashable, Sendable {
        /// `nil`: unbounded.
        public let lower: Bound?
        public let upper: Bound?
        public let f: SigmoidExpression
        public let df: SigmoidExpression
        /// `false`: `df` was derived symbolically from `f`.
        public let derivativeGiven: Bool
        public let source: PieceSource

        /// Whether `u` lies in this piece's range (ordered-field comparisons only).
        @inlinable
        public func contains<T: Comparable>(_ u: T, _ value: (SigmoidFraction) -> T) -> Bool {
            if let lower {
                let l = value(lower.value)
                if lower.inclusive ? u < l : u <= l { return false }
            }
            if let upper {
                let h = value(upper.value)
                if upper.inclusive ? u > h : u >= h { return false }
            }
            return true
        }
    }

    public let name: String
    /// Sorted by range; together they cover ℝ exactly once.
    public let pieces: [Piece]

    /// Parses and validates the pieces (in any order).
    public init(name: String = "custom", pieces sources: [PieceSource]) throws(CustomSigmoidError) {
        guard !sources.isEmpty else { throw .noPieces }
        var parsed: [(index: Int, piece: Piece)] = []
        for (k, source) in sources.enumerated() {
            let number = k + 1
            let (lower, upper) = try SigmoidRange.parse(source.range, piece: number)
            let f = try SigmoidParser.expression(source.f, piece: number)
            let given = source.df.flatMap { $0.allSatisfy(\.isWhitespace) ? nil : $0 }
            let df = try given.map { (text) throws(CustomSigmoidError) in try SigmoidParser.expression(text, piece: number) } ?? f.derivative
            parsed.append((number, Piece(lower: lower, upper: upper, f: f, df: df, derivativeGiven: given != nil, source: source)))
        }
        parsed.sort { a, b in
            switch (a.piece.lower, b.piece.lower) {
            case (nil, nil): return a.index < b.index
            case (nil, _): return true
            case (_, nil): return false
            case let (x?, y?): return x.value < y.value || (x.value == y.value && x.inclusive && !y.inclusive)
            }
        }
        try SigmoidRange.checkTiling(parsed)
        self.name = name
        pieces = parsed.map(\.piece)
    }

    /// The command-line form: one `"RANGE: f | f′"` string per piece.
    public init(name: String = "custom", parsing arguments: [String]) throws(CustomSigmoidError) {
        var sources: [PieceSource] = []
        for (k, argument) in arguments.enumerated() { sources.append(try PieceSource(parsing: argument, piece: k + 1)) }
        try self.init(name: name, pieces: sources)
    }

    /// The breakpoints, ascending.
    public var breakpoints: [SigmoidFraction] { pieces.dropFirst().compactMap { $0.lower?.value } }

    /// `(f(u), f′(u))` over any ordered field: the first piece whose range holds `u`.
    /// `constant` converts the exact literals into `T`.
    public func evaluate<T: AlgebraicField & Comparable>(_ u: T, constant: (SigmoidFraction) -> T) -> (f: T, df: T) {
        let piece = pieces.first { $0.contains(u, constant) } ?? pieces[pieces.count - 1]
        return (piece.f.evaluate(u, constant: constant), piece.df.evaluate(u, constant: constant))
    }

    /// `(f(u), f′(u))` in floating point (literals rounded to `T` through `Double`). Where `u = s·d`
    /// overflowed to ±∞, or a piece's rational overflows to ∞/∞ at a huge finite `u`, the result
    /// is the sigmoid's limit (`f` → 0 or 1, `f′` → 0, which `relax prove sigmoid` checks), never NaN.
    @inlinable
    public func evaluate<T: BinaryFloatingPoint & AlgebraicField>(_ u: T) -> (f: T, df: T) {
        if !u.isFinite { return (u > 0 ? 1 : 0, 0) }
        let (f, df) = evaluate(u) { T($0.doubleValue) }
        if !(f.isFinite && df.isFinite) && u.magnitude > 1 { return (u > 0 ? 1 : 0, 0) }
        return (f, df)
    }

    /// The conditional swap `α = f(s·d)`, `dα/dd = s·f′(s·d)`, as for the shipped families.
    public func conditionalSwap<T: BinaryFloatingPoint & AlgebraicField & Sendable>(steepness s: T) -> ConditionalSwap<T> {
        ConditionalSwap { d in let (f, df) = self.evaluate(s * d); return (f, s * df) }
    }

    public var description: String {
        pieces.map { p in "\(SigmoidRange.text(p.lower, p.upper)): f = \(p.f); f′ = \(p.df)\(p.derivativeGiven ? "" : " (derived)")" }
            .joined(separator: "\n")
    }
}

extension PiecewiseRationalSigmoid: Codable {
    enum CodingKeys: String, CodingKey { case name, pieces }

    public init(from decoder: any Decoder) throws {
        let container = try decoder.container(keyedBy: CodingKeys.self)
        try self.init(name: container.decode(String.self, forKey: .name), pieces: container.decode([PieceSource].self, forKey: .pieces))
    }

    public func encode(to encoder: any Encoder) throws {
        var container = encoder.container(keyedBy: CodingKeys.self)
        try container.encode(name, forKey: .name)
        try container.encode(pieces.map(\.source), forKey: .pieces)
    }
}
