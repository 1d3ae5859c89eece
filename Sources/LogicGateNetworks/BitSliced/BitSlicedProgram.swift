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

    var instructions: [Instruction] = []
    var groups: [Group] = []
    /// Slot of every input feature: input i is slot 1 + i.
    var inputSlots: [Int32] = []
    /// The output phase: per class, a range of `outputGroups` whose instructions write the class's
    /// non-constant outputs to buffer slots `bufferSlot ..< bufferSlot + classSizes[c]`, and the
    /// number of its outputs that are constant 1.
    var outputGroups: [Group] = []
    var classGroups: [Range<Int>] = []
    var classSizes: [Int] = []
    var bufferSlot: Int32 = 0
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

        // Output-only nodes: gates that no live gate reads and exactly one GroupSum output does.
        // They are not scheduled by level but in the output phase, class by class, each writing
        // into a per-class buffer that GroupSum's carry-save adder reads while it is still in L1
        // (the last layer fused with GroupSum). Every other output is copied into the buffer.
        let k = network.classes, groupSize = previous.count / k
        var readByGate = [Bool](repeating: false, count: total)
        var outputReferences = [Int](repeating: 0, count: total)
        for id in inputCount..<total where live[id] {
            let n = nodes[id - inputCount]
            if n.x >= 0 { readByGate[n.x] = true }
            if n.y >= 0 { readByGate[n.y] = true }
        }
        for lit in previous where !lit.isConstant { outputReferences[lit.node] += 1 }
        var outputOnly = [Bool](repeating: false, count: total)
        for id in inputCount..<total where live[id] && !readByGate[id] && outputReferences[id] == 1 { outputOnly[id] = true }

        // Evaluation order: level by level (a level reads only earlier levels). Within a level the
        // instructions are sorted by (op, slot of A, slot of B), so each op group is one loop whose
        // first operand streams through memory in address order, and destinations are handed out
        // in ascending slot order. A value's slot is released after the last level that reads it.
        let maxLevel = level.max() ?? 0
        var byLevel = [[Int]](repeating: [], count: maxLevel + 1)
        for id in inputCount..<total where live[id] && !outputOnly[id] { byLevel[level[id]].append(id) }
        let never = Int.max
        var lastUseLevel = [Int](repeating: -1, count: total)
        for id in inputCount..<total where live[id] {
            let n = nodes[id - inputCount]
            let use = outputOnly[id] ? never : level[id]  // the output phase runs after every level
            lastUseLevel[n.x] = max(lastUseLevel[n.x], use)
            lastUseLevel[n.y] = max(lastUseLevel[n.y], use)
        }
        for lit in previous where !lit.isConstant && !outputOnly[lit.node] { lastUseLevel[lit.node] = never }
        var releaseAfter = [[Int]](repeating: [], count: maxLevel + 1)
        for id in 0..<total where (live[id] || id < inputCount) && !outputOnly[id] {
            let u = lastUseLevel[id]
            if u == -1 { releaseAfter[id < inputCount ? 0 : level[id]].append(id) }  // nothing reads it
            else if u != never { releaseAfter[u].append(id) }
        }

        var slotOf = [Int32](repeating: -1, count: total)
        var free: [Int32] = []
        var next: Int32 = 1  // slot 0 is scratch
        func allocate() -> Int32 {
            if let s = free.popLast() { return s }
            defer { next += 1 }
            return next
        }
        // Input i lives in slot 1 + i, so packing writes to computed addresses.
        inputSlots = (0..<inputCount).map { Int32(1 + $0) }
        for i in 0..<inputCount { slotOf[i] = allocate() }
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
                Self.emit(op: n.op, a: slotOf[n.x], b: slotOf[n.y], d: d, instructions: &instructions, cost: &bitwiseOpCount, into: &groups)
            }
            for dead in releaseAfter[L] { free.append(slotOf[dead]) }
            if L == 1 { for dead in releaseAfter[0] { free.append(slotOf[dead]) } }
        }

        // The output phase: per class, its outputs' instructions (sorted by op and operands) write
        // buffer words 0 ..< n_c; a negated output uses the complement op (15 − op).
        bufferSlot = next
        classConstantOnes = Array(repeating: 0, count: k)
        var largest = 0
        for c in 0..<k {
            var items: [(op: UInt8, a: Int32, b: Int32)] = []
            for u in c * groupSize..<(c + 1) * groupSize {
                let lit = previous[u]
                if lit.isConstant {
                    if lit.negated { classConstantOnes[c] += 1 }
                } else if outputOnly[lit.node] {
                    let n = nodes[lit.node - inputCount]
                    items.append((lit.negated ? 15 - n.op : n.op, slotOf[n.x], slotOf[n.y]))
                } else {
                    let s = slotOf[lit.node]
                    items.append((lit.negated ? LogicGate.notA.rawValue : LogicGate.a.rawValue, s, s))
                }
            }
            items.sort { ($0.op, $0.a, $0.b) < ($1.op, $1.a, $1.b) }
            let first = outputGroups.count
            for (i, item) in items.enumerated() {
                Self.emit(op: item.op, a: item.a, b: item.b, d: bufferSlot + Int32(i), instructions: &instructions, cost: &bitwiseOpCount, into: &outputGroups, from: first)
            }
            classGroups.append(first..<outputGroups.count)
            classSizes.append(items.count)
            largest = max(largest, items.count)
        }
        slotCount = Int(next) + largest
        scratchSlot = 0
    }

    /// Appends one instruction, extending the last group of `list` when it has the same op and
    /// its index is at least `first` (each class's output groups start afresh).
    private static func emit(
        op: UInt8, a: Int32, b: Int32, d: Int32, instructions: inout [Instruction], cost: inout Int,
        into list: inout [Group], from first: Int = 0
    ) {
        let pos = instructions.count
        instructions.append(Instruction(a: a, b: b, d: d))
        cost += plainOpCost[Int(op)]
        if list.count > first, let last = list.last, last.op == op, last.range.upperBound == pos {
            list[list.count - 1].range = last.range.lowerBound..<(pos + 1)
        } else {
            list.append(Group(op: op, range: pos..<(pos + 1)))
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
