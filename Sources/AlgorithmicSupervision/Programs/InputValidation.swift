extension AlgorithmProgram {
    /// Checks inputs before any run (both implementations call this): every input present,
    /// of the right rank, non-empty, finite, one batch size; positive shortest-path costs;
    /// matching alphabets for edit distance; cotangents shaped like their outputs.
    public func validate(_ inputs: [String: Batched<Double>], cotangents: [String: [Double]],
                         parameters: AlgorithmParameters) throws(AlgorithmError) -> Int {
        try parameters.validate()
        var batch: Int? = nil
        for (name, rank) in zip(self.inputs, inputRanks) {
            guard let x = inputs[name] else { throw .undeclaredVariable(name) }
            guard x.shape.count == rank else {
                throw .shapeMismatch(operation: "input \(name) of \(rawValue) (rank \(rank), batch first)", expected: Array(repeating: 0, count: rank), found: x.shape)
            }
            guard x.shape.reduce(1, *) == x.values.count else { throw .ragged(what: "input \(name): shape \(x.shape) but \(x.values.count) values") }
            guard x.shape.allSatisfy({ $0 > 0 }) else { throw .empty(what: "input \(name) has shape \(x.shape)") }
            if let k = x.values.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(input: name, index: k) }
            if let b = batch, b != x.shape[0] { throw .ragged(what: "input \(name) has batch \(x.shape[0]), expected \(b)") }
            batch = x.shape[0]
        }
        switch self {
        case .shortestPath:
            if let k = inputs["cost"]!.values.firstIndex(where: { $0 <= 0 }) {
                throw .nonPositiveCost(index: k, value: inputs["cost"]!.values[k])
            }
        case .editDistance:
            let (a, b) = (inputs["a"]!, inputs["b"]!)
            guard a.shape[2] == b.shape[2] else { throw .ragged(what: "a has \(a.shape[2]) letters, b has \(b.shape[2])") }
        default: break
        }
        for (name, g) in cotangents {
            guard outputs.contains(name) else { throw .undeclaredVariable("cotangent_\(name)") }
            if let k = g.firstIndex(where: { !$0.isFinite }) { throw .nonFinite(input: "cotangent_\(name)", index: k) }
            let expected = outputShape(name, inputs)
            guard g.count == expected.reduce(1, *) else { throw .shapeMismatch(operation: "cotangent_\(name)", expected: expected, found: [g.count]) }
        }
        return batch!
    }

    /// The shape of output `name` for these (valid) inputs.
    public func outputShape(_ name: String, _ inputs: [String: Batched<Double>]) -> [Int] {
        switch (self, name) {
        case (.bubbleSort, "array"): inputs["array"]!.shape
        case (.bubbleSort, _): [inputs["array"]!.shape[0]]
        case (.shortestPath, _): inputs["cost"]!.shape
        case (.editDistance, _): [inputs["a"]!.shape[0]]
        case (.counter, _): inputs["start"]!.shape
        }
    }
}
