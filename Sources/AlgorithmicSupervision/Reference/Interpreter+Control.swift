import RealModule

extension Interpreter {
    /// Relaxed `If` (arXiv 2110.05651, §3.2): with `p = cond(S)`,
    /// `S′ = p·S_true + (1 − p)·S_false` for every real variable, both branches started from
    /// `S`. A branch runs only if some row takes it with probability > ε (else it contributes
    /// `S` unchanged). Hard mode blends with `1[p > ½]`. Hard integers must agree.
    mutating func branch(_ c: Condition<T>, _ t: [Statement<T>], _ f: [Statement<T>],
                         _ h: Hyperparameters<T>, _ s: State<T>) throws -> State<T> {
        let p = try c.probability(s)
        let epsilon = h.epsilon ?? 0
        guard p.shape.first == s.batch else {
            throw AlgorithmError.shapeMismatch(operation: "If condition", expected: [s.batch], found: p.shape)
        }
        var sTrue = s, sFalse = s
        if !t.isEmpty, p.values.contains(where: { $0 > epsilon }) { sTrue = try run(t, s) }
        if !f.isEmpty, p.values.contains(where: { 1 - $0 > epsilon }) { sFalse = try run(f, s) }
        for (name, a) in sTrue.integers {
            let b = sFalse.integers[name]
            guard b == a else {
                throw AlgorithmError.integerChangedInRelaxedBranch(variable: name, trueBranch: a, falseBranch: b ?? 0)
            }
        }
        let w: Tensor<T>
        if h.hard ?? false {
            let half = T(exactly: 1)! / T(exactly: 2)!
            w = .constant(p.values.map { $0 > half ? 1 : 0 }, shape: p.shape, on: s.tape)
        } else {
            w = p
        }
        var merged = s
        // Names in sorted order, not the dictionary's: the order in which nodes join the tape
        // fixes the order of the gradient sums, so a run is reproducible bit for bit.
        for (name, vTrue) in sTrue.tensors.sorted(by: { $0.key < $1.key }) {
            let vFalse = sFalse.tensors[name]!
            guard vTrue.shape.starts(with: w.shape) else {
                throw AlgorithmError.shapeMismatch(operation: "If merge of \(name) (probability has more axes)", expected: vTrue.shape, found: w.shape)
            }
            merged.tensors[name] = try blend(w, vTrue, vFalse)
        }
        return merged
    }

    /// Relaxed `While` (arXiv 2110.05651, §3.3): the expectation over the number of
    /// iterations. With `c_t = cond(S_t)`, `S_{t+1} = body(S_t)`, `P_0 = c_0`,
    /// `P_{t+1} = P_t·c_{t+1}`, the result is
    /// `(1 − P_0)·S_0 + Σ_{t≥1} (P_{t−1} − P_t)·S_t + P_T·S_T` (tail mass to the last state),
    /// iterating while some row has `P_t > ε` and `t < max_iter`. Hard integers come from the
    /// last state.
    mutating func loop(_ c: Condition<T>, _ body: [Statement<T>], _ h: Hyperparameters<T>, _ s0: State<T>) throws -> State<T> {
        let epsilon = h.epsilon ?? 0
        let maxIterations = h.maxIterations ?? 1024
        var s = s0
        var P = try c.probability(s)
        var acc: [String: Tensor<T>] = [:]
        // Sorted names: a reproducible tape order (see `If`).
        for (name, v) in s.tensors.sorted(by: { $0.key < $1.key }) { acc[name] = try blendWeight(1 - P, v) }
        var t = 0
        while P.values.contains(where: { $0 > epsilon }), t < maxIterations {
            s = try run(body, s)
            let next = try P * c.probability(s)
            let w = try P - next
            for (name, v) in s.tensors.sorted(by: { $0.key < $1.key }) { acc[name] = try acc[name]! + blendWeight(w, v) }
            P = next
            t += 1
        }
        for (name, v) in s.tensors.sorted(by: { $0.key < $1.key }) { acc[name] = try acc[name]! + blendWeight(P, v) }
        let remaining = P.values.max().map(toDouble) ?? 0
        reports.append(WhileReport(iterations: t, remainingMass: remaining,
                                   reachedMaxIterations: t == maxIterations && P.values.contains(where: { $0 > epsilon })))
        var out = s
        out.tensors = acc
        return out
    }

    /// `w·v` with `w` broadcast along `v`'s trailing axes.
    func blendWeight(_ w: Tensor<T>, _ v: Tensor<T>) throws -> Tensor<T> {
        guard v.shape.starts(with: w.shape) else {
            throw AlgorithmError.shapeMismatch(operation: "While accumulation (probability has more axes)", expected: v.shape, found: w.shape)
        }
        return try w * v
    }
}

extension Program {
    /// Runs the program on `inputs` (name → batched values, batch first) and, for the given
    /// output cotangents, returns the input gradients `∂(Σ cotangent·output)/∂input` by one
    /// reverse sweep. `strictLoops` turns a `While` that reaches `max_iter` into
    /// ``AlgorithmError/whileReachedMaxIterations(maxIterations:remainingMass:)``.
    public func run(_ inputs: [String: Batched<T>], cotangents: [String: [T]] = [:], strictLoops: Bool = false,
                    toDouble: @escaping (T) -> Double = { _ in .nan }) throws -> ProgramRun<T> where T: Sendable {
        try run(inputs, cotangents: cotangents, strictLoops: strictLoops, toDouble: toDouble, on: Tape<T>())
    }

    /// ``run(_:cotangents:strictLoops:toDouble:)`` recording on `tape`. The tape's nodes hold
    /// closures that hold tensors that hold the tape: a reference cycle, so the run releases the
    /// nodes when it ends (otherwise every run would leak its whole tape).
    func run(_ inputs: [String: Batched<T>], cotangents: [String: [T]], strictLoops: Bool,
             toDouble: @escaping (T) -> Double, on tape: Tape<T>) throws -> ProgramRun<T> where T: Sendable {
        defer { tape.release() }
        guard let first = inputs[self.inputs[0]] else { throw AlgorithmError.undeclaredVariable(self.inputs[0]) }
        guard let batch = first.shape.first, batch > 0, !first.values.isEmpty else { throw AlgorithmError.empty(what: "input \(self.inputs[0])") }
        var tensors: [String: Tensor<T>] = [:]
        for name in self.inputs {
            guard let x = inputs[name] else { throw AlgorithmError.undeclaredVariable(name) }
            guard x.shape.first == batch else { throw AlgorithmError.ragged(what: "input \(name) has batch \(x.shape.first ?? 0), \(self.inputs[0]) has \(batch)") }
            guard x.shape.reduce(1, *) == x.values.count else { throw AlgorithmError.ragged(what: "input \(name): shape \(x.shape) vs \(x.values.count) values") }
            tensors[name] = .leaf(x.values, shape: x.shape, on: tape)
        }
        var state = State(tensors: tensors, integers: [:], batch: batch, tape: tape, hard: hyperparameters.hard ?? false)
        for (name, initializer) in variables {
            switch initializer {
            case .constant(let v, let shape): state.tensors[name] = state.repeated(v, shape: shape)
            case .constantFunction(let f):
                let (v, shape) = try f(state)
                state.tensors[name] = state.repeated(v, shape: shape)
            case .function(let f): state.tensors[name] = try f(state)
            }
        }
        for (name, f) in integers { state.integers[name] = try f(state) }
        var interpreter = Interpreter<T>(toDouble: toDouble)
        state = try interpreter.run(statements, state)
        if strictLoops, let r = interpreter.reports.first(where: \.reachedMaxIterations) {
            throw AlgorithmError.whileReachedMaxIterations(maxIterations: r.iterations, remainingMass: r.remainingMass)
        }
        var outputs: [String: Batched<T>] = [:]
        var seeds: [(node: Int, gradient: [T])] = []
        for name in self.outputs {
            let v = try state[name]
            outputs[name] = Batched(shape: v.shape, values: v.values)
            if let g = cotangents[name] {
                guard g.count == v.count else { throw AlgorithmError.shapeMismatch(operation: "cotangent_\(name)", expected: v.shape, found: [g.count]) }
                if let node = v.node { seeds.append((node, g)) }
            }
        }
        var gradients: [String: Batched<T>] = [:]
        if !cotangents.isEmpty {
            let grads = tape.gradients(seeds: seeds)
            for name in self.inputs {
                let x = tensors[name]!
                gradients[name] = Batched(shape: x.shape, values: grads[x.node!] ?? Array(repeating: 0, count: x.count))
            }
        }
        return ProgramRun(outputs: outputs, gradients: gradients, whileReports: interpreter.reports)
    }
}
