/// Cotangents from CSV text (`relax algo run --cotangent NAME=FILE`), so that CSV input can ask
/// for gradients as JSON input does with its `cotangent_NAME` keys.
///
/// The layout is the output's own, its last axis along a line: `array` of bubble sort is one
/// batch row per line, `path` of shortest path one grid row per line (batch 1, as its CSV input),
/// and the batch-shaped outputs (`loss_sum`, `distance`, `x`) are one value per line. Blank lines
/// and `#` comments are skipped. The values are returned in row-major order; whether their count
/// fits the output is checked with the program's inputs
/// (``AlgorithmProgram/validate(_:cotangents:parameters:)`` names `cotangent_NAME` if not).
extension AlgorithmCSV {
    public static func cotangent(_ text: String, output: String, of program: AlgorithmProgram) throws(AlgorithmCSVError) -> [Double] {
        guard let k = program.outputs.firstIndex(of: output) else { throw .unknownOutput(output, known: program.outputs) }
        return try numbers(table(text, width: program.outputRanks[k] == 1 ? 1 : nil))
    }
}
