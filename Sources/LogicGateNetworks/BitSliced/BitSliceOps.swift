/// The 16 gates as word-wide bitwise operations: bit `s` of the result is gate `op` applied to bit
/// `s` of `x` and of `y`, for all 64·lanes samples of a word at once (arXiv 2210.08277, Section 4:
/// a trained network is a Boolean circuit that runs on machine words).
///
/// These bodies are the fast form of ``LogicGate/callAsFunction(_:_:)``, which stays the single
/// encoding of the gates: ``matchesTruthTable(_:)`` checks each body against it by code (tests and
/// the `logic.agreement.bit-sliced` catalogue entry call it), by applying the op to the words
/// `x = 0b0011…`, `y = 0b0101…` (and their rotations), whose nibbles hold the four input corners
/// in the id's bit order, so every nibble of the result must equal the gate id.
enum BitSliceOps {
    /// Gate `op` (an id 0…15) on whole words. Called with a constant `op` inside each op group's
    /// loop (`BitSliceEngine.run`), so the switch folds away after inlining.
    @inline(__always)
    static func word<W: BitSliceWord>(_ op: UInt8, _ x: W, _ y: W) -> W {
        switch op {
        case 0: W.zero
        case 1: x & y
        case 2: x & ~y
        case 3: x
        case 4: ~x & y
        case 5: y
        case 6: x ^ y
        case 7: x | y
        case 8: ~(x | y)
        case 9: ~(x ^ y)
        case 10: ~y
        case 11: x | ~y
        case 12: ~x
        case 13: ~x | y
        case 14: ~(x & y)
        default: W.ones
        }
    }

    /// Whether ``word(_:_:_:)`` computes the truth table of `gate` in every bit of every lane of a `W`:
    /// four evaluations, with the corner patterns rotated so that every bit sees all four corners.
    static func matchesTruthTable<W: BitSliceWord>(_ gate: LogicGate, as _: W.Type = W.self) -> Bool {
        // In each nibble, corner (a, b) sits at bit 3 − 2a − b, as in the gate id.
        func corners(_ pick: (Bool, Bool) -> Bool) -> UInt64 {
            var nibble: UInt64 = 0
            for a in [false, true] { for b in [false, true] where pick(a, b) { nibble |= 1 << UInt64(3 - 2 * (a ? 1 : 0) - (b ? 1 : 0)) } }
            return nibble &* 0x1111_1111_1111_1111
        }
        func rotate(_ v: UInt64, _ r: Int) -> UInt64 { r == 0 ? v : v << UInt64(r) | v >> UInt64(64 - r) }
        let xs = corners { a, _ in a }, ys = corners { _, b in b }, expected = corners { a, b in gate(a, b) }
        return (0..<4).allSatisfy { r in
            let result = word(gate.rawValue, W.broadcast(rotate(xs, r)), W.broadcast(rotate(ys, r)))
            return (0..<W.lanes).allSatisfy { result.lane($0) == rotate(expected, r) }
        }
    }

    /// ``matchesTruthTable(_:as:)`` for every gate and every word width.
    static func allMatchTruthTable() -> Bool {
        LogicGate.allCases.allSatisfy { g in
            matchesTruthTable(g, as: UInt64.self) && matchesTruthTable(g, as: SIMD2<UInt64>.self)
                && matchesTruthTable(g, as: SIMD4<UInt64>.self) && matchesTruthTable(g, as: SIMD8<UInt64>.self)
        }
    }
}

extension BitSlicedLogicNetwork {
    /// Whether the bit-sliced word operation of every gate, at every word width, equals the gate's
    /// truth table (``LogicGate/callAsFunction(_:_:)``) in every bit — checked by code, not by reading.
    public static var wordOperationsMatchTruthTables: Bool { BitSliceOps.allMatchTruthTable() }
}
