/// The compiled form of a hard network that ``BitSlicedLogicNetwork`` interprets: a list of
/// word-wide bitwise instructions over a register file of slots, grouped by op so that every
/// group is one tight, branch-free loop (arXiv 2210.08277).
///
/// Two compilation modes:
/// * plain — one instruction per gate with the gate's own 16-way op (0–2 bitwise ops);
/// * simplified (`eliminateDeadGates`) — complement tracking (every unit is a slot plus a
///   "negated" flag, so every gate becomes one of AND, ¬x∧y, OR, XOR: ≤ 1 op), constant
///   propagation, pass-through/NOT aliasing, common-subexpression merging, and removal of every
///   gate that no GroupSum output depends on.
///
/// In both modes, a slot is reused once no later level reads its value (allocation level by
/// level), so the working set is about two layer widths, not the whole network.
struct BitSlicedProgram: Sendable {
    struct Instruction: Sendable {
        var a: Int32
        var b: Int32
        var d: Int32
    }

    /// A group of instructions with the same op; ops are gate ids 0…15 applied to (slot a, slot b).
    struct Group: Sendable {
        var op: UInt8
        var range: Range<Int>
    }

    /// An output unit as seen by GroupSum.
    struct OutputLiteral: Sendable {
        var slot: Int32
        var negated: Bool
    }

    var instructions: [Instruction] = []
    var groups: [Group] = []
    /// Slot of every input feature, or `scratchSlot` when no output depends on it.
    var inputSlots: [Int32] = []
    /// Per class: the non-constant output units and how many outputs are constant 1.
    var classOutputs: [[OutputLiteral]] = []
    var classConstantOnes: [Int] = []
    var slotCount = 0
    /// A slot that dead inputs are written to and nothing reads.
    var scratchSlot: Int32 = 0
    /// Number of gate instructions actually executed per word (for reporting).
    var gateInstructionCount: Int { instructions.count }
    /// Number of logic ops per word of the emitted instructions.
    var bitwiseOpCount = 0
}

extension BitSlicedProgram {
    /// A value during compilation: a node (input or gate) with a complement flag, or a constant.
    fileprivate struct Literal: Hashable {
        static let constantNode = -1
        var node: Int
        var negated: Bool
        static func constant(_ v: Bool) -> Literal { Literal(node: constantNode, negated: v) }
        var isConstant: Bool { node == Literal.constantNode }
        func negate(_ n: Bool) -> Literal { Literal(node: node, negated: negated != n) }
    }

    fileprivate struct Node: Hashable {
        var op: UInt8
        var x: Int
        var y: Int
    }

    /// Ops per word of each gate id in the plain mapping (x86 without BMI1 / AVX-512).
    static let plainOpCost: [Int] = [0, 1, 2, 0, 2, 0, 1, 1, 2, 2, 1, 2, 1, 2, 2, 0]

    init(_ network: HardLogicGateNetwork, simplify: Bool) {
        let inputCount = network.inputBits
        var nodes: [Node] = []  // gate nodes; node id = inputCount + index
        var level: [Int] = Array(repeating: 0, count: inputCount)
        var memo: [Node: Int] = [:]

        func addNode(_ n: Node) -> Int {
            if simplify, let existing = memo[n] { return existing }
            let id = inputCount + nodes.count
            nodes.append(n)
            level.append(max(n.x < 0 ? 0 : level[n.x], n.y < 0 ? 0 : level[n.y]) + 1)
            if simplify { memo[n] = id }
            return id
        }

        var previous: [Literal] = (0..<inputCount).map { Literal(node: $0, negated: false) }
        for layer in network.layers {
            var current: [Literal] = []
            current.reserveCapacity(layer.width)
            for j in 0..<layer.width {
                let gate = layer.gates[j]
                let A = previous[layer.a[j]], B = previous[layer.b[j]]
                if simplify {
                    current.append(Self.simplified(gate, A, B, addNode))
                } else {
                    current.append(Literal(node: addNode(Node(op: gate.rawValue, x: A.node, y: B.node)), negated: false))
                }
            }
            previous = current
        }

        // Liveness: with simplification only nodes some output depends on are kept.
        let total = inputCount + nodes.count
        var live = [Bool](repeating: !simplify, count: total)
        if simplify {
            for lit in previous where !lit.isConstant { live[lit.node] = true }
            for id in stride(from: total - 1, through: inputCount, by: -1) where live[id] {
                let n = nodes[id - inputCount]
                if n.x >= 0 { live[n.x] = true }
                if n.y >= 0 { live[n.y] = true }
            }
        }

        // Evaluation order: level by level (a level reads only earlier levels). Within a level the
        // instructions are sorted by (op, slot of A, slot of B), so each op group is one loop whose
        // first operand streams through memory in address order, and destinations are handed out
        // in ascending slot order. A value's slot is released after the last level that reads it.
        let maxLevel = level.max() ?? 0
        var byLevel = [[Int]](repeating: [], count: maxLevel + 1)
        for id in inputCount..<total where live[id] { byLevel[level[id]].append(id) }
        var lastUseLevel = [Int](repeating: -1, count: total)
        for id in inputCount..<total where live[id] {
            let n = nodes[id - inputCount]
            lastUseLevel[n.x] = max(lastUseLevel[n.x], level[id])
            lastUseLevel[n.y] = max(lastUseLevel[n.y], level[id])
        }
        for lit in previous where !lit.isConstant { lastUseLevel[lit.node] = Int.max }
        var releaseAfter = [[Int]](repeating: [], count: maxLevel + 1)
        for id in 0..<total where live[id] {
            let u = lastUseLevel[id]
            if u == -1, id >= inputCount { releaseAfter[level[id]].append(id) }  // nothing reads it (plain mode)
            else if u >= 0, u != Int.max { releaseAfter[u].append(id) }
        }

        var slotOf = [Int32](repeating: -1, count: total)
        var free: [Int32] = []
        var next: Int32 = 1  // slot 0 is scratch
        func allocate() -> Int32 {
            if let s = free.popLast() { return s }
            defer { next += 1 }
            return next
        }
        inputSlots = [Int32](repeating: 0, count: inputCount)
        for i in 0..<inputCount where live[i] && lastUseLevel[i] >= 0 {
            slotOf[i] = allocate()
            inputSlots[i] = slotOf[i]
        }
        for L in 1..<max(1, maxLevel + 1) {
            let ids = byLevel[L].sorted { p, q in
                let np = nodes[p - inputCount], nq = nodes[q - inputCount]
                return (np.op, slotOf[np.x], slotOf[np.y], p) < (nq.op, slotOf[nq.x], slotOf[nq.y], q)
            }
            free.sort(by: >)
            for id in ids {
                let n = nodes[id - inputCount]
                let d = allocate()
                slotOf[id] = d
                let pos = instructions.count
                instructions.append(Instruction(a: slotOf[n.x], b: slotOf[n.y], d: d))
                bitwiseOpCount += Self.plainOpCost[Int(n.op)]
                if let last = groups.last, last.op == n.op, last.range.upperBound == pos {
                    groups[groups.count - 1].range = last.range.lowerBound..<(pos + 1)
                } else {
                    groups.append(Group(op: n.op, range: pos..<(pos + 1)))
                }
            }
            for dead in releaseAfter[L] { free.append(slotOf[dead]) }
            if L == 1 { for dead in releaseAfter[0] { free.append(slotOf[dead]) } }
        }
        slotCount = Int(next)
        scratchSlot = 0

        let k = network.classes, group = previous.count / k
        classOutputs = Array(repeating: [], count: k)
        classConstantOnes = Array(repeating: 0, count: k)
        for (u, lit) in previous.enumerated() {
            if lit.isConstant {
                if lit.negated { classConstantOnes[u / group] += 1 }
            } else {
                classOutputs[u / group].append(OutputLiteral(slot: slotOf[lit.node], negated: lit.negated))
            }
        }
    }

    /// Complement tracking + constant propagation for one gate.
    fileprivate static func simplified(
        _ gate: LogicGate, _ A: Literal, _ B: Literal, _ addNode: (Node) -> Int
    ) -> Literal {
        func f(_ a: Bool, _ b: Bool) -> Bool { gate(a, b) }
        // A unary function h of literal L's node with h(0), h(1).
        func unary(_ node: Int, _ h0: Bool, _ h1: Bool) -> Literal {
            if h0 == h1 { return .constant(h0) }
            return Literal(node: node, negated: h0)
        }
        switch (A.isConstant, B.isConstant) {
        case (true, true): return .constant(f(A.negated, B.negated))
        case (true, false):
            return unary(B.node, f(A.negated, B.negated), f(A.negated, !B.negated))
        case (false, true):
            return unary(A.node, f(A.negated, B.negated), f(!A.negated, B.negated))
        case (false, false):
            if A.node == B.node {
                return unary(A.node, f(A.negated, B.negated), f(!A.negated, !B.negated))
            }
        }
        // g(x, y) = f(x ⊕ na, y ⊕ nb) over the underlying nodes; its id from the four corners.
        let g = (f(A.negated, B.negated) ? 8 : 0) | (f(A.negated, !B.negated) ? 4 : 0)
            | (f(!A.negated, B.negated) ? 2 : 0) | (f(!A.negated, !B.negated) ? 1 : 0)
        let x = A.node, y = B.node
        func commutative(_ op: LogicGate) -> Int { addNode(Node(op: op.rawValue, x: min(x, y), y: max(x, y))) }
        switch g {
        case 0: return .constant(false)
        case 15: return .constant(true)
        case 3: return Literal(node: x, negated: false)
        case 12: return Literal(node: x, negated: true)
        case 5: return Literal(node: y, negated: false)
        case 10: return Literal(node: y, negated: true)
        case 1: return Literal(node: commutative(.and), negated: false)
        case 14: return Literal(node: commutative(.and), negated: true)
        case 7: return Literal(node: commutative(.or), negated: false)
        case 8: return Literal(node: commutative(.or), negated: true)
        case 6: return Literal(node: commutative(.xor), negated: false)
        case 9: return Literal(node: commutative(.xor), negated: true)
        case 4: return Literal(node: addNode(Node(op: LogicGate.notImpliedBy.rawValue, x: x, y: y)), negated: false)  // ¬x ∧ y
        case 11: return Literal(node: addNode(Node(op: LogicGate.notImpliedBy.rawValue, x: x, y: y)), negated: true)
        case 2: return Literal(node: addNode(Node(op: LogicGate.notImpliedBy.rawValue, x: y, y: x)), negated: false)  // x ∧ ¬y
        default: return Literal(node: addNode(Node(op: LogicGate.notImpliedBy.rawValue, x: y, y: x)), negated: true)  // 13
        }
    }
}
