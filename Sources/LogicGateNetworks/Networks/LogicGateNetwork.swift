/// A relaxed (trainable) logic gate network: logic layers followed by `GroupSum`
/// (arXiv 2210.08277: Flatten → LogicLayer × l → GroupSum(k, τ)).
public struct LogicGateNetwork<T: LogicScalar>: Sendable {
    public var layers: [LogicLayer<T>]
    public let groupSum: GroupSum
    /// How the wiring was made (recorded, not needed to run the network).
    public var connections: ConnectionScheme?

    public var inputWidth: Int { layers[0].inputWidth }
    public var classes: Int { groupSum.classes }

    public init(layers: [LogicLayer<T>], groupSum: GroupSum, connections: ConnectionScheme? = nil) throws(LogicNetworkError) {
        guard let first = layers.first else { throw .emptyNetwork }
        var width = first.inputWidth
        for (l, layer) in layers.enumerated() {
            guard layer.inputWidth == width else {
                throw .shapeMismatch("layer \(l) reads \(layer.inputWidth) inputs but the previous width is \(width)")
            }
            width = layer.outputWidth
        }
        try groupSum.validate(width: width)
        self.layers = layers
        self.groupSum = groupSum
        self.connections = connections
    }

    /// The authors' experiment architecture: `depth` layers of `width` neurons.
    public init(
        inputWidth: Int, width: Int, depth: Int, classes: Int, tau: Double,
        connections: ConnectionScheme = .random, initialization: LogicInitialization = .gaussian,
        gradFactor: T = 1, seed: UInt64 = 0
    ) throws(LogicNetworkError) {
        guard depth >= 1 else { throw .emptyNetwork }
        var rng = SeededGenerator(seed: seed)
        var layers: [LogicLayer<T>] = []
        var w = inputWidth
        for _ in 0..<depth {
            layers.append(try LogicLayer(
                inputWidth: w, outputWidth: width, connections: connections,
                initialization: initialization, gradFactor: gradFactor, using: &rng))
            w = width
        }
        try self.init(layers: layers, groupSum: try GroupSum(classes: classes, tau: tau), connections: connections)
    }

    /// Discretization: every neuron keeps only its most probable gate (argmax, ties to the lowest id).
    public func discretized() -> HardLogicGateNetwork {
        let hard = layers.map { layer in
            HardLogicLayer(a: layer.a, b: layer.b, gates: (0..<layer.outputWidth).map { layer.gate(of: $0) })
        }
        return try! HardLogicGateNetwork(inputBits: inputWidth, layers: hard, groupSum: groupSum)
    }

    public func converted<U: LogicScalar>(to _: U.Type = U.self) -> LogicGateNetwork<U> {
        try! LogicGateNetwork<U>(layers: layers.map { $0.converted(to: U.self) }, groupSum: groupSum, connections: connections)
    }
}

/// The result of one forward/backward pass over a batch.
public struct LogicNetworkGradient<T: LogicScalar>: Sendable {
    /// Mean softmax cross-entropy of the batch.
    public var loss: T
    /// GroupSum scores `[B][classes]`.
    public var scores: [T]
    /// `∂loss/∂logits` per layer, `[out][16]` each.
    public var gradLogits: [[T]]
}
