import LogicGateNetworks

/// Every optimized implementation against the reference on seeded random hard networks
/// (moved here from the command-line tool).
enum LogicAgreementProofs {
    static func hardAgreement(trials: Int = 24) -> Certificate {
        var log = ProofLog(name: "", claim: "")
        var rng = SeededGenerator(seed: 3)
        var samples = 0
        for trial in 0..<trials {
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
            let network: HardLogicGateNetwork, reference: [Int]
            do {
                network = try HardLogicGateNetwork(inputBits: inputBits, layers: layers, classes: classes, tau: 1)
                reference = try LogicImplementation.reference.implementation.counts(network, inputs: inputs)
            } catch {
                log.fail("trial \(trial): could not build or run the reference: \(error)")
                continue
            }
            samples += batch
            for impl in LogicImplementation.allCases where impl != .reference {
                do {
                    if try impl.implementation.counts(network, inputs: inputs) != reference {
                        log.counterexample("trial \(trial): \(impl) counts differ from the reference")
                    }
                } catch { log.fail("trial \(trial): \(impl) threw: \(error)") }
            }
            for simplify in [false, true] {
                let sliced = BitSlicedLogicNetwork(network, eliminateDeadGates: simplify)
                for width in [BitSliceWidth.w64, .w128, .w256, .w512] {
                    do {
                        if try sliced.counts(inputs: inputs, width: width) != reference {
                            log.counterexample("trial \(trial): bit-sliced (simplified: \(simplify), \(width)) counts differ")
                        }
                    } catch { log.fail("trial \(trial): bit-sliced (simplified: \(simplify), \(width)) threw: \(error)") }
                }
            }
        }
        log.sample(cases: samples, seed: "SeededGenerator seed 3: \(trials) random networks (2–40 inputs, width 4–60, depth 1–4), batches of 1–300",
                   notCovered: "other networks and inputs")
        return log.finish(figure: "\(trials) random networks × 4 word widths × 2 programs, \(samples) samples")
    }
}
