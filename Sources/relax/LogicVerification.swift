import Foundation
import LogicGateNetworks
import SortingNetworks

/// The logic-gate-network agreement rows of `relax verify`: every optimized implementation
/// against the reference on seeded random networks.
enum LogicVerification {
    /// Bit-sliced hard inference = reference counts (exact), plain and simplified programs.
    static func hardAgreementRow() -> VerifyRow {
        let start = Date()
        var rng = SplitMix64(seed: 3)
        var samples = 0, failures: [String] = []
        for trial in 0..<24 {
            let inputBits = Int.random(in: 2...40, using: &rng), width = Int.random(in: 4...60, using: &rng)
            let classes = [1, 2, 4][trial % 3], depth = Int.random(in: 1...4, using: &rng)
            var layers: [(a: [Int], b: [Int], gates: [Int])] = []
            var previous = inputBits
            for d in 0..<depth {
                let w = d == depth - 1 ? classes * max(1, width / classes) : width
                layers.append((a: (0..<w).map { _ in Int.random(in: 0..<previous, using: &rng) },
                               b: (0..<w).map { _ in Int.random(in: 0..<previous, using: &rng) },
                               gates: (0..<w).map { _ in Int.random(in: 0..<16, using: &rng) }))
                previous = w
            }
            let batch = Int.random(in: 1...300, using: &rng)
            let inputs = (0..<(batch * inputBits)).map { _ in UInt8.random(in: 0...1, using: &rng) }
            guard let network = try? HardLogicGateNetwork(inputBits: inputBits, layers: layers, classes: classes, tau: 1),
                  let reference = try? LogicGateNetworks.Implementation.reference.implementation.counts(network, inputs: inputs) else {
                failures.append("trial \(trial): could not build or run the reference")
                continue
            }
            samples += batch
            for impl in LogicGateNetworks.Implementation.allCases where impl != .reference {
                guard let counts = try? impl.implementation.counts(network, inputs: inputs), counts == reference else {
                    failures.append("trial \(trial): \(impl) counts differ from the reference")
                    continue
                }
            }
            for simplify in [false, true] {
                let sliced = BitSlicedLogicNetwork(network, eliminateDeadGates: simplify)
                for width in [BitSliceWidth.w64, .w128, .w256, .w512]
                where (try? sliced.counts(inputs: inputs, width: width)) != reference {
                    failures.append("trial \(trial): bit-sliced (simplified: \(simplify), \(width)) counts differ")
                }
            }
        }
        return VerifyRow(
            claim: "bit-sliced inference = reference hard network (exact, plain and simplified)", method: "logic gates",
            passed: failures.isEmpty, verdict: failures.isEmpty ? "verified" : "failed",
            figure: "24 random networks × 4 word widths × 2 programs, \(samples) samples", seconds: Date().timeIntervalSince(start), evidence: failures)
    }
}
