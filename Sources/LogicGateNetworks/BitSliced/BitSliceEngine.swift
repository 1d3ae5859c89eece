/// One worker's state for ``BitSlicedLogicNetwork``: the register file of W-wide slots and
/// flattened copies of the program, so the hot loops touch only raw memory.
final class BitSliceEngine<W: BitSliceWord> {
    let slots: UnsafeMutablePointer<W>
    let slotCount: Int
    let instructions: UnsafeMutablePointer<BitSlicedProgram.Instruction>
    let groups: [BitSlicedProgram.Group]
    let inputSlots: UnsafeMutablePointer<Int32>
    /// Byte offset of every input's slot in the register file.
    let inputOffsets: UnsafeMutablePointer<Int>
    let inputBits: Int
    let classes: Int
    /// Output literals of all classes back to back; class c is `classStart[c] ..< classStart[c+1]`.
    let outputSlots: UnsafeMutablePointer<Int32>
    let outputMasks: UnsafeMutablePointer<W>
    let classStart: [Int]
    let constantOnes: [Int]
    /// Counter planes of weight 16, 32, … for the carry-save GroupSum.
    let planes: UnsafeMutablePointer<W>
    static var planeCapacity: Int { 28 }
    /// `spreadTable[v]` has lane i = bit i of the byte v.
    let spreadTable: UnsafeMutablePointer<SIMD8<UInt32>>

    init(program: BitSlicedProgram, inputBits: Int, classes: Int) {
        slotCount = max(program.slotCount, 1)
        slots = .allocate(capacity: slotCount)
        slots.initialize(repeating: W.zero, count: slotCount)
        // Slot numbers become byte offsets, so the hot loop addresses base + offset without scaling.
        let stride = Int32(MemoryLayout<W>.stride)
        instructions = .allocate(capacity: max(program.instructions.count, 1))
        instructions.initialize(from: program.instructions.map {
            BitSlicedProgram.Instruction(a: $0.a * stride, b: $0.b * stride, d: $0.d * stride)
        }, count: program.instructions.count)
        groups = program.groups
        inputSlots = .allocate(capacity: max(inputBits, 1))
        inputSlots.initialize(from: program.inputSlots, count: inputBits)
        inputOffsets = .allocate(capacity: max(inputBits, 1))
        inputOffsets.initialize(from: program.inputSlots.map { Int($0) * MemoryLayout<W>.stride }, count: inputBits)
        self.inputBits = inputBits
        self.classes = classes
        let flat = program.classOutputs.flatMap { $0 }
        outputSlots = .allocate(capacity: max(flat.count, 1))
        outputMasks = .allocate(capacity: max(flat.count, 1))
        for (i, lit) in flat.enumerated() {
            (outputSlots + i).initialize(to: lit.slot)
            (outputMasks + i).initialize(to: lit.negated ? W.ones : W.zero)
        }
        var starts = [0]
        for c in program.classOutputs { starts.append(starts.last! + c.count) }
        classStart = starts
        constantOnes = program.classConstantOnes
        spreadTable = .allocate(capacity: 256)
        for v in 0..<256 {
            var lanes = SIMD8<UInt32>.zero
            for i in 0..<8 { lanes[i] = UInt32((v >> i) & 1) }
            (spreadTable + v).initialize(to: lanes)
        }
        planes = .allocate(capacity: Self.planeCapacity)
        planes.initialize(repeating: W.zero, count: Self.planeCapacity)
    }

    func deallocate() {
        slots.deallocate()
        instructions.deallocate()
        inputSlots.deallocate()
        inputOffsets.deallocate()
        outputSlots.deallocate()
        outputMasks.deallocate()
        planes.deallocate()
        spreadTable.deallocate()
    }

    /// Packs samples `start ..< start + 64·lanes` (zero bits past `batch`) into the input slots:
    /// 8 samples × 8 features per step, one unaligned 8-byte load per sample, shifts and ORs give
    /// the transposed 8×8 bit block, whose bytes go to the 8 features' slots. Returns false if a
    /// byte other than 0/1 was seen (binary encoding).
    func pack(_ x: UnsafePointer<UInt8>, batch: Int, start: Int, encoding: BitSlicedLogicNetwork.InputEncoding) -> Bool {
        let F = inputBits
        let bytesPerSlot = 8 * W.lanes
        let slotBytes = UnsafeMutableRawPointer(slots).assumingMemoryBound(to: UInt8.self)
        let threshold = encoding == .threshold128
        let low: UInt64 = 0x0101_0101_0101_0101
        var bad: UInt64 = 0
        @inline(__always) func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
            let v = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            return threshold ? (v >> 7) & low : v
        }
        for g in 0..<bytesPerSlot {
            let s0 = start + 8 * g
            let rows = max(0, min(8, batch - s0))
            let out = slotBytes + g
            var f = 0
            if rows == 8 {  // the common case, unrolled: 8 rows → one transposed 8×8 bit block
                let r = x + s0 * F
                while f + 8 <= F {
                    let p = r + f
                    let v0 = load(p), v1 = load(p + F), v2 = load(p + 2 * F), v3 = load(p + 3 * F)
                    let v4 = load(p + 4 * F), v5 = load(p + 5 * F), v6 = load(p + 6 * F), v7 = load(p + 7 * F)
                    bad |= v0 | v1 | v2 | v3 | v4 | v5 | v6 | v7
                    let m = v0 | v1 << 1 | v2 << 2 | v3 << 3 | v4 << 4 | v5 << 5 | v6 << 6 | v7 << 7
                    for j in 0..<8 { out[inputOffsets[f + j]] = UInt8(truncatingIfNeeded: m >> UInt64(8 * j)) }
                    f += 8
                }
            } else {
                while f + 8 <= F {
                    var m: UInt64 = 0
                    for i in 0..<rows {
                        let v = load(x + (s0 + i) * F + f)
                        bad |= v
                        m |= v << UInt64(i)
                    }
                    for j in 0..<8 { out[inputOffsets[f + j]] = UInt8(truncatingIfNeeded: m >> UInt64(8 * j)) }
                    f += 8
                }
            }
            while f < F {
                var byte: UInt8 = 0
                for i in 0..<rows {
                    var v = x[(s0 + i) * F + f]
                    if threshold { v >>= 7 } else { bad |= UInt64(v) }
                    byte |= v << UInt8(i)
                }
                out[inputOffsets[f]] = byte
                f += 1
            }
        }
        return threshold || bad & ~low == 0
    }

    /// Runs every gate instruction, one branch-free loop per op group.
    func evaluateGates() {
        let s = UnsafeMutableRawPointer(slots), ins = instructions
        @inline(__always) func apply(_ r: Range<Int>, _ op: (W, W) -> W) {
            for i in r {
                let t = ins[i]
                let x = s.load(fromByteOffset: Int(t.a), as: W.self), y = s.load(fromByteOffset: Int(t.b), as: W.self)
                s.storeBytes(of: op(x, y), toByteOffset: Int(t.d), as: W.self)
            }
        }
        for group in groups {
            let r = group.range
            // One specialised loop per op: the op is a literal in each case, so BitSliceOps.word folds.
            switch group.op {
            case 0: apply(r) { BitSliceOps.word(0, $0, $1) }
            case 1: apply(r) { BitSliceOps.word(1, $0, $1) }
            case 2: apply(r) { BitSliceOps.word(2, $0, $1) }
            case 3: apply(r) { BitSliceOps.word(3, $0, $1) }
            case 4: apply(r) { BitSliceOps.word(4, $0, $1) }
            case 5: apply(r) { BitSliceOps.word(5, $0, $1) }
            case 6: apply(r) { BitSliceOps.word(6, $0, $1) }
            case 7: apply(r) { BitSliceOps.word(7, $0, $1) }
            case 8: apply(r) { BitSliceOps.word(8, $0, $1) }
            case 9: apply(r) { BitSliceOps.word(9, $0, $1) }
            case 10: apply(r) { BitSliceOps.word(10, $0, $1) }
            case 11: apply(r) { BitSliceOps.word(11, $0, $1) }
            case 12: apply(r) { BitSliceOps.word(12, $0, $1) }
            case 13: apply(r) { BitSliceOps.word(13, $0, $1) }
            case 14: apply(r) { BitSliceOps.word(14, $0, $1) }
            default: apply(r) { BitSliceOps.word(15, $0, $1) }
            }
        }
    }

    /// Per class, a Harley–Seal carry-save positional popcount of its output words, then
    /// per-sample counts for the first `validSamples` samples of the chunk into `out[s·classes + c]`.
    func groupSum(into out: UnsafeMutablePointer<Int>, validSamples: Int) {
        @inline(__always) func csa(_ h: inout W, _ l: inout W, _ a: W, _ b: W) {
            let u = l ^ a
            h = (l & a) | (u & b)
            l = u ^ b
        }
        for c in 0..<classes {
            var ones = W.zero, twos = W.zero, fours = W.zero, eights = W.zero
            // The count is at most the group size n, so the weight-16 counter needs ⌈log2(n/16 + 1)⌉ planes.
            let n = classStart[c + 1] - classStart[c]
            let planeCount = min(Self.planeCapacity, max(1, (Swift.max(n >> 4, 1)).bitWidth - (Swift.max(n >> 4, 1)).leadingZeroBitCount))
            for p in 0..<planeCount { planes[p] = W.zero }
            @inline(__always) func word(_ i: Int) -> W { slots[Int(outputSlots[i])] ^ outputMasks[i] }
            @inline(__always) func addSixteens(_ w: W) {
                var carry = w
                for p in 0..<planeCount {
                    let t = planes[p] & carry
                    planes[p] = planes[p] ^ carry
                    carry = t
                }
            }
            var i = classStart[c]
            let end = classStart[c + 1]
            while i + 16 <= end {
                var twosA = W.zero, twosB = W.zero, foursA = W.zero, foursB = W.zero, eightsA = W.zero, eightsB = W.zero
                var sixteens = W.zero
                csa(&twosA, &ones, word(i), word(i + 1)); csa(&twosB, &ones, word(i + 2), word(i + 3))
                csa(&foursA, &twos, twosA, twosB)
                csa(&twosA, &ones, word(i + 4), word(i + 5)); csa(&twosB, &ones, word(i + 6), word(i + 7))
                csa(&foursB, &twos, twosA, twosB)
                csa(&eightsA, &fours, foursA, foursB)
                csa(&twosA, &ones, word(i + 8), word(i + 9)); csa(&twosB, &ones, word(i + 10), word(i + 11))
                csa(&foursA, &twos, twosA, twosB)
                csa(&twosA, &ones, word(i + 12), word(i + 13)); csa(&twosB, &ones, word(i + 14), word(i + 15))
                csa(&foursB, &twos, twosA, twosB)
                csa(&eightsB, &fours, foursA, foursB)
                csa(&sixteens, &eights, eightsA, eightsB)
                addSixteens(sixteens)
                i += 16
            }
            while i < end {  // the tail: a ripple increment through ones, twos, fours, eights
                var carry = word(i)
                var t = ones & carry; ones = ones ^ carry; carry = t
                t = twos & carry; twos = twos ^ carry; carry = t
                t = fours & carry; fours = fours ^ carry; carry = t
                t = eights & carry; eights = eights ^ carry; carry = t
                addSixteens(carry)
                i += 1
            }
            // Per-sample counts: 8 samples at a time, every counter plane's byte spread into eight
            // 32-bit lanes by a table lookup, shifted by the plane's weight and added.
            let constant = constantOnes[c]
            let spread = spreadTable
            for k in 0..<W.lanes {
                let base = 64 * k
                if base >= validSamples { break }
                let o = ones.lane(k), tw = twos.lane(k), f = fours.lane(k), e = eights.lane(k)
                for byte in 0..<8 {
                    let first = base + 8 * byte
                    if first >= validSamples { break }
                    let sh = UInt64(8 * byte)
                    var acc = spread[Int((o >> sh) & 0xFF)]
                    acc &+= spread[Int((tw >> sh) & 0xFF)] &<< 1
                    acc &+= spread[Int((f >> sh) & 0xFF)] &<< 2
                    acc &+= spread[Int((e >> sh) & 0xFF)] &<< 3
                    for p in 0..<planeCount {
                        acc &+= spread[Int((planes[p].lane(k) >> sh) & 0xFF)] &<< UInt32(4 + p)
                    }
                    for i in 0..<min(8, validSamples - first) { out[(first + i) * classes + c] = Int(acc[i]) + constant }
                }
            }
        }
    }
}
