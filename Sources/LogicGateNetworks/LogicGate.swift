/// The 16 two-input Boolean gates of a differentiable logic gate network, in the authors' id order
/// (Petersen et al., *Deep Differentiable Logic Gate Networks*, NeurIPS 2022, Table 1;
/// arXiv 2210.08277, Table 1).
///
/// `A` is the output of the neuron's first connection, `B` of its second. Reading the outputs at
/// (A,B) = (0,0), (0,1), (1,0), (1,1) as a 4-bit number, most significant bit first, gives the id.
///
/// The id *is* the truth table, and this is the only place the 16 gates are encoded: the Boolean
/// function (``callAsFunction(_:_:)``), the relaxation and its partials (`LogicGate+Relaxation.swift`),
/// the bilinear coefficients (``coefficients``) and the bit-sliced word operations
/// (`BitSliced/BitSliceOps.swift`, checked against this table by code) all derive from it.
public enum LogicGate: UInt8, CaseIterable, Sendable, Hashable, Codable {
    case zero = 0
    case and = 1
    case notImplies = 2
    case a = 3
    case notImpliedBy = 4
    case b = 5
    case xor = 6
    case or = 7
    case notOr = 8
    case notXor = 9
    case notB = 10
    case impliedBy = 11
    case notA = 12
    case implies = 13
    case notAnd = 14
    case one = 15

    /// The name the authors' package uses for this gate.
    public var packageName: String {
        switch self {
        case .zero: "zero"
        case .and: "and"
        case .notImplies: "not_implies"
        case .a: "a"
        case .notImpliedBy: "not_implied_by"
        case .b: "b"
        case .xor: "xor"
        case .or: "or"
        case .notOr: "not_or"
        case .notXor: "not_xor"
        case .notB: "not_b"
        case .impliedBy: "implied_by"
        case .notA: "not_a"
        case .implies: "implies"
        case .notAnd: "not_and"
        case .one: "one"
        }
    }

    /// The gate id as an `Int` (0…15).
    @inlinable public var id: Int { Int(rawValue) }

    /// The gate with the given id, or `nil` when `id` is not in 0…15.
    @inlinable public init?(id: Int) {
        guard (0...15).contains(id) else { return nil }
        self.init(rawValue: UInt8(id))
    }

    /// The Boolean function, read from the truth table: `f(a, b) = (id >> (3 − 2a − b)) & 1`.
    @inlinable public func callAsFunction(_ a: Bool, _ b: Bool) -> Bool {
        let shift = 3 - 2 * (a ? 1 : 0) - (b ? 1 : 0)
        return (rawValue >> UInt8(shift)) & 1 == 1
    }

    /// The truth table as the outputs at (0,0), (0,1), (1,0), (1,1).
    public var truthTable: [Bool] {
        [self(false, false), self(false, true), self(true, false), self(true, true)]
    }

    /// The complement gate `15 − id`.
    @inlinable public var complement: LogicGate { LogicGate(rawValue: 15 - rawValue)! }

    /// Integer coefficients `(k0, k1, k2, k3)` of the bilinear relaxation
    /// `g(a, b) = k0 + k1·a + k2·b + k3·a·b`, derived from the truth table:
    /// `k0 = f00`, `k1 = f10 − f00`, `k2 = f01 − f00`, `k3 = f11 − f10 − f01 + f00`.
    public var coefficients: (Int, Int, Int, Int) {
        let t = truthTable.map { $0 ? 1 : 0 }
        return (t[0], t[2] - t[0], t[1] - t[0], t[3] - t[2] - t[1] + t[0])
    }
}
