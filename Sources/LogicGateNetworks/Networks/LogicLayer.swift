import RealModule

/// The floating-point types the relaxed networks train and evaluate in.
public protocol LogicScalar: Real, BinaryFloatingPoint, SIMDScalar, Sendable, Codable {}
extension Float: LogicScalar {}
extension Double: LogicScalar {}

/// How a layer's logits start (arXiv 2210.08277).
public enum LogicInitialization: Hashable, Sendable, Codable {
    /// Every logit i.i.d. standard normal (the 2022 paper / package default).
    case gaussian
    /// The 2024 follow-up's residual initialization: logit of gate 3 ("A") = `strength`, all
    /// others 0. The paper recommends `strength = 5` (p_A ≈ 0.908).
    case residual(strength: Double)
}

/// One layer of a differentiable logic gate network: `out` neurons, each reading `x[a[j]]` and
/// `x[b[j]]` of the previous layer and mixing the 16 gate relaxations with `softmax(logits[j])`
/// (Petersen et al. 2022, Eq. 2; arXiv 2210.08277).
public struct LogicLayer<T: LogicScalar>: Sendable {
    /// Width of the previous layer.
    public let inputWidth: Int
    /// First connection of every neuron.
    public let a: [Int]
    /// Second connection of every neuron.
    public let b: [Int]
    /// Logits `z`, row-major `[out][16]` in gate-id order.
    public var logits: [T]
    /// Multiplies the gradient flowing into the previous layer (identity forward).
    public var gradFactor: T

    public var outputWidth: Int { a.count }

    /// A layer with explicit wiring and logits; validates indices and shapes.
    public init(inputWidth: Int, a: [Int], b: [Int], logits: [T], gradFactor: T = 1) throws(LogicNetworkError) {
        guard inputWidth >= 1 else { throw .invalidWidth(inputWidth) }
        guard a.count == b.count, a.count >= 1 else { throw .shapeMismatch("a has \(a.count) entries, b has \(b.count)") }
        guard logits.count == 16 * a.count else {
            throw .shapeMismatch("logits must have 16·\(a.count) = \(16 * a.count) entries, got \(logits.count)")
        }
        for (j, (i, k)) in zip(a, b).enumerated() {
            guard (0..<inputWidth).contains(i) else { throw .indexOutOfRange(layer: nil, neuron: j, index: i, width: inputWidth) }
            guard (0..<inputWidth).contains(k) else { throw .indexOutOfRange(layer: nil, neuron: j, index: k, width: inputWidth) }
        }
        guard logits.allSatisfy({ $0.isFinite }) else { throw .nonFinite("logits") }
        guard gradFactor.isFinite else { throw .nonFinite("grad_factor") }
        self.inputWidth = inputWidth
        self.a = a
        self.b = b
        self.logits = logits
        self.gradFactor = gradFactor
    }

    /// A freshly initialised layer with the given wiring scheme.
    public init(
        inputWidth: Int, outputWidth: Int, connections: ConnectionScheme = .random,
        initialization: LogicInitialization = .gaussian, gradFactor: T = 1,
        using rng: inout SeededGenerator
    ) throws(LogicNetworkError) {
        let wiring: (a: [Int], b: [Int])
        do { wiring = try Connections.make(connections, inputs: inputWidth, outputs: outputWidth, using: &rng) }
        catch { throw .layer(error) }
        var z = [T](repeating: 0, count: 16 * outputWidth)
        switch initialization {
        case .gaussian:
            for i in z.indices { z[i] = T(rng.nextGaussian()) }
        case .residual(let strength):
            for j in 0..<outputWidth { z[16 * j + LogicGate.a.id] = T(strength) }
        }
        try self.init(inputWidth: inputWidth, a: wiring.a, b: wiring.b, logits: z, gradFactor: gradFactor)
    }

    /// The 16 logits of neuron `j`.
    public func logits(of j: Int) -> [T] { Array(logits[16 * j..<16 * j + 16]) }

    /// The discrete gate of neuron `j`: argmax of its logits, ties to the lowest id.
    public func gate(of j: Int) -> LogicGate {
        LogicGate(rawValue: UInt8(GateMixture.argmax(logits[16 * j..<16 * j + 16])))!
    }

    /// The layer with the same wiring in another precision.
    public func converted<U: LogicScalar>(to _: U.Type = U.self) -> LogicLayer<U> {
        try! LogicLayer<U>(inputWidth: inputWidth, a: a, b: b, logits: logits.map { U($0) }, gradFactor: U(gradFactor))
    }
}
