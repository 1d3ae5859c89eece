import AlgorithmicSupervision
import ArgumentParser
import Fixtures
import Foundation
import InputLimits

/// `relax algo` — relaxed algorithms (algorithmic supervision, arXiv 2110.05651).
struct AlgoCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "algo",
        abstract: "Relaxed algorithms (algorithmic supervision): run a program with gradients, train a sorter, benchmark.",
        subcommands: [AlgoRunCommand.self, AlgoTrainSortCommand.self, AlgoBenchCommand.self],
        defaultSubcommand: AlgoRunCommand.self)
}

/// Program parameters shared by the subcommands (defaults: the authors' package).
struct AlgoOptions: ParsableArguments {
    @Option(help: "Program: bubble_sort, shortest_path, edit_distance, counter.")
    var program: String = "bubble_sort"
    @Option(help: "Inverse temperature β of conditions and soft minima.")
    var beta: Double = 10
    @Option(help: "ε of the batch-wide If skip and While stop.")
    var epsilon: Double = 1e-5
    @Option(help: "max_iter of every While.")
    var maxIter: Int = 1024
    @Flag(help: "Hard mode: If selects, soft minima are hard (the plain algorithm).")
    var hard = false
    @Option(help: "Shortest path: Bellman–Ford sweeps and For traceback steps (default H + W).")
    var iterations: Int?
    @Option(help: "Shortest path t-conorm: probabilistic, hamacher, yager.")
    var tconorm: String = "probabilistic"
    @Option(help: "Hamacher q (default 1); Yager p (must be 1).")
    var tconormParameter: Double?
    @Option(help: "Shortest path traceback: for, while.")
    var traceback: String = "for"
    @Option(help: "Shortest path: the 'infinity' padding.")
    var infinity: Double = 1e12
    @Option(help: "Counter: the loop bound.")
    var limit: Double = 5

    func parameters() throws -> (AlgorithmProgram, AlgorithmParameters) {
        var p = AlgorithmParameters()
        p.beta = beta
        p.epsilon = epsilon
        p.maxIterations = maxIter
        p.hard = hard
        p.iterations = iterations
        p.tconorm = try TConorm.named(tconorm)
        p.tconormParameter = tconormParameter
        p.traceback = try Traceback.named(traceback)
        p.infinity = infinity
        p.limit = limit
        try p.validate()
        return (try AlgorithmProgram.named(program), p)
    }
}

/// `relax algo run`: outputs and gradients of a shipped program.
struct AlgoRunCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "run",
        abstract: "Run a relaxed program on JSON or CSV input; print outputs and gradients.",
        discussion: """
        JSON input: an object with the program's inputs (batch first) and optional cotangents, e.g.
          {"array": [[3, 1, 2]], "cotangent_array": [[1, 0, 0]]}            (bubble_sort)
          {"cost": [[[1, 5], [1, 1]]], "cotangent_path": [[[0, 0], [0, 1]]]} (shortest_path)
          {"a": [[[0.9, 0.1]]], "b": [[[0.2, 0.8]]]}                          (edit_distance)
          {"start": [0, 0.5]}                                                 (counter)
        CSV input (--csv): bubble_sort, one batch row per line; counter, one start per line;
        shortest_path, one cost grid (batch 1). Without cotangents no gradient is computed.
        Cotangents for either input: --cotangent NAME=FILE, a CSV in the output's layout (its last
        axis along a line; batch-shaped outputs one value per line), e.g.
          printf '3,1,2\n' | relax algo run --program bubble_sort --csv --cotangent array=ct.csv
        """)

    @OptionGroup var options: AlgoOptions
    @Option(help: "reference, optimized or optimized-avx2.")
    var implementation: String = "optimized"
    @Flag(help: "Read CSV instead of JSON.")
    var csv = false
    @Option(name: .customLong("cotangent"), help: ArgumentHelp("Cotangent of an output from a CSV file (repeatable).", valueName: "NAME=FILE"))
    var cotangentFiles: [String] = []
    @Flag(help: "Fail (exit 1) if a While reaches max_iter instead of reporting it.")
    var strict = false
    @OptionGroup var limits: LimitOptions
    @Argument(help: "Input file (default: stdin).")
    var file: String?

    func run() async throws {
        limits.apply()
        let (program, parameters) = try options.parameters()
        guard let impl = AlgorithmImplementation(rawValue: implementation) else { throw ValidationError("implementation: " + AlgorithmImplementation.allCases.map(\.rawValue).joined(separator: " | ")) }
        let data = Data(try file.map { try InputFile.read($0) } ?? InputFile.readStandardInput())
        var (inputs, cotangents) = csv ? try AlgoInput.csv(data, program) : try AlgoInput.json(data, program, file: file ?? "stdin")
        for spec in cotangentFiles {
            let (name, values) = try AlgoInput.cotangentCSV(spec, program)
            guard cotangents[name] == nil else { throw ValidationError("cotangent of \"\(name)\" given twice") }
            cotangents[name] = values
        }
        for (name, x) in inputs {
            try Limits.current.check(.batch, x.shape.first ?? 0, "batch of \(name)")
            try Limits.current.check(.arrayElements, x.values.count, "elements of \(name)")
        }
        let r = try impl.runner.run(program, inputs: inputs, cotangents: cotangents, parameters: parameters)
        if strict, let loop = r.whileReports.first(where: \.reachedMaxIterations) {
            throw AlgorithmError.whileReachedMaxIterations(maxIterations: loop.iterations, remainingMass: loop.remainingMass)
        }
        var lines: [String] = []
        for name in program.outputs { lines.append("  \"\(name)\": \(AlgoInput.encode(r.outputs[name]!))") }
        for name in program.inputs where r.gradients[name] != nil { lines.append("  \"grad_\(name)\": \(AlgoInput.encode(r.gradients[name]!))") }
        let loops = r.whileReports.map { "{\"iterations\": \($0.iterations), \"remaining_mass\": \($0.remainingMass), \"reached_max_iter\": \($0.reachedMaxIterations)}" }
        lines.append("  \"while\": [\(loops.joined(separator: ", "))]")
        print("{\n" + lines.joined(separator: ",\n") + "\n}")
        for loop in r.whileReports where loop.reachedMaxIterations {
            FileHandle.standardError.write(Data("warning: a While reached max_iter = \(loop.iterations); mass \(loop.remainingMass) went to its last state\n".utf8))
        }
    }
}

/// Reading program inputs and writing nested arrays.
enum AlgoInput {
    static func json(_ data: Data, _ program: AlgorithmProgram, file: String) throws -> ([String: Batched<Double>], [String: [Double]]) {
        let value = try JSONValue.parse([UInt8](data))
        guard let object = value.objectValue else { throw ValidationError("input must be a JSON object with keys \(program.inputs)") }
        var inputs: [String: Batched<Double>] = [:], cotangents: [String: [Double]] = [:]
        for key in object.keys where !program.inputs.contains(key) && !program.outputs.contains(where: { "cotangent_" + $0 == key }) {
            throw ValidationError("unknown key \"\(key)\" (expected \(program.inputs + program.outputs.map { "cotangent_" + $0 }))")
        }
        for name in program.inputs {
            guard let v = object[name] else { throw ValidationError("missing input \"\(name)\"") }
            let t = try FixtureTensor.from(v, at: FixtureLocation(file: file, key: name), relativeTo: URL(fileURLWithPath: "."))
            inputs[name] = Batched(shape: t.shape, values: t.values)
        }
        for name in program.outputs {
            guard let v = object["cotangent_" + name] else { continue }
            cotangents[name] = try FixtureTensor.from(v, at: FixtureLocation(file: file, key: "cotangent_" + name), relativeTo: URL(fileURLWithPath: ".")).values
        }
        return (inputs, cotangents)
    }

    /// CSV input (`AlgorithmCSV`: one batch row, grid row or word pair per line); its cotangents
    /// come from `--cotangent NAME=FILE`.
    static func csv(_ data: Data, _ program: AlgorithmProgram) throws -> ([String: Batched<Double>], [String: [Double]]) {
        (try AlgorithmCSV.parse(String(decoding: data, as: UTF8.self), program: program).inputs, [:])
    }

    /// `NAME=FILE` of `--cotangent`: the output's name and its cotangent read from the CSV file.
    static func cotangentCSV(_ spec: String, _ program: AlgorithmProgram) throws -> (String, [Double]) {
        guard let eq = spec.firstIndex(of: "="), eq != spec.startIndex, spec.index(after: eq) != spec.endIndex else {
            throw ValidationError("--cotangent expects NAME=FILE, got \"\(spec)\"")
        }
        let (name, path) = (String(spec[..<eq]), String(spec[spec.index(after: eq)...]))
        let bytes = try InputFile.read(path)
        do {
            return (name, try AlgorithmCSV.cotangent(String(decoding: bytes, as: UTF8.self), output: name, of: program))
        } catch {
            throw ValidationError("\(path): \(error)")
        }
    }

    /// Nested JSON arrays of `x` (shortest round-trip decimals).
    static func encode(_ x: Batched<Double>) -> String {
        func level(_ axis: Int, _ offset: Int) -> String {
            if axis == x.shape.count { return number(x.values[offset]) }
            let stride = x.shape.dropFirst(axis + 1).reduce(1, *)
            return "[" + (0..<x.shape[axis]).map { level(axis + 1, offset + $0 * stride) }.joined(separator: ", ") + "]"
        }
        return level(0, 0)
    }

    static func number(_ v: Double) -> String {
        v.isNaN ? "\"NaN\"" : v.isInfinite ? (v > 0 ? "\"Infinity\"" : "\"-Infinity\"") : "\(v)"
    }
}
