/// One worker's state for ``BitSlicedLogicNetwork``: the register file of W-wide slots and
/// flattened copies of the program, so the hot loops touch only raw memory.
final class BitSliceEngine<W: BitSliceWord> {
    let slots: UnsafeMutablePointer<W>
    let slotCount: Int
    let instructions: UnsafeMutablePointer<BitSlicedProgram.Instruction>
    let groups: [BitSlicedProgram.Group]
    let outputGroups: [BitSlicedProgram.Group]
    let classGroups: [Range<Int>]
    let classSizes: [Int]
    /// The per-class output buffer (words `0 ..< classSizes[c]`).
    let buffer: UnsafeMutablePointer<W>
    let inputBits: Int
    let classes: Int
    let constantOnes: [Int]
    /// Counter planes of weight 16, 32, … for the carry-save GroupSum.
    let planes: UnsafeMutablePointer<W>
    static var planeCapacity: Int { 28 }
    /// `spreadTable[v]` has lane i = bit i of the byte v.
    let spreadTable: UnsafeMutablePointer<SIMD8<UInt32>>
    /// The C kernel's copy of the program (256-bit words, ≤ 2^19 slots, kernel ≠ `.swift`), else nil.
    let cProgram: BitSliceCProgram?

    init(program: BitSlicedProgram, inputBits: Int, classes: Int, kernel: BitSliceKernel = .swift) {
        slotCount = max(program.slotCount, 1)
        // 64-byte aligned: the C kernel uses aligned 256-bit loads and stores.
        slots = UnsafeMutableRawPointer.allocate(byteCount: slotCount * MemoryLayout<W>.stride, alignment: 64)
            .bindMemory(to: W.self, capacity: slotCount)
        slots.initialize(repeating: W.zero, count: slotCount)
        cProgram = kernel != .swift && W.self == SIMD4<UInt64>.self && BitSliceCProgram.fits(program)
            ? BitSliceCProgram(program, kernel: kernel) : nil
        // Slot numbers become byte offsets, so the hot loop addresses base + offset without scaling.
        let stride = Int32(MemoryLayout<W>.stride)
        instructions = .allocate(capacity: max(program.instructions.count, 1))
        instructions.initialize(from: program.instructions.map {
            BitSlicedProgram.Instruction(a: $0.a * stride, b: $0.b * stride, d: $0.d * stride)
        }, count: program.instructions.count)
        groups = program.groups
        outputGroups = program.outputGroups
        classGroups = program.classGroups
        classSizes = program.classSizes
        buffer = slots + Int(program.bufferSlot)
        self.inputBits = inputBits
        self.classes = classes
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
        UnsafeMutableRawPointer(slots).deallocate()
        instructions.deallocate()
        planes.deallocate()
        spreadTable.deallocate()
    }

    /// Packs samples `start ..< start + 64·lanes` (zero bits past `batch`) into the input slots
    /// (input f is slot 1 + f). For 8 full sample rows, 16 features per step: eight unaligned
    /// 16-byte loads (one per sample), each shifted by its sample's position and ORed, give 16
    /// bytes whose byte j is feature f + j of the 8 samples (an 8×8 bit transposition per byte
    /// column); they go to byte g of the 16 features' slots. Returns false if a byte other than
    /// 0/1 was seen (binary encoding).
    /// `destination` is where input word 0 goes (default: the input slots, slot 1 on); words
    /// 0 ..< inputBits are written.
    func pack(
        _ x: UnsafePointer<UInt8>, batch: Int, start: Int, encoding: BitSlicedLogicNetwork.InputEncoding,
        into destination: UnsafeMutablePointer<W>? = nil
    ) -> Bool {
        let F = inputBits
        let inputWords = destination ?? slots + 1
        if let c = cProgram {
            let rows = max(0, min(64 * W.lanes, batch - start))
            let bytes = c.pack(UnsafeMutableRawPointer(inputWords - 1), x + start * F, rows: rows, features: F, threshold: encoding == .threshold128)
            return encoding == .threshold128 || bytes & ~1 == 0
        }
        let bytesPerSlot = 8 * W.lanes
        let stride = MemoryLayout<W>.stride
        let inputBytes = UnsafeMutableRawPointer(inputWords).assumingMemoryBound(to: UInt8.self)
        let threshold = encoding == .threshold128
        let low: UInt64 = 0x0101_0101_0101_0101
        let low2 = SIMD2<UInt64>(repeating: low)
        var bad16 = SIMD16<UInt8>.zero
        var bad: UInt64 = 0
        @inline(__always) func load(_ p: UnsafePointer<UInt8>) -> UInt64 {
            let v = UnsafeRawPointer(p).loadUnaligned(as: UInt64.self)
            return threshold ? (v >> 7) & low : v
        }
        @inline(__always) func load16(_ p: UnsafePointer<UInt8>) -> SIMD16<UInt8> {
            let v = UnsafeRawPointer(p).loadUnaligned(as: SIMD16<UInt8>.self)
            return threshold ? unsafeBitCast((unsafeBitCast(v, to: SIMD2<UInt64>.self) &>> 7) & low2, to: SIMD16<UInt8>.self) : v
        }
        for g in 0..<bytesPerSlot {
            let s0 = start + 8 * g
            let rows = max(0, min(8, batch - s0))
            var out = inputBytes + g
            var f = 0
            if rows == 8 {  // the common case: 8 rows → transposed 8×8 bit blocks, 16 features per step
                let r = x + s0 * F
                while f + 16 <= F {
                    let p = r + f
                    // Byte-wise Horner: m = Σ vᵢ·2ⁱ with byte adds (paddb), so the bits never leave
                    // the vector registers (64-bit shifts of SIMD2 were scalarised by LLVM).
                    let v7 = load16(p + 7 * F), v6 = load16(p + 6 * F), v5 = load16(p + 5 * F), v4 = load16(p + 4 * F)
                    let v3 = load16(p + 3 * F), v2 = load16(p + 2 * F), v1 = load16(p + F), v0 = load16(p)
                    bad16 |= ((v0 | v1) | (v2 | v3)) | ((v4 | v5) | (v6 | v7))
                    var m = v7 &+ v7 &+ v6
                    m = m &+ m &+ v5; m = m &+ m &+ v4; m = m &+ m &+ v3
                    m = m &+ m &+ v2; m = m &+ m &+ v1; m = m &+ m &+ v0
                    let halves = unsafeBitCast(m, to: SIMD2<UInt64>.self)
                    let lo = halves[0], hi = halves[1]
                    for j in 0..<8 { out[j * stride] = UInt8(truncatingIfNeeded: lo &>> UInt64(8 * j)) }
                    for j in 0..<8 { out[(8 + j) * stride] = UInt8(truncatingIfNeeded: hi &>> UInt64(8 * j)) }
                    out += 16 * stride
                    f += 16
                }
                while f + 8 <= F {
                    let p = r + f
                    let v0 = load(p), v1 = load(p + F), v2 = load(p + 2 * F), v3 = load(p + 3 * F)
                    let v4 = load(p + 4 * F), v5 = load(p + 5 * F), v6 = load(p + 6 * F), v7 = load(p + 7 * F)
                    bad |= v0 | v1 | v2 | v3 | v4 | v5 | v6 | v7
                    let m = v0 | v1 << 1 | v2 << 2 | v3 << 3 | v4 << 4 | v5 << 5 | v6 << 6 | v7 << 7
                    for j in 0..<8 { out[j * stride] = UInt8(truncatingIfNeeded: m >> UInt64(8 * j)) }
                    out += 8 * stride
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
                    for j in 0..<8 { out[j * stride] = UInt8(truncatingIfNeeded: m >> UInt64(8 * j)) }
                    out += 8 * stride
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
                out[0] = byte
                out += stride
                f += 1
            }
        }
        let badHalves = unsafeBitCast(bad16, to: SIMD2<UInt64>.self)
        bad |= badHalves[0] | badHalves[1]
        return threshold || bad & ~low == 0
    }

    /// Runs the instructions of `groups`, one branch-free loop per op group.
    @inline(__always)
    func run(_ groups: ArraySlice<BitSlicedProgram.Group>) {
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

    /// Gates and GroupSum of one packed chunk: every level's instructions, then per class its
    /// output instructions (into the L1-sized buffer), its carry-save count and the per-sample
    /// counts of the first `validSamples` samples into `out[s·classes + c]`.
    func evaluate(into out: UnsafeMutablePointer<Int>, validSamples: Int) {
        if let cp = cProgram {
            let s = UnsafeMutableRawPointer(slots)
            cp.runLevels(s)
            for c in 0..<classes {
                cp.runOutputs(s, class: c)
                cp.count(UnsafeRawPointer(buffer), n: classSizes[c], into: out + c, classes: classes, valid: validSamples,
                         constant: constantOnes[c])
            }
            return
        }
        run(groups[...])
        for c in 0..<classes {
            run(outputGroups[classGroups[c]])
            count(c, into: out, validSamples: validSamples)
        }
    }

    /// Class `c`: a Harley–Seal carry-save positional popcount of its buffer words, then the
    /// per-sample counts, 8 samples at a time (each counter plane's byte spread into eight 32-bit
    /// lanes by a table lookup, shifted by the plane's weight and added).
    @inline(__always)
    func count(_ c: Int, into out: UnsafeMutablePointer<Int>, validSamples: Int) {
        @inline(__always) func csa(_ h: inout W, _ l: inout W, _ a: W, _ b: W) {
            let u = l ^ a
            h = (l & a) | (u & b)
            l = u ^ b
        }
        var ones = W.zero, twos = W.zero, fours = W.zero, eights = W.zero
        // The count is at most the group size n, so the weight-16 counter needs ⌈log2(n/16 + 1)⌉ planes.
        let n = classSizes[c]
        let sixteensMax = Swift.max(n >> 4, 1)
        let planeCount = min(Self.planeCapacity, max(1, sixteensMax.bitWidth - sixteensMax.leadingZeroBitCount))
        for p in 0..<planeCount { planes[p] = W.zero }
        let word = buffer
        @inline(__always) func addSixteens(_ w: W) {
            var carry = w
            for p in 0..<planeCount {
                let t = planes[p] & carry
                planes[p] = planes[p] ^ carry
                carry = t
            }
        }
        var i = 0
        while i + 16 <= n {
            var twosA = W.zero, twosB = W.zero, foursA = W.zero, foursB = W.zero, eightsA = W.zero, eightsB = W.zero
            var sixteens = W.zero
            csa(&twosA, &ones, word[i], word[i + 1]); csa(&twosB, &ones, word[i + 2], word[i + 3])
            csa(&foursA, &twos, twosA, twosB)
            csa(&twosA, &ones, word[i + 4], word[i + 5]); csa(&twosB, &ones, word[i + 6], word[i + 7])
            csa(&foursB, &twos, twosA, twosB)
            csa(&eightsA, &fours, foursA, foursB)
            csa(&twosA, &ones, word[i + 8], word[i + 9]); csa(&twosB, &ones, word[i + 10], word[i + 11])
            csa(&foursA, &twos, twosA, twosB)
            csa(&twosA, &ones, word[i + 12], word[i + 13]); csa(&twosB, &ones, word[i + 14], word[i + 15])
            csa(&foursB, &twos, twosA, twosB)
            csa(&eightsB, &fours, foursA, foursB)
            csa(&sixteens, &eights, eightsA, eightsB)
            addSixteens(sixteens)
            i += 16
        }
        while i < n {  // the tail: a ripple increment through ones, twos, fours, eights
            var carry = word[i]
            var t = ones & carry; ones = ones ^ carry; carry = t
            t = twos & carry; twos = twos ^ carry; carry = t
            t = fours & carry; fours = fours ^ carry; carry = t
            t = eights & carry; eights = eights ^ carry; carry = t
            addSixteens(carry)
            i += 1
        }
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
                let o = out + first * classes + c, k = classes
                if validSamples - first >= 8 {
                    // Constant lane indices: the lanes leave the registers by shuffles (a loop over
                    // `acc[i]` spilled acc to the stack and reloaded it every lane: 12 % of the run).
                    o[0] = Int(acc[0]) &+ constant; o[k] = Int(acc[1]) &+ constant
                    o[2 * k] = Int(acc[2]) &+ constant; o[3 * k] = Int(acc[3]) &+ constant
                    o[4 * k] = Int(acc[4]) &+ constant; o[5 * k] = Int(acc[5]) &+ constant
                    o[6 * k] = Int(acc[6]) &+ constant; o[7 * k] = Int(acc[7]) &+ constant
                } else {
                    for i in 0..<(validSamples - first) { o[i * k] = Int(acc[i]) &+ constant }
                }
            }
        }
    }
}
