import PropertyTesting
import PropertyBased
import Testing
@testable import LogicGateNetworks

@Suite struct BitSlicedTests {
    /// Bit-sliced counts equal the reference in every lane, for every word width, with and without
    /// dead-gate elimination, for batch sizes that are not multiples of the word width.
    @Test func bitSlicedEqualsReference() throws {
        try forAll(seed: 11, count: 40, Gen.int(in: 0...1_000_000), Gen.int(in: 0...700)) { seed, batch in
            let inputBits = 1 + seed % 40, depth = 1 + seed % 4
            let classes = [1, 2, 3, 5][seed % 4]
            let widths = (0..<depth).map { l in l == depth - 1 ? classes * (1 + (seed + l) % 7) : 3 + (seed * (l + 1)) % 60 }
            let net = Random.hardNetwork(seed: UInt64(seed), inputBits: inputBits, widths: widths, classes: classes)
            let x = Random.bits(seed: UInt64(seed) &+ 1, count: batch * inputBits)
            let expected = try ReferenceLogicGateNetwork().counts(net, inputs: x)
            for prune in [false, true] {
                let sliced = BitSlicedLogicNetwork(net, eliminateDeadGates: prune)
                for width in BitSliceWidth.allCases {
                    #expect(try sliced.counts(inputs: x, width: width, kernel: .swift) == expected, "width \(width), prune \(prune)")
                }
                for kernel in BitSliceKernel.allCases where kernel != .swift {
                    #expect(try sliced.counts(inputs: x, kernel: kernel) == expected, "kernel \(kernel), prune \(prune)")
                }
                #expect(try sliced.counts(inputs: x, width: .w64, threads: 2) == expected)
            }
        }
    }

    /// Large groups exercise the carry-save GroupSum (16-word blocks and many counter planes).
    @Test func carrySaveGroupSumOnWideGroups() throws {
        for (seed, width) in [(1, 700), (2, 1601), (3, 64)] {
            let net = Random.hardNetwork(seed: UInt64(seed), inputBits: 30, widths: [200, width], classes: 1)
            let x = Random.bits(seed: 99, count: 300 * 30)
            let expected = try ReferenceLogicGateNetwork().counts(net, inputs: x)
            #expect(try BitSlicedLogicNetwork(net).counts(inputs: x) == expected)
            #expect(try BitSlicedLogicNetwork(net, eliminateDeadGates: false).counts(inputs: x, width: .w512) == expected)
        }
    }

    /// Greyscale input: bit = byte ≥ 128, same counts as thresholding first (every kernel; 40
    /// features so that the C kernel's 16-feature steps and its feature tail both run).
    @Test(arguments: BitSliceKernel.allCases)
    func thresholdEncoding(kernel: BitSliceKernel) throws {
        for (features, batch) in [(19, 131), (40, 600)] {
            let net = Random.hardNetwork(seed: 5, inputBits: features, widths: [40, 20], classes: 4)
            var rng = SeededGenerator(seed: 8)
            let grey = (0..<(batch * features)).map { _ in UInt8.random(in: 0...255, using: &rng) }
            let binary = grey.map { UInt8($0 >= 128 ? 1 : 0) }
            #expect(try BitSlicedLogicNetwork(net).counts(inputs: grey, encoding: .threshold128, kernel: kernel)
                    == ReferenceLogicGateNetwork().counts(net, inputs: binary))
        }
    }

    /// The C kernels (16 × 16 packing blocks, 16-bit slot numbers) on input widths around multiples
    /// of 16 and batches that end inside a 16-row block, inside a chunk and on a chunk boundary,
    /// with two threads; every lane against the reference.
    @Test(arguments: [BitSliceKernel.c, .cAVX2])
    func cKernelsEqualReference(kernel: BitSliceKernel) throws {
        for (features, batch) in [(16, 256), (17, 513), (48, 300), (33, 15), (64, 1000)] {
            let net = Random.hardNetwork(seed: UInt64(features), inputBits: features, widths: [90, 50, 30], classes: 3)
            let x = Random.bits(seed: UInt64(batch), count: batch * features)
            let expected = try ReferenceLogicGateNetwork().counts(net, inputs: x)
            for prune in [false, true] {
                let sliced = BitSlicedLogicNetwork(net, eliminateDeadGates: prune)
                #expect(try sliced.counts(inputs: x, kernel: kernel) == expected, "\(features) features, batch \(batch), prune \(prune)")
                #expect(try sliced.counts(inputs: x, threads: 2, kernel: kernel) == expected)
            }
        }
    }

    @Test func eliminationRemovesConstantAndPassThroughGates() throws {
        // Layer 2 only reads unit 0; unit 1 is dead. Unit 0 is a pass-through, so no gate is left:
        // the one instruction copies the pass-through output into GroupSum's buffer.
        let layers = [
            HardLogicLayer(a: [0, 1], b: [1, 0], gates: [.a, .xor]),
            HardLogicLayer(a: [0, 0], b: [0, 0], gates: [.notA, .one]),
        ]
        let net = try HardLogicGateNetwork(inputBits: 2, layers: layers, groupSum: try GroupSum(classes: 2, tau: 1))
        let pruned = BitSlicedLogicNetwork(net)
        #expect(pruned.instructionCount == 1)
        #expect(BitSlicedLogicNetwork(net, eliminateDeadGates: false).instructionCount == 4)
        #expect(try pruned.counts(inputs: [0, 0, 1, 0, 0, 1, 1, 1]) == [1, 1, 0, 1, 1, 1, 0, 1])
    }

    @Test func nonBinaryInputIsAnError() {
        /// Every kernel reports the one non-binary byte planted at (sample, feature).
        func expectNonBinary(inputBits: Int, samples: Int, seed: UInt64, sample: Int, feature: Int, value: Double) {
            let net = Random.hardNetwork(seed: 1, inputBits: inputBits, widths: [10], classes: 2)
            var x = Random.bits(seed: seed, count: inputBits * samples)
            x[inputBits * sample + feature] = UInt8(value)
            for kernel in BitSliceKernel.allCases {
                #expect(throws: LogicNetworkError.nonBinaryInput(sample: sample, feature: feature, value: value)) {
                    try BitSlicedLogicNetwork(net).counts(inputs: x, kernel: kernel)
                }
            }
        }
        expectNonBinary(inputBits: 9, samples: 70, seed: 2, sample: 66, feature: 4, value: 2)
        // In a full 16 × 16 block of the C kernel's packing (rows 16–31, features 16–31).
        expectNonBinary(inputBits: 40, samples: 300, seed: 3, sample: 20, feature: 17, value: 255)
        let net = Random.hardNetwork(seed: 1, inputBits: 9, widths: [10], classes: 2)
        var x = Random.bits(seed: 2, count: 9 * 70)
        x[9 * 66 + 4] = 2
        #expect(throws: LogicNetworkError.wrongInputWidth(expected: 9, got: 1)) {
            try BitSlicedLogicNetwork(net).counts(inputs: x + [0])
        }
    }
}

@Suite("Bit-sliced word operations")
struct BitSliceWordOperationTests {
    @Test("every gate's word operation is its truth table, at every word width")
    func wordOperationsMatchTruthTables() {
        #expect(BitSlicedLogicNetwork.wordOperationsMatchTruthTables)
    }
}

@Suite("Bit-sliced output phase (last layer fused with GroupSum)")
struct BitSlicedOutputPhaseTests {
    /// Outputs that are not "output-only" gates take the copy path: an input read directly, a
    /// negated pass-through, a gate shared by two outputs (merged by common-subexpression
    /// elimination), a gate that another gate also reads (through a pass-through), and constants.
    @Test func sharedAliasedAndConstantOutputs() throws {
        // Inputs x0, x1, x2. Layer 1: and(x0,x1), x2 (pass-through), or(x0,x2), not_a(x1).
        // Layer 2 (4 classes × 2 outputs): and(AND, OR) twice (one node after merging), a of x2 (an
        // input), not of x2, zero, one, xor(AND, OR), b of the OR gate that the XOR also reads.
        let layer1 = HardLogicLayer(a: [0, 2, 0, 1], b: [1, 2, 2, 1], gates: [.and, .a, .or, .notA])
        let layer2 = HardLogicLayer(a: [0, 0, 1, 1, 0, 0, 0, 2], b: [2, 2, 1, 1, 1, 1, 2, 2],
                                    gates: [.and, .and, .a, .notA, .zero, .one, .xor, .b])
        let net = try HardLogicGateNetwork(inputBits: 3, layers: [layer1, layer2], groupSum: GroupSum(classes: 4, tau: 1))
        let x: [UInt8] = (0..<900).map { (i: Int) -> UInt8 in UInt8(truncatingIfNeeded: (7 * i + i / 5) & 1) }
        let expected = try ReferenceLogicGateNetwork().counts(net, inputs: x)
        for prune in [false, true] {
            for width in BitSliceWidth.allCases {
                #expect(try BitSlicedLogicNetwork(net, eliminateDeadGates: prune).counts(inputs: x, width: width) == expected,
                        "width \(width), prune \(prune)")
            }
        }
    }
}
