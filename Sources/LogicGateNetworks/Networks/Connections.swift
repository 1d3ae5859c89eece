/// How a ``LogicLayer`` wires its neurons to the previous layer's outputs
/// (arXiv 2210.08277; the authors' `get_connections` / `get_unique_connections`).
public enum ConnectionScheme: String, CaseIterable, Sendable, Codable {
    /// The library default: a random permutation of `2·out` slots taken mod `in`, then a random
    /// relabelling of the inputs; every input is used ⌊2·out/in⌋ or ⌈2·out/in⌉ times.
    case random
    /// The experiment script's default: distinct unordered pairs of nearby inputs, enumerated by
    /// index distance, then one random shuffle of the neuron order.
    case unique
}

/// Errors of layer and network construction.
public enum LogicLayerError: Error, CustomStringConvertible, Equatable, Sendable {
    /// `2·out < in`: some input could never be used.
    case tooFewNeurons(inputs: Int, outputs: Int)
    /// `unique` wiring has only `in·(in−1)/2` distinct pairs (and the enumeration stops earlier).
    case notEnoughUniquePairs(inputs: Int, outputs: Int, available: Int)
    case invalidWidth(Int)

    public var description: String {
        switch self {
        case let .tooFewNeurons(i, o):
            "a logic layer needs 2·out ≥ in so every input can be used; got in = \(i), out = \(o)"
        case let .notEnoughUniquePairs(i, o, n):
            "unique connections: only \(n) distinct pairs can be enumerated for \(i) inputs, but \(o) neurons were requested"
        case let .invalidWidth(w):
            "layer widths must be ≥ 1, got \(w)"
        }
    }
}

public enum Connections {
    /// `random`: `c = randperm(2·out) mod in`, `c = randperm(in)[c]`, `a = c[..<out]`, `b = c[out...]`.
    public static func random(
        inputs: Int, outputs: Int, using rng: inout SeededGenerator
    ) throws(LogicLayerError) -> (a: [Int], b: [Int]) {
        guard inputs >= 1 else { throw .invalidWidth(inputs) }
        guard outputs >= 1 else { throw .invalidWidth(outputs) }
        guard 2 * outputs >= inputs else { throw .tooFewNeurons(inputs: inputs, outputs: outputs) }
        let slots = rng.permutation(2 * outputs).map { $0 % inputs }
        let relabel = rng.permutation(inputs)
        let c = slots.map { relabel[$0] }
        return (Array(c[..<outputs]), Array(c[outputs...]))
    }

    /// The pairs of `unique` wiring before the final shuffle, in enumeration order.
    public static func uniquePairsBeforeShuffle(
        inputs: Int, outputs: Int
    ) throws(LogicLayerError) -> (a: [Int], b: [Int]) {
        guard inputs >= 1 else { throw .invalidWidth(inputs) }
        guard outputs >= 1 else { throw .invalidWidth(outputs) }
        guard 2 * outputs >= inputs else { throw .tooFewNeurons(inputs: inputs, outputs: outputs) }
        let x = Array(0..<inputs)
        func stride(_ from: Int) -> [Int] { Swift.stride(from: from, to: inputs, by: 2).map { x[$0] } }
        // Step 1: (0,1), (2,3), … truncated to equal length.
        var a = stride(0), b = stride(1)
        var m = min(a.count, b.count)
        a = Array(a[..<m]); b = Array(b[..<m])
        // Step 2: (1,2), (3,4), … appended, then both lists truncated to equal length.
        if a.count < outputs {
            a += stride(1); b += stride(2)
            m = min(a.count, b.count)
            a = Array(a[..<m]); b = Array(b[..<m])
        }
        // Step 3: all pairs (i, i+offset) for offset = 2, 3, … while out > count > offset.
        var offset = 2
        while outputs > a.count, a.count > offset {
            if offset < inputs {
                a += x[..<(inputs - offset)]
                b += x[offset...]
            }
            offset += 1
        }
        // Step 4: fail if there are still too few pairs.
        guard a.count >= outputs else {
            throw .notEnoughUniquePairs(inputs: inputs, outputs: outputs, available: a.count)
        }
        return (Array(a[..<outputs]), Array(b[..<outputs]))
    }

    /// `unique`: the enumerated pairs with one random permutation of the neuron order.
    public static func unique(
        inputs: Int, outputs: Int, using rng: inout SeededGenerator
    ) throws(LogicLayerError) -> (a: [Int], b: [Int]) {
        let (a, b) = try uniquePairsBeforeShuffle(inputs: inputs, outputs: outputs)
        let perm = rng.permutation(outputs)
        return (perm.map { a[$0] }, perm.map { b[$0] })
    }

    public static func make(
        _ scheme: ConnectionScheme, inputs: Int, outputs: Int, using rng: inout SeededGenerator
    ) throws(LogicLayerError) -> (a: [Int], b: [Int]) {
        switch scheme {
        case .random: try random(inputs: inputs, outputs: outputs, using: &rng)
        case .unique: try unique(inputs: inputs, outputs: outputs, using: &rng)
        }
    }
}
