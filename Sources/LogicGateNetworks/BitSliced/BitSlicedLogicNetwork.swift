// BitSlicedLogicNetwork — hard-network inference with samples packed along machine words
// (arXiv 2210.08277, Section 4: the discretized network is a Boolean circuit).
//
// Goals, in priority order:
//   1. Bit-for-bit the same counts as `ReferenceLogicGateNetwork.counts` in every lane, for every
//      batch size (tails padded with zero bits and dropped, the bug class of upstream issue #16).
//      Agreement bound: `BitSlicedLogicNetwork.agreementBound` = 0 (exact integer equality).
//   2. Throughput: each gate is one or two bitwise ops on a whole word of W samples
//      (`BitSliceOps`, checked against the truth table by code); with `eliminateDeadGates` at most
//      one op (complement tracking); the last layer is fused with GroupSum: per class, its gates
//      write a buffer of at most n/k words that a Harley–Seal carry-save popcount reads while it is
//      still in L1; input packing is a byte-wise 8×8 bit transposition, 16 features per step.
//   3. Portability: the default build targets baseline x86-64 (SSE2) and arm64; no -mavx flags.
//      At W = 256 a C kernel runs the gates and the packing (`BitSliceKernel`: `c`, baseline SSE2,
//      the default; `c-avx2`, AVX2 chosen at run time; `swift`, this file's generic engine).
//
// Issue-10 targets (400 → 6×8,000, 65,536 images, one core): ≥ 10× the authors' C end to end and
// ≥ 12 M images/s gates + GroupSum. In two consecutive `Benchmarks/compare-logic.sh` runs (load
// 4–6): end to end 12.3× and 9.8× (`c-avx2`), 10.7× and 8.8× (`c`): 10× met in one run of two, not
// reliably; gates + GroupSum 7.6 M/s (`c-avx2`) and 6.5 M/s (`c`): NOT met. Bound: the gate loop
// (11.5 instructions per gate for AVX2, callgrind; ≈ 7.5 integer ops to decode the operands, ≈ 19
// M/s) and, below that, the random second operand of each gate in an L2-sized register file
// (1.13 ns per gate at 8,528 slots against 0.73 in L1, C harness). This session: the C kernel
// (8-byte instructions, one load each), 16 × 16 packing, the GroupSum count in C, packing ahead
// in ≤ 1 MB blocks so that the input stream does not evict the register file, input prefetch
// (end to end 5.6 M/s here; 3.4 M/s in the previous session, under heavier load); tried and
// removed: huge pages, software prefetch of operands (no gain). See the README for the table.
// Measured (`Benchmarks/compare-logic.sh`, README "Throughput" for the current figures): see the
// README. Per-phase, 400 → 6×8,000 simplified, W = 256, one core under load (2-core AMD EPYC,
// 2.45 GHz, load 9–13, minimum per-chunk thread CPU time, a throwaway harness around
// `BitSliceEngine`): before this layout of the output
// phase, packing 90 ns/image, gates 133, GroupSum 80; after: packing 67–73, levels 95, output
// phase + GroupSum 99 (the output phase also holds the last layer's gates and 2,062 copies of
// pass-through outputs). What helped: the fused, L1-resident output phase (GroupSum no longer
// gathers 8,000 random words per chunk); input i in slot 1 + i (packing stores to computed
// addresses); byte-wise Horner (paddb) instead of 64-bit vector shifts, which LLVM scalarised
// (read in `objdump -d`: before, 16 movq/pshufd + scalar shl/or per step; after, psllw/pand/
// paddb in SSE registers, then the 16 bytes go through the stack to 16 byte stores); earlier: byte
// offsets instead of slot numbers, sorting each level by (op, slot of A, slot of B) with
// ascending destinations (+50 % on the cache-bound 384 K model). Not faster: W = 512 (the
// register file leaves L2), W = 128 (twice the instruction stream per image), `-target-cpu
// haswell` (the loops are bound by loads from L2, not by arithmetic).
// Generated code of the gate loop (swiftc 6.3.1 -O, `objdump -d` of the specialization of
// `BitSliceEngine.evaluate` for W = SIMD4<UInt64>, `run` inlined), baseline x86-64, NAND group: three `movslq`
// byte-offset loads, two 16-byte `movdqa` loads + two `pand` with a memory operand, two `pxor`
// and two 16-byte stores — no calls, no bounds checks, no retain/release, no branch on the op
// inside the loop (the 16-way switch runs once per group).
import Dispatch

/// Bit-sliced inference for a ``HardLogicGateNetwork``.
public struct BitSlicedLogicNetwork: Sendable {
    /// Counts are integers; bit-sliced and reference counts must be equal.
    public static let agreementBound = 0

    public let network: HardLogicGateNetwork
    public let eliminateDeadGates: Bool
    let program: BitSlicedProgram

    /// How input bytes become bits.
    public enum InputEncoding: Sendable {
        /// Every byte must be 0 or 1 (anything else is an error).
        case binary
        /// Grey values 0…255; bit = byte ≥ 128 (the authors' `round(pixel/255)`).
        case threshold128
    }

    public init(_ network: HardLogicGateNetwork, eliminateDeadGates: Bool = true) {
        self.network = network
        self.eliminateDeadGates = eliminateDeadGates
        self.program = BitSlicedProgram(network, simplify: eliminateDeadGates)
    }

    /// Gate instructions executed per word after compilation.
    public var instructionCount: Int { program.gateInstructionCount }
    /// Bitwise ops per word of the gate instructions (cost model without BMI1).
    public var bitwiseOpCount: Int { program.bitwiseOpCount }
    /// Register-file slots (words) per chunk.
    public var slotCount: Int { program.slotCount }

    /// Ones per class group `[B][classes]` for `[B][inputBits]` input bytes.
    /// `kernel` chooses the code at 256 samples per word (other widths run the Swift engine).
    public func counts(
        inputs: [UInt8], width: BitSliceWidth = .w256, threads: Int = 1, encoding: InputEncoding = .binary,
        kernel: BitSliceKernel = .c
    ) throws(LogicNetworkError) -> [Int] {
        let F = network.inputBits
        guard inputs.count % F == 0 else { throw .wrongInputWidth(expected: F, got: inputs.count % F) }
        let batch = inputs.count / F
        var counts = [Int](repeating: 0, count: batch * network.classes)
        let ok: Bool = inputs.withUnsafeBufferPointer { x in
            counts.withUnsafeMutableBufferPointer { out in
                switch width {
                case .w64: run(UInt64.self, x, batch, out, threads, encoding, kernel)
                case .w128: run(SIMD2<UInt64>.self, x, batch, out, threads, encoding, kernel)
                case .w256: run(SIMD4<UInt64>.self, x, batch, out, threads, encoding, kernel)
                case .w512: run(SIMD8<UInt64>.self, x, batch, out, threads, encoding, kernel)
                }
            }
        }
        if !ok { _ = try network.validate(inputs: inputs) }  // throws the precise location
        return counts
    }

    /// Benchmark helper: evaluates one pre-packed chunk of W samples `repetitions` times (gates and
    /// GroupSum only, no packing) and returns the number of samples processed.
    public func benchmarkGatesOnly(
        inputs: [UInt8], width: BitSliceWidth = .w256, repetitions: Int, kernel: BitSliceKernel = .c
    ) -> Int {
        switch width {
        case .w64: gatesOnly(UInt64.self, inputs, repetitions, kernel)
        case .w128: gatesOnly(SIMD2<UInt64>.self, inputs, repetitions, kernel)
        case .w256: gatesOnly(SIMD4<UInt64>.self, inputs, repetitions, kernel)
        case .w512: gatesOnly(SIMD8<UInt64>.self, inputs, repetitions, kernel)
        }
    }

    /// Benchmark helper: packs the first W samples `repetitions` times (packing only); returns the
    /// number of samples processed.
    public func benchmarkPackingOnly(inputs: [UInt8], repetitions: Int, kernel: BitSliceKernel = .c) -> Int {
        let engine = BitSliceEngine<SIMD4<UInt64>>(program: program, inputBits: network.inputBits, classes: network.classes, kernel: kernel)
        defer { engine.deallocate() }
        let batch = min(256, inputs.count / network.inputBits)
        inputs.withUnsafeBufferPointer { x in
            for _ in 0..<repetitions { _ = engine.pack(x.baseAddress!, batch: batch, start: 0, encoding: .binary) }
        }
        return repetitions * 256
    }

    private func gatesOnly<W: BitSliceWord>(_: W.Type, _ inputs: [UInt8], _ repetitions: Int, _ kernel: BitSliceKernel) -> Int {
        let engine = BitSliceEngine<W>(program: program, inputBits: network.inputBits, classes: network.classes, kernel: kernel)
        defer { engine.deallocate() }
        let chunk = 64 * W.lanes
        let batch = min(chunk, inputs.count / network.inputBits)
        var scratch = [Int](repeating: 0, count: chunk * network.classes)
        inputs.withUnsafeBufferPointer { x in
            _ = engine.pack(x.baseAddress!, batch: batch, start: 0, encoding: .binary)
            scratch.withUnsafeMutableBufferPointer { out in
                for _ in 0..<repetitions {
                    engine.evaluate(into: out.baseAddress!, validSamples: batch)
                }
            }
        }
        return repetitions * chunk
    }

    private func run<W: BitSliceWord>(
        _: W.Type, _ x: UnsafeBufferPointer<UInt8>, _ batch: Int, _ out: UnsafeMutableBufferPointer<Int>,
        _ threads: Int, _ encoding: InputEncoding, _ kernel: BitSliceKernel
    ) -> Bool {
        guard batch > 0 else { return true }
        let chunk = 64 * W.lanes
        let chunks = (batch + chunk - 1) / chunk
        let workers = max(1, min(threads, chunks))
        let classes = network.classes, F = network.inputBits, program = self.program
        nonisolated(unsafe) let xBase = x.baseAddress!
        nonisolated(unsafe) let outBase = out.baseAddress!
        let flags = UnsafeMutableBufferPointer<Bool>.allocate(capacity: workers)
        flags.initialize(repeating: true)
        defer { flags.deallocate() }
        nonisolated(unsafe) let flagBase = flags.baseAddress!
        let work: @Sendable (Int) -> Void = { worker in
            let engine = BitSliceEngine<W>(program: program, inputBits: F, classes: classes, kernel: kernel)
            defer { engine.deallocate() }
            // Packing streams 8·F bytes per packed word from memory; done chunk by chunk, right
            // before its gates, those bytes evict the register file from L2. So a block of chunks
            // is packed first into a staging area (1/8 of the input's size, ≤ about 1 MB), and each
            // chunk's F packed words are then copied into the input slots before its gates run.
            let wordBytes = MemoryLayout<W>.stride
            let block = max(1, min(chunks, (1 << 20) / max(1, F * wordBytes)))
            let staging = UnsafeMutableRawPointer.allocate(byteCount: max(1, block * F * wordBytes), alignment: 64)
                .bindMemory(to: W.self, capacity: max(1, block * F))
            defer { UnsafeMutableRawPointer(staging).deallocate() }
            var c = worker
            while c < chunks {
                var mine: [Int] = []
                while c < chunks && mine.count < block { mine.append(c); c += workers }
                for (k, chunkIndex) in mine.enumerated() {
                    if !engine.pack(xBase, batch: batch, start: chunkIndex * chunk, encoding: encoding, into: staging + k * F) {
                        flagBase[worker] = false
                    }
                }
                for (k, chunkIndex) in mine.enumerated() {
                    let start = chunkIndex * chunk
                    (engine.slots + 1).update(from: staging + k * F, count: F)
                    engine.evaluate(into: outBase + start * classes, validSamples: min(chunk, batch - start))
                }
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        return flags.allSatisfy { $0 }
    }
}
