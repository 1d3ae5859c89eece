import InputLimits

/// One discrete layer: neuron `j` computes `gates[j](x[a[j]], x[b[j]])`.
public struct HardLogicLayer: Hashable, Sendable {
    public var a: [Int]
    public var b: [Int]
    public var gates: [LogicGate]
    public var width: Int { gates.count }

    public init(a: [Int], b: [Int], gates: [LogicGate]) {
        self.a = a
        self.b = b
        self.gates = gates
    }
}

/// A discrete (inference-mode) logic gate network — the content of a `logic-gate-network/1` file
/// (fixtures/README.md): binary inputs, layers of Boolean gates, and GroupSum over the last layer.
/// Construction validates everything, so a value of this type is always consistent.
public struct HardLogicGateNetwork: Hashable, Sendable {
    public let inputBits: Int
    public let layers: [HardLogicLayer]
    public let groupSum: GroupSum

    public var classes: Int { groupSum.classes }
    public var outputWidth: Int { layers.last!.width }
    /// The papers' gate count: the sum of the layer widths.
    public var gateCount: Int { layers.reduce(0) { $0 + $1.width } }

    public init(inputBits: Int, layers: [HardLogicLayer], groupSum: GroupSum) throws(LogicNetworkError) {
        guard inputBits >= 1 else { throw .invalidWidth(inputBits) }
        guard !layers.isEmpty else { throw .emptyNetwork }
        var width = inputBits
        for (l, layer) in layers.enumerated() {
            guard layer.a.count == layer.gates.count, layer.b.count == layer.gates.count, !layer.gates.isEmpty else {
                throw .shapeMismatch("layer \(l): a, b and gates must have the same non-zero length (got \(layer.a.count), \(layer.b.count), \(layer.gates.count))")
            }
            for j in 0..<layer.width {
                for i in [layer.a[j], layer.b[j]] where !(0..<width).contains(i) {
                    throw .indexOutOfRange(layer: l, neuron: j, index: i, width: width)
                }
            }
            width = layer.width
        }
        try groupSum.validate(width: width)
        self.inputBits = inputBits
        self.layers = layers
        self.groupSum = groupSum
    }

    /// Builds a network from raw gate ids, rejecting ids outside 0…15.
    /// The sizes a file claims are checked against `Limits.current` (input bits and each
    /// layer's width ≤ `maxArrayElements`) before anything is sized by them.
    public init(inputBits: Int, layers: [(a: [Int], b: [Int], gates: [Int])], classes: Int, tau: Double) throws(LogicNetworkError) {
        let limits = Limits.current
        do {
            try limits.check(.arrayElements, inputBits, "model input_bits")
            try limits.check(.arrayElements, classes, "model group_sum.classes")
        } catch { throw .limit(error) }
        var hard: [HardLogicLayer] = []
        for (l, layer) in layers.enumerated() {
            var gates: [LogicGate] = []
            for (j, id) in layer.gates.enumerated() {
                guard let g = LogicGate(id: id) else { throw .unknownGate(layer: l, neuron: j, id: id) }
                gates.append(g)
            }
            hard.append(HardLogicLayer(a: layer.a, b: layer.b, gates: gates))
        }
        try self.init(inputBits: inputBits, layers: hard, groupSum: try GroupSum(classes: classes, tau: tau))
    }

    /// Checks a batch-major `[B][inputBits]` array of bytes: right width, only 0 and 1. Returns B.
    public func validate(inputs: [UInt8]) throws(LogicNetworkError) -> Int {
        guard inputs.count % inputBits == 0 else {
            throw .wrongInputWidth(expected: inputBits, got: inputs.count % inputBits)
        }
        for (i, v) in inputs.enumerated() where v > 1 {
            throw .nonBinaryInput(sample: i / inputBits, feature: i % inputBits, value: Double(v))
        }
        return inputs.count / inputBits
    }

    /// Converts rows of numbers to bytes, rejecting anything that is not exactly 0 or 1.
    public func binaryInputs<S: Collection>(_ rows: [S]) throws(LogicNetworkError) -> [UInt8] where S.Element: BinaryFloatingPoint {
        var out: [UInt8] = []
        out.reserveCapacity(rows.count * inputBits)
        for (s, row) in rows.enumerated() {
            guard row.count == inputBits else { throw .wrongInputWidth(expected: inputBits, got: row.count) }
            for (f, v) in row.enumerated() {
                if v == 0 { out.append(0) } else if v == 1 { out.append(1) } else {
                    throw .nonBinaryInput(sample: s, feature: f, value: Double(v))
                }
            }
        }
        return out
    }
}

/// Prediction from GroupSum counts: the class with the most ones, lowest index on ties.
public func logicPredictions(counts: [Int], classes: Int) -> [Int] {
    stride(from: 0, to: counts.count, by: classes).map { start in
        GateMixture.argmax(counts[start..<start + classes])
    }
}
