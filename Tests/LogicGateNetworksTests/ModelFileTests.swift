import Foundation
import Testing
@testable import LogicGateNetworks

@Suite struct ModelFileTests {
    func load(_ json: String) throws -> HardLogicGateNetwork {
        try HardLogicGateNetwork(jsonData: Data(json.utf8))
    }

    @Test func roundTripKeepsWiringAndGates() throws {
        let net = Random.hardNetwork(seed: 4, inputBits: 20, widths: [30, 12], classes: 3)
        let back = try HardLogicGateNetwork(jsonData: net.jsonData())
        #expect(back == net)
        let trained = try LogicGateNetwork<Float>(inputWidth: 10, width: 8, depth: 2, classes: 2, tau: 1, seed: 3)
        #expect(try HardLogicGateNetwork(jsonData: trained.discretized().jsonData()) == trained.discretized())
    }

    @Test func specExampleLoads() throws {
        let net = try load(#"{"format": "logic-gate-network/1", "input_bits": 400, "layers": [{"a": [3, 17], "b": [5, 0], "gates": [6, 1]}], "group_sum": {"classes": 2, "tau": 10.0}}"#)
        #expect(net.inputBits == 400 && net.layers[0].gates == [.xor, .and] && net.groupSum.tau == 10)
    }

    @Test func malformedAndInconsistentModelsAreClearErrors() {
        let good = #""layers": [{"a": [0, 1], "b": [1, 0], "gates": [6, 1]}], "group_sum": {"classes": 2, "tau": 1}"#
        #expect(throws: LogicNetworkError.unsupportedFormat("logic-gate-network/2")) {
            try load(#"{"format": "logic-gate-network/2", "input_bits": 2, "# + good + "}")
        }
        #expect(throws: LogicNetworkError.indexOutOfRange(layer: 0, neuron: 1, index: 5, width: 2)) {
            try load(#"{"format": "logic-gate-network/1", "input_bits": 2, "layers": [{"a": [0, 5], "b": [1, 0], "gates": [6, 1]}], "group_sum": {"classes": 2, "tau": 1}}"#)
        }
        #expect(throws: LogicNetworkError.indexOutOfRange(layer: 0, neuron: 0, index: -1, width: 2)) {
            try load(#"{"format": "logic-gate-network/1", "input_bits": 2, "layers": [{"a": [-1, 0], "b": [1, 0], "gates": [6, 1]}], "group_sum": {"classes": 2, "tau": 1}}"#)
        }
        #expect(throws: LogicNetworkError.unknownGate(layer: 0, neuron: 0, id: 16)) {
            try load(#"{"format": "logic-gate-network/1", "input_bits": 2, "layers": [{"a": [0, 1], "b": [1, 0], "gates": [16, 1]}], "group_sum": {"classes": 2, "tau": 1}}"#)
        }
        #expect(throws: LogicNetworkError.widthNotDivisible(width: 2, classes: 3)) {
            try load(#"{"format": "logic-gate-network/1", "input_bits": 2, "layers": [{"a": [0, 1], "b": [1, 0], "gates": [6, 1]}], "group_sum": {"classes": 3, "tau": 1}}"#)
        }
        #expect(throws: LogicNetworkError.self) { try load(#"{"format": "logic-gate-network/1", "input_bits": 2}"#) }
        #expect(throws: LogicNetworkError.self) { try load(#"{"format": "logic-gate-network/1", "input_bits": 2.5, "# + good + "}") }
        #expect(throws: LogicNetworkError.self) { try load(#"{"format": "logic-gate-network/1", "input_bits": 2, "layers": [{"a": [0, 1], "b": [1], "gates": [6, 1]}], "group_sum": {"classes": 2, "tau": 1}}"#) }
        #expect(throws: LogicNetworkError.self) { try load(#"{"format": "logic-gate-network/1", "input_bits": 2, "# + good.replacingOccurrences(of: "\"tau\": 1", with: "\"tau\": 0") + "}") }
        #expect(throws: LogicNetworkError.self) { try load("[1, 2") }
        #expect(throws: LogicNetworkError.self) { try load(#"{"format": "logic-gate-network/1", "input_bits": true, "# + good + "}") }
    }

    @Test func wrongAndNonBinaryInputsAreClearErrors() throws {
        let net = Random.hardNetwork(seed: 4, inputBits: 3, widths: [4], classes: 2)
        #expect(throws: LogicNetworkError.wrongInputWidth(expected: 3, got: 2)) {
            try ReferenceLogicGateNetwork().counts(net, inputs: [0, 1, 0, 1, 1])
        }
        #expect(throws: LogicNetworkError.nonBinaryInput(sample: 1, feature: 0, value: 0.5)) {
            try net.binaryInputs([[0.0, 1, 0], [0.5, 1, 1]])
        }
    }
}

@Suite struct TrainingTests {
    /// A few Adam steps on a learnable toy task lower the loss (both implementations agree on it).
    @Test(arguments: LogicImplementation.allCases)
    func adamLowersTheLoss(implementation: LogicImplementation) {
        var net = try! LogicGateNetwork<Float>(inputWidth: 8, width: 32, depth: 2, classes: 2, tau: 4, seed: 1)
        let batch = 64
        let x: [Float] = Random.bits(seed: 3, count: batch * 8).map { Float($0) }
        let labels = (0..<batch).map { s in Int(x[s * 8] == 1 && x[s * 8 + 1] == 1 ? 1 : 0) }  // AND of two bits
        var adam = Adam<Float>(learningRate: 0.05)
        let impl = implementation.implementation
        let first = impl.lossAndGradient(net, x: x, labels: labels).loss
        var last = first
        for _ in 0..<40 {
            let g = impl.lossAndGradient(net, x: x, labels: labels)
            var params = net.layers.map(\.logits)
            adam.update(&params, gradients: g.gradLogits)
            for l in params.indices { net.layers[l].logits = params[l] }
            last = g.loss
        }
        #expect(last < 0.8 * first)
    }
}
