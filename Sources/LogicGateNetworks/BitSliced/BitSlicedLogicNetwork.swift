// BitSlicedLogicNetwork — hard-network inference with samples packed along machine words.
//
// Goals, in priority order:
//   1. Bit-for-bit the same counts as `ReferenceLogicGateNetwork.counts` in every lane, for every
//      batch size (tails padded with zero bits and dropped, the bug class of upstream issue #16).
//      Agreement bound: `BitSlicedLogicNetwork.agreementBound` = 0 (exact integer equality).
//   2. Throughput: each gate is one or two bitwise ops on a whole word of W samples;
//      with `eliminateDeadGates` at most one op (complement tracking); GroupSum is a
//      Harley–Seal carry-save positional popcount (~5 ops per word); input packing is an
//      8×8 bit transposition by shifts, 8 bytes per load.
//   3. Portability: the default build targets baseline x86-64 (SSE2) and arm64; no -mavx flags.
//
// Tried / measured (`relax logic bench`, one core, CPU time, W = 256, baseline x86-64 build, on a
// shared 2-core AMD EPYC under load 7–10, so ±30 %): 400 → 6×8 000 random net: plain 2.4–3.3 M
// images/s gates + GroupSum, 2.1–2.5 M end to end; simplified 6.4–8.2 M and 3.9–4.5 M. The authors'
// generated C on the same net and inputs (gcc -O1 -march=native, 64-bit words): 0.79 M end to end;
// counts identical. 784 → 6×64 000: compiled in 0.2 s (gcc -O0 took 333 s), plain 0.29 M,
// simplified 0.60 M images/s end to end vs their -O0 0.020 M; counts identical.
// What helped: byte offsets instead of slot numbers in the instructions (no index scaling); an
// unrolled 8×8 transposition for full sample groups; a table-driven per-sample count extraction
// (8 samples per step); sorting each level's instructions by (op, slot of A, slot of B) with
// ascending destinations (+50 % on the cache-bound 384 K model). W = 512 was not faster than 256
// (the register file no longer fits L2). The op-grouped interpreter keeps every op's loop
// branch-free; slots are released after the last level that reads them (working set ≈ 2 layers).
// Generated code of the hot loop (swiftc 6.3.1 -O, `objdump -d` of the release object, the
// specialization of `evaluateGates` for W = SIMD4<UInt64>). Baseline x86-64: the NAND group is a
// loop of three `movslq` byte-offset loads, two 16-byte `movdqa` loads + two `pand` with a memory
// operand (SIMD4<UInt64> = two SSE registers), two `pxor` with an all-ones register and two 16-byte
// `movdqu` stores — no calls, no bounds checks, no retain/release, no branch on the op inside the
// loop (the 16-way switch runs once per group); constant groups store a zero/ones register.
// Built with `-Xswiftc -target-cpu -Xswiftc haswell` (opt-in, not the default) the same loop is
// three `movslq`, one 32-byte `vmovdqu`, `vpand` with a memory operand, `vpxor`, `vmovdqu` store.
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
    public func counts(
        inputs: [UInt8], width: BitSliceWidth = .w256, threads: Int = 1, encoding: InputEncoding = .binary
    ) throws(LogicNetworkError) -> [Int] {
        let F = network.inputBits
        guard inputs.count % F == 0 else { throw .wrongInputWidth(expected: F, got: inputs.count % F) }
        let batch = inputs.count / F
        var counts = [Int](repeating: 0, count: batch * network.classes)
        let ok: Bool = inputs.withUnsafeBufferPointer { x in
            counts.withUnsafeMutableBufferPointer { out in
                switch width {
                case .w64: run(UInt64.self, x, batch, out, threads, encoding)
                case .w128: run(SIMD2<UInt64>.self, x, batch, out, threads, encoding)
                case .w256: run(SIMD4<UInt64>.self, x, batch, out, threads, encoding)
                case .w512: run(SIMD8<UInt64>.self, x, batch, out, threads, encoding)
                }
            }
        }
        if !ok { _ = try network.validate(inputs: inputs) }  // throws the precise location
        return counts
    }

    /// Benchmark helper: evaluates one pre-packed chunk of W samples `repetitions` times (gates and
    /// GroupSum only, no packing) and returns the number of samples processed.
    public func benchmarkGatesOnly(inputs: [UInt8], width: BitSliceWidth = .w256, repetitions: Int) -> Int {
        switch width {
        case .w64: gatesOnly(UInt64.self, inputs, repetitions)
        case .w128: gatesOnly(SIMD2<UInt64>.self, inputs, repetitions)
        case .w256: gatesOnly(SIMD4<UInt64>.self, inputs, repetitions)
        case .w512: gatesOnly(SIMD8<UInt64>.self, inputs, repetitions)
        }
    }

    private func gatesOnly<W: BitSliceWord>(_: W.Type, _ inputs: [UInt8], _ repetitions: Int) -> Int {
        let engine = BitSliceEngine<W>(program: program, inputBits: network.inputBits, classes: network.classes)
        defer { engine.deallocate() }
        let chunk = 64 * W.lanes
        let batch = min(chunk, inputs.count / network.inputBits)
        var scratch = [Int](repeating: 0, count: chunk * network.classes)
        inputs.withUnsafeBufferPointer { x in
            _ = engine.pack(x.baseAddress!, batch: batch, start: 0, encoding: .binary)
            scratch.withUnsafeMutableBufferPointer { out in
                for _ in 0..<repetitions {
                    engine.evaluateGates()
                    engine.groupSum(into: out.baseAddress!, validSamples: batch)
                }
            }
        }
        return repetitions * chunk
    }

    private func run<W: BitSliceWord>(
        _: W.Type, _ x: UnsafeBufferPointer<UInt8>, _ batch: Int, _ out: UnsafeMutableBufferPointer<Int>,
        _ threads: Int, _ encoding: InputEncoding
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
            let engine = BitSliceEngine<W>(program: program, inputBits: F, classes: classes)
            defer { engine.deallocate() }
            var c = worker
            while c < chunks {
                let start = c * chunk
                if !engine.pack(xBase, batch: batch, start: start, encoding: encoding) { flagBase[worker] = false }
                engine.evaluateGates()
                engine.groupSum(into: outBase + start * classes, validSamples: min(chunk, batch - start))
                c += workers
            }
        }
        if workers == 1 { work(0) } else { DispatchQueue.concurrentPerform(iterations: workers, execute: work) }
        return flags.allSatisfy { $0 }
    }
}
