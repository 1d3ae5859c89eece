import ArgumentParser
import Foundation
import SortingNetworks
import TopK

/// `relax topk bench`: loss + gradient of one batch (default n = 1000, K = 5, batch 64), one
/// thread, for every sorter; optionally runs the authors' package through
/// `fixtures/generate/topk_bench_difftopk.py` with a given Python and prints the ratios.
struct TopKBenchCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(commandName: "bench", abstract: "Time loss + gradient for every sorter (one thread).")

    @Option var n = 1000
    @Option var k = 5
    @Option var batch = 64
    @Option(help: "Timed repetitions (the minimum is reported).")
    var repeats = 5
    @Option(help: "float32 or float64.")
    var dtype = "float32"
    @Option(help: "Python with difftopk + torch: also time the authors' package (sparse methods via an index_add stand-in for torch-sparse).")
    var difftopkPython: String?
    @Option(help: "Only sorters whose name contains this text (e.g. splitter).")
    var only: String?
    @Option(help: "Batch for the authors' dense bitonic (its memory is O(B·n²) per layer); its time is scaled linearly to --batch.")
    var denseBatch = 2

    struct Row { let name: String; let comparators: Int; let seconds: Double; let authorsKey: String? }

    /// CPU time of this thread in seconds: robust against other processes on a shared machine
    /// (wall-clock time would count the time the thread waits for a core).
    static func threadSeconds() -> Double {
        var ts = timespec()
        clock_gettime(CLOCK_THREAD_CPUTIME_ID, &ts)
        return Double(ts.tv_sec) + Double(ts.tv_nsec) / 1e9
    }

    /// Minimum thread-CPU seconds of `repeats` runs after one warm-up (the run least disturbed by
    /// other processes on a shared machine).
    func time(_ body: () throws -> Void) rethrows -> Double {
        var samples: [Double] = []
        try body()  // warm-up
        for _ in 0..<repeats {
            let start = Self.threadSeconds()
            try body()
            samples.append(Self.threadSeconds() - start)
        }
        return samples.min()!
    }

    func benchmark<T: SortScalar>(_: T.Type) throws -> [Row] {
        var rng = SplitMix64(seed: 7)
        let logits = (0..<(n * batch)).map { _ in T(Double(rng.next() >> 11) / Double(1 << 53) * 6 - 3) }
        let labels = (0..<batch).map { _ in Int(rng.next() % UInt64(n)) }
        let pK = try TopKDistribution([0.5] + [Double](repeating: 0, count: max(k - 2, 0)) + (k >= 2 ? [0.5] : []))
        var rows: [Row] = []
        let avx2 = SIMDRelaxedSorter.InstructionSet.avx2FMA
        let variants: [(String, TopKMethod, SortingNetwork.Construction, Bool, String?, SIMDRelaxedSorter.InstructionSet)] = [
            ("bitonic (valid), full network", .bitonic, .valid, false, nil, .baseline),
            ("bitonic (valid), pruned cone", .bitonic, .valid, true, nil, .baseline),
            ("bitonic (valid), pruned cone, avx2-fma", .bitonic, .valid, true, nil, avx2),
            ("bitonic (authors), full network", .bitonic, .authors, false, "bitonic", .baseline),
            ("bitonic (authors), pruned cone", .bitonic, .authors, true, "bitonic", .baseline),
            ("bitonic (authors), pruned cone, avx2-fma", .bitonic, .authors, true, "bitonic", avx2),
            ("splitter selection, full", .splitterSelection, .valid, false, "splitter_selection", .baseline),
            ("splitter selection, pruned", .splitterSelection, .valid, true, "splitter_selection", .baseline),
            ("splitter selection, pruned, avx2-fma", .splitterSelection, .valid, true, "splitter_selection", avx2),
            ("odd-even, pruned", .oddEven, .valid, true, nil, .baseline),
            ("NeuralSort (top-K slots)", .neuralSort, .valid, true, "neuralsort", .baseline),
            ("SoftSort (top-K slots)", .softSort, .valid, true, "softsort", .baseline),
        ]
        for (name, method, construction, pruned, key, isa) in variants where only.map({ name.contains($0) }) ?? true {
            let cfg = TopKConfiguration(method: method, construction: construction, family: .cauchy, steepness: 1,
                                        distribution: pK, top1Mode: .sm, pruned: pruned)
            let loss = try SIMDTopKLoss(n: n, configuration: cfg, instructionSet: isa)
            let seconds = try time { _ = try loss.evaluate(logits: logits, labels: labels) as TopKLossResult<T> }
            rows.append(Row(name: name, comparators: loss.network?.comparatorCount ?? 0, seconds: seconds, authorsKey: key))
            print(String(format: "  %-40@ %8.2f ms", name as NSString, seconds * 1e3))
        }
        if only != nil { return rows }
        let svm = try SmoothTopKSVM(n: n, k: k, tau: 1, variant: .smoothHard)
        let svmSeconds = try time { _ = try svm.evaluate(logits: logits, labels: labels) as (loss: T, gradLogits: [T]) }
        rows.append(Row(name: "smooth top-k SVM (baseline)", comparators: 0, seconds: svmSeconds, authorsKey: nil))
        let ref = try ReferenceTopKLoss(n: n, configuration: TopKConfiguration(method: .bitonic, family: .cauchy, steepness: 1, distribution: pK))
        let refSeconds = try time { _ = try ref.evaluate(logits: Array(logits.prefix(n * 8)), labels: Array(labels.prefix(8))) as TopKLossResult<T> }
        rows.append(Row(name: "reference bitonic (valid), ×\(batch)/8", comparators: ref.network?.comparatorCount ?? 0,
                        seconds: refSeconds * Double(batch) / 8, authorsKey: nil))
        return rows
    }

    func runAuthors(python: String, arguments: [String]) -> [String: Double] {
        let process = Process()
        process.executableURL = URL(fileURLWithPath: python)
        process.arguments = ["fixtures/generate/topk_bench_difftopk.py", "--n", "\(n)", "--k", "\(k)", "--dtype", dtype, "--repeat", "2"] + arguments
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = FileHandle.nullDevice
        do { try process.run() } catch {
            print("  could not run \(python): \(error)")
            return [:]
        }
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        var result: [String: Double] = [:]
        for line in String(decoding: data, as: UTF8.self).split(separator: "\n") {
            let parts = line.split(separator: "\t")
            guard parts.count == 4, let b = Int(parts[1].dropFirst(6)), let s = Double(parts[3].split(separator: " ")[0]) else { continue }
            result[String(parts[0])] = s * Double(batch) / Double(b)
        }
        return result
    }

    func run() async throws {
        guard n >= 2, k >= 1, k < n, batch >= 1, repeats >= 1 else { throw ValidationError("need n ≥ 2, 1 ≤ k < n, batch ≥ 1, repeats ≥ 1") }
        print("relax topk bench: loss + gradient, n = \(n), K = \(k), batch \(batch), \(dtype), one thread, cauchy, steepness 1, mode sm, minimum thread-CPU time of \(repeats)")
        let rows: [Row]
        switch dtype {
        case "float32": rows = try benchmark(Float.self)
        case "float64": rows = try benchmark(Double.self)
        default: throw ValidationError("dtype: float32 | float64")
        }
        var authors: [String: Double] = [:]
        if let python = difftopkPython {
            print("timing the authors' difftopk (this takes minutes)…")
            authors = runAuthors(python: python, arguments: ["--batch", "\(batch)", "--methods", "bitonic", "splitter_selection", "neuralsort", "softsort"])
            authors.merge(runAuthors(python: python, arguments: ["--batch", "\(denseBatch)", "--methods", "bitonic__non_sparse"])) { a, _ in a }
        }
        print("")
        print("| sorter | comparators | ms / batch | difftopk ms / batch | speed-up |")
        print("|---|---:|---:|---:|---:|")
        for row in rows {
            let theirs = row.authorsKey.flatMap { authors[$0] }
            let dense = row.authorsKey == "bitonic" ? authors["bitonic__non_sparse"] : nil
            let tag = row.authorsKey == "bitonic" || row.authorsKey == "splitter_selection" ? " (sparse*)" : ""
            var cells = theirs.map { String(format: "%.1f%@", $0 * 1e3, tag as NSString) } ?? "—"
            var ratio = theirs.map { String(format: "%.0f×", $0 / row.seconds) } ?? "—"
            if let dense {
                cells += String(format: "; %.0f (dense)", dense * 1e3)
                ratio += String(format: "; %.0f× vs dense", dense / row.seconds)
            }
            print("| \(row.name) | \(row.comparators) | \(String(format: "%.2f", row.seconds * 1e3)) | \(cells) | \(ratio) |")
        }
        if !authors.isEmpty {
            print("* sparse: the authors' sparse path with torch_sparse.spmm replaced by an index_add stand-in (torch-sparse not installed);")
            print("  dense: bitonic__non_sparse measured at batch \(denseBatch) and scaled linearly to \(batch).")
        }
    }
}
