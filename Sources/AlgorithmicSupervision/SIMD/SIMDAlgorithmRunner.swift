/// The optimized implementation (see the files of this directory for goals and bounds).
public struct SIMDAlgorithmRunner: RelaxedAlgorithmRunner {
    public init() {}

    public func run(_ program: AlgorithmProgram, inputs: [String: Batched<Double>], cotangents: [String: [Double]],
                    parameters: AlgorithmParameters) throws -> AlgorithmResult {
        _ = try program.validate(inputs, cotangents: cotangents, parameters: parameters)
        throw AlgorithmError.unsupported("SIMD \(program.rawValue) not written yet")
    }
}
