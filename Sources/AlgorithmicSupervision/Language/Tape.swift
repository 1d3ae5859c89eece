import RealModule

/// The reverse-mode record of one program run: every differentiable operation appends a node
/// with its parents and its vector–Jacobian product. Gradients are obtained by one reverse
/// sweep (``gradients(seeds:)``).
///
/// Teaching code: a plain dynamic tape, generic over any field, so the very same operations
/// run on exact rationals in `Proofs/`.
public final class Tape<T: AlgebraicField & Comparable> {
    struct Node {
        var parents: [Int]
        /// Maps the gradient of the node's output to one gradient per parent (same order).
        var backward: ([T]) -> [[T]]
        var count: Int
    }

    private(set) var nodes: [Node] = []

    public init() {}

    /// Number of recorded operations.
    public var count: Int { nodes.count }

    /// Drops every node (and with them the closures that refer back to this tape's tensors).
    func release() { nodes.removeAll() }

    /// Appends a node and returns its id.
    func record(parents: [Int], count: Int, backward: @escaping ([T]) -> [[T]]) -> Int {
        nodes.append(Node(parents: parents, backward: backward, count: count))
        return nodes.count - 1
    }

    /// The reverse sweep: given seed gradients of some nodes, returns the gradient of every
    /// node that the seeds depend on (absent = zero).
    public func gradients(seeds: [(node: Int, gradient: [T])]) -> [Int: [T]] {
        var grads: [[T]?] = Array(repeating: nil, count: nodes.count)
        for (node, g) in seeds { accumulate(&grads, node, g) }
        for id in stride(from: nodes.count - 1, through: 0, by: -1) {
            guard let g = grads[id], !nodes[id].parents.isEmpty else { continue }
            let parentGrads = nodes[id].backward(g)
            for (parent, pg) in zip(nodes[id].parents, parentGrads) { accumulate(&grads, parent, pg) }
        }
        var result: [Int: [T]] = [:]
        for (id, g) in grads.enumerated() { if let g { result[id] = g } }
        return result
    }

    private func accumulate(_ grads: inout [[T]?], _ node: Int, _ g: [T]) {
        if var existing = grads[node] {
            grads[node] = nil
            for k in existing.indices { existing[k] += g[k] }
            grads[node] = existing
        } else {
            grads[node] = g
        }
    }
}
