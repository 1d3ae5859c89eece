import CLogicKernels

/// Which code runs a ``BitSlicedLogicNetwork`` at 256 samples per word (``BitSliceWidth/w256``).
/// Every kernel gives the same counts bit for bit (``BitSlicedLogicNetwork/agreementBound`` = 0;
/// the tests run each against the reference).
public enum BitSliceKernel: String, CaseIterable, Sendable {
    /// The generic Swift engine (`BitSliceEngine.run`/`pack`), 32-bit byte-offset instructions.
    case swift
    /// The C kernel for the build's baseline target (SSE2: two 128-bit halves per word), 8-byte
    /// instructions (three 21-bit word offsets) and 16 × 16 packing. The default.
    case c
    /// The same C kernel compiled for AVX2 (one 256-bit register per word), chosen at run time;
    /// it falls back to ``c`` on a CPU without AVX2.
    case cAVX2 = "c-avx2"

    /// Whether this CPU runs the AVX2 kernel (else ``cAVX2`` runs the baseline kernel).
    public static var cpuHasAVX2: Bool {
        relax_logic_run256(RELAX_LOGIC_AVX2, nil, nil, nil, 0) == RELAX_LOGIC_AVX2
    }
}

/// A program flattened for the C kernel: 8-byte instructions (a | b << 21 | d << 42, each field
/// 4 × the slot number) and C group tables. Only built for at most 2^19 slots (larger programs
/// run in the Swift engine).
final class BitSliceCProgram {
    let instructions: UnsafeMutablePointer<relax_logic_instruction>
    let groups: UnsafeMutablePointer<relax_logic_group>
    let groupCount: Int
    /// Per class: its output groups in `outputGroups`.
    let outputGroups: UnsafeMutablePointer<relax_logic_group>
    let classGroups: [Range<Int>]
    let kernel: relax_logic_kernel

    static func fits(_ program: BitSlicedProgram) -> Bool { program.slotCount <= RELAX_LOGIC_MAX_SLOTS }

    init(_ program: BitSlicedProgram, kernel: BitSliceKernel) {
        precondition(Self.fits(program))
        self.kernel = kernel == .cAVX2 ? RELAX_LOGIC_AVX2 : RELAX_LOGIC_BASELINE
        let n = program.instructions.count
        instructions = .allocate(capacity: max(n, 1))
        instructions.initialize(from: program.instructions.map {
            UInt64(4 * $0.a) | UInt64(4 * $0.b) << 21 | UInt64(4 * $0.d) << 42
        }, count: n)
        func table(_ groups: [BitSlicedProgram.Group]) -> UnsafeMutablePointer<relax_logic_group> {
            let p = UnsafeMutablePointer<relax_logic_group>.allocate(capacity: max(groups.count, 1))
            p.initialize(from: groups.map {
                relax_logic_group(op: Int32($0.op), start: Int32($0.range.lowerBound), end: Int32($0.range.upperBound))
            }, count: groups.count)
            return p
        }
        groups = table(program.groups)
        groupCount = program.groups.count
        outputGroups = table(program.outputGroups)
        classGroups = program.classGroups
    }

    deinit {
        instructions.deallocate()
        groups.deallocate()
        outputGroups.deallocate()
    }

    /// Every level's instructions.
    func runLevels(_ slots: UnsafeMutableRawPointer) {
        _ = relax_logic_run256(kernel, slots, instructions, groups, groupCount)
    }

    /// Class `c`'s output instructions.
    func runOutputs(_ slots: UnsafeMutableRawPointer, class c: Int) {
        let r = classGroups[c]
        _ = relax_logic_run256(kernel, slots, instructions, outputGroups + r.lowerBound, r.count)
    }

    /// GroupSum of one class: counts of the `n` buffer words for the first `valid` samples, plus
    /// `constant`, into `out[s · classes]`.
    func count(_ buffer: UnsafeRawPointer, n: Int, into out: UnsafeMutablePointer<Int>, classes: Int, valid: Int, constant: Int) {
        out.withMemoryRebound(to: Int64.self, capacity: 1) {
            relax_logic_count256(kernel, buffer, n, $0, classes, valid, Int64(constant))
        }
    }

    /// Packs `rows` sample rows starting at `x` into the input slots; returns the OR of the bytes.
    func pack(_ slots: UnsafeMutableRawPointer, _ x: UnsafePointer<UInt8>, rows: Int, features: Int, threshold: Bool) -> UInt8 {
        relax_logic_pack256(kernel, slots, x, rows, features, threshold ? 1 : 0)
    }
}
