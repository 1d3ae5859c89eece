import RealModule

/// Adam (Kingma & Ba 2015) with PyTorch's defaults and bias correction; the authors train with
/// lr = 0.01, β = (0.9, 0.999), ε = 1e-8 and no weight decay (arXiv 2210.08277).
public struct Adam<T: LogicScalar>: Sendable {
    public var learningRate: T
    public var beta1: T
    public var beta2: T
    public var epsilon: T
    public private(set) var step = 0
    var m: [[T]] = []
    var v: [[T]] = []

    public init(learningRate: T = 0.01, beta1: T = 0.9, beta2: T = 0.999, epsilon: T = 1e-8) {
        self.learningRate = learningRate
        self.beta1 = beta1
        self.beta2 = beta2
        self.epsilon = epsilon
    }

    /// One update of every parameter tensor in place (`parameters[i]` with gradient `gradients[i]`).
    public mutating func update(_ parameters: inout [[T]], gradients: [[T]]) {
        if m.isEmpty { allocateMoments(parameters.map(\.count)) }
        step += 1
        for t in parameters.indices { apply(&parameters[t], gradients[t], tensor: t) }
    }

    /// One update of every layer's logits in place (no copies, no allocation after the first step).
    public mutating func update(_ network: inout LogicGateNetwork<T>, gradients: [[T]]) {
        if m.isEmpty { allocateMoments(network.layers.map(\.logits.count)) }
        step += 1
        for l in network.layers.indices { apply(&network.layers[l].logits, gradients[l], tensor: l) }
    }

    private mutating func allocateMoments(_ shapes: [Int]) {
        m = shapes.map { [T](repeating: 0, count: $0) }
        v = m
    }

    private mutating func apply(_ parameter: inout [T], _ gradient: [T], tensor t: Int) {
        let bc1 = 1 - T.pow(beta1, T(step))
        let bc2 = 1 - T.pow(beta2, T(step))
        let stepSize = learningRate / bc1
        let bc2Root = bc2.squareRoot()
        let (beta1, beta2, epsilon) = (self.beta1, self.beta2, self.epsilon)
        parameter.withUnsafeMutableBufferPointer { p in
            m[t].withUnsafeMutableBufferPointer { m in
                v[t].withUnsafeMutableBufferPointer { v in
                    gradient.withUnsafeBufferPointer { g in
                        for i in 0..<p.count {
                            m[i] = beta1 * m[i] + (1 - beta1) * g[i]
                            v[i] = beta2 * v[i] + (1 - beta2) * g[i] * g[i]
                            p[i] -= stepSize * m[i] / (v[i].squareRoot() / bc2Root + epsilon)
                        }
                    }
                }
            }
        }
    }
}
