import InputLimits

/// Every error of the logic-gate-network module: bad shapes, bad model files, bad inputs.
public enum LogicNetworkError: Error, CustomStringConvertible, Equatable, Sendable {
    case layer(LogicLayerError)
    case invalidWidth(Int)
    case invalidClasses(Int)
    case invalidTau(Double)
    case shapeMismatch(String)
    case nonFinite(String)
    /// A connection index outside the previous layer (`layer` is nil for a stand-alone layer).
    case indexOutOfRange(layer: Int?, neuron: Int, index: Int, width: Int)
    case unknownGate(layer: Int, neuron: Int, id: Int)
    case widthNotDivisible(width: Int, classes: Int)
    case wrongInputWidth(expected: Int, got: Int)
    /// An input of a hard network that is not 0 or 1.
    case nonBinaryInput(sample: Int, feature: Int, value: Double)
    case labelOutOfRange(sample: Int, label: Int, classes: Int)
    case emptyNetwork
    /// A model file that is not valid `logic-gate-network/1`.
    case malformedModel(String)
    case unsupportedFormat(String)
    /// A file that cannot be read.
    case unreadable(String)
    /// A `.npy` array that is malformed or of an unsupported kind.
    case malformedArray(String)
    /// A size beyond the `Limits` (refused before allocating).
    case limit(LimitError)

    public var description: String {
        switch self {
        case .layer(let e): e.description
        case .invalidWidth(let w): "widths must be ≥ 1, got \(w)"
        case .invalidClasses(let k): "group_sum.classes must be ≥ 1, got \(k)"
        case .invalidTau(let t): "group_sum.tau must be finite and > 0, got \(t)"
        case .shapeMismatch(let s): "shape mismatch: \(s)"
        case .nonFinite(let s): "non-finite value in \(s)"
        case let .indexOutOfRange(layer, neuron, index, width):
            "\(layer.map { "layer \($0), " } ?? "")neuron \(neuron): connection index \(index) is outside 0..<\(width)"
        case let .unknownGate(layer, neuron, id):
            "layer \(layer), neuron \(neuron): unknown gate id \(id) (ids are 0…15)"
        case let .widthNotDivisible(w, k):
            "the last layer's width \(w) is not divisible by the number of classes \(k)"
        case let .wrongInputWidth(e, g): "expected \(e) input bits per sample, got \(g)"
        case let .nonBinaryInput(s, f, v): "sample \(s), feature \(f): input \(v) is not 0 or 1"
        case let .labelOutOfRange(s, l, k): "sample \(s): label \(l) is outside 0..<\(k)"
        case .emptyNetwork: "a logic gate network needs at least one layer"
        case .malformedModel(let s): "malformed logic-gate-network/1 model: \(s)"
        case .unsupportedFormat(let f): "unsupported model format \"\(f)\" (expected \"logic-gate-network/1\")"
        case .unreadable(let s): "cannot read \(s)"
        case .malformedArray(let s): "malformed .npy array: \(s)"
        case .limit(let e): e.description
        }
    }
}
