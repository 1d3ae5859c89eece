@testable import AlgorithmicSupervision
import Testing

/// The same call twice gives the same bits. The reference interpreter records its tape while it
/// blends the variables of an `If` or `While`; if that followed a dictionary's iteration order
/// (which differs between dictionary instances), gradient sums would be added in another order
/// from run to run and differ in the last bits.
@Suite struct ReproducibilityTests {
    @Test(arguments: AlgorithmImplementation.allCases)
    func repeatedRunsAgreeBitForBit(_ impl: AlgorithmImplementation) throws {
        let rows = [3.0, 1, 2, 0.5, -1, 4, 2, 2.5, -3, 7, 0, 1]
        let inputs = ["array": Batched(shape: [4, 3], values: rows)]
        let cotangents = ["array": [1.0, 0, 0, 0, 0, 1, 0.5, -0.5, 0, 1, 1, 1], "loss_sum": [1.0, 2, 0, -1]]
        let first = try impl.runner.run(.bubbleSort, inputs: inputs, cotangents: cotangents, parameters: params())
        for attempt in 1...12 {
            // Fresh dictionaries each time, built in another key order.
            var again: [String: [Double]] = [:]
            for key in attempt.isMultiple(of: 2) ? ["loss_sum", "array"] : ["array", "loss_sum"] { again[key] = cotangents[key] }
            let r = try impl.runner.run(.bubbleSort, inputs: ["array": Batched(shape: [4, 3], values: rows)], cotangents: again, parameters: params())
            #expect(r.outputs["array"]!.values.map(\.bitPattern) == first.outputs["array"]!.values.map(\.bitPattern), "\(impl) run \(attempt)")
            #expect(r.gradients["array"]!.values.map(\.bitPattern) == first.gradients["array"]!.values.map(\.bitPattern), "\(impl) run \(attempt)")
        }
    }
}

/// A run of the reference interpreter leaves nothing behind: its tape (whose nodes' closures hold
/// tensors that hold the tape) is freed when the run ends. Found by the `algo-csv` fuzzer, whose
/// memory grew by about 8 KB per run until it passed 2 GB.
@Suite struct TapeLifetimeTests {
    @Test func theTapeOfARunIsFreed() throws {
        let program = try ReferenceAlgorithmRunner().program(.bubbleSort, inputs: ["array": Batched(shape: [2, 3], values: [3, 1, 2, 0.5, -1, 4])], parameters: params())
        weak var weakTape: Tape<Double>?
        do {
            let tape = Tape<Double>()
            weakTape = tape
            let r = try program.run(["array": Batched(shape: [2, 3], values: [3, 1, 2, 0.5, -1, 4])], cotangents: ["array": [1, 0, 0, 0, 0, 1]],
                                    strictLoops: false, toDouble: { $0 }, on: tape)
            #expect(r.gradients["array"]?.values.count == 6)
        }
        #expect(weakTape == nil, "the tape of a finished run is still alive (a reference cycle)")
    }
}
