/// The method's protocol: what every implementation of differentiable logic gate networks
/// (arXiv 2210.08277) does. Arrays are flat and batch-major: `x[s·width + i]`.
///
/// Layout of the module: this contract, the gates (`LogicGate.swift`, the one truth table, and
/// `LogicGate+Relaxation.swift`, derived from it) and the errors at the top level; `Networks/` the
/// network descriptions (layers, wiring, GroupSum, hard networks); `Reference/` the teaching code;
/// `SIMD/` and `BitSliced/` the optimized implementations named by technique; `Training/` the
/// optimizer and loss; `Model/` the model and data files.
public protocol LogicGateNetworkImplementation: Sendable {
    /// Relaxed (training-mode) layer output `y` `[B][out]`.
    func layerForward<T: LogicScalar>(_ layer: LogicLayer<T>, x: [T], batch: Int) -> [T]
    /// Vector–Jacobian product of one relaxed layer: `∂(Σ cotangentY·y)/∂x` (times the layer's
    /// `gradFactor`) and `∂(Σ cotangentY·y)/∂logits`.
    func layerBackward<T: LogicScalar>(_ layer: LogicLayer<T>, x: [T], batch: Int, cotangentY: [T]) -> (gradX: [T], gradLogits: [T])
    /// GroupSum scores of the relaxed network, `[B][classes]`.
    func scores<T: LogicScalar>(_ network: LogicGateNetwork<T>, x: [T], batch: Int) -> [T]
    /// Mean cross-entropy, scores and logit gradients of every layer.
    func lossAndGradient<T: LogicScalar>(_ network: LogicGateNetwork<T>, x: [T], labels: [Int]) -> LogicNetworkGradient<T>
    /// Hard network: ones per class group, `[B][classes]`, from `[B][inputBits]` bytes of 0/1.
    func counts(_ network: HardLogicGateNetwork, inputs: [UInt8]) throws(LogicNetworkError) -> [Int]
}

/// Every implementation, for tests, fixtures and benchmarks to iterate.
public enum LogicImplementation: String, CaseIterable, Sendable {
    /// ``ReferenceLogicGateNetwork``.
    case reference
    /// ``SIMDLogicGateNetwork`` for the relaxed network, ``BitSlicedLogicNetwork`` for the hard one
    /// (its baseline C kernel, ``BitSliceKernel/c``).
    case optimized
    /// As ``optimized``, with the hard network on the AVX2 kernel (``BitSliceKernel/cAVX2``, chosen
    /// at run time; the baseline kernel where the CPU lacks AVX2).
    case optimizedAVX2 = "optimized-avx2"

    public var implementation: any LogicGateNetworkImplementation {
        switch self {
        case .reference: ReferenceLogicGateNetwork()
        case .optimized: SIMDLogicGateNetwork()
        case .optimizedAVX2: SIMDLogicGateNetwork(kernel: .cAVX2)
        }
    }
}

/// The former name of ``LogicImplementation`` (renamed so that the enum says which method it belongs to).
@available(*, deprecated, renamed: "LogicImplementation")
public typealias Implementation = LogicImplementation
