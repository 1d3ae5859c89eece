import RealModule

/// The reference implementation: builds the shipped program in the relaxed-program language
/// (``RelaxedPrograms``) and runs it with the reference interpreter, reverse mode by tape.
public struct ReferenceAlgorithmRunner: RelaxedAlgorithmRunner {
    public init() {}

    /// The program as written in the language, in `Double`.
    public func program(_ program: AlgorithmProgram, inputs: [String: Batched<Double>], parameters p: AlgorithmParameters) throws -> Program<Double> {
        let h = RelaxedPrograms.Hyper(beta: p.beta, epsilon: p.epsilon, maxIterations: p.maxIterations, hard: p.hard)
        switch program {
        case .bubbleSort: return try RelaxedPrograms.bubbleSort(h)
        case .counter: return try RelaxedPrograms.counter(h, limit: p.limit)
        case .editDistance: return try RelaxedPrograms.editDistance(h)
        case .shortestPath:
            let shape = inputs["cost"]!.shape
            return try RelaxedPrograms.shortestPath(
                h, iterations: p.iterations ?? (shape[1] + shape[2]), tconorm: p.tconorm,
                tconormParameter: p.hamacherQ, traceback: p.traceback, infinity: p.infinity)
        }
    }

    public func run(_ program: AlgorithmProgram, inputs: [String: Batched<Double>], cotangents: [String: [Double]],
                    parameters: AlgorithmParameters) throws -> AlgorithmResult {
        _ = try program.validate(inputs, cotangents: cotangents, parameters: parameters)
        let p = try self.program(program, inputs: inputs, parameters: parameters)
        let r = try p.run(inputs, cotangents: cotangents, toDouble: { $0 })
        return AlgorithmResult(outputs: r.outputs, gradients: r.gradients, whileReports: r.whileReports)
    }
}
