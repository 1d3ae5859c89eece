import Foundation
import FuzzHarness
import Testing

/// Replays every committed fuzz seed (`Fuzz/corpus/<target>/`) and every regression seed — each
/// crash the fuzzer ever found (`Fuzz/regressions/<target>/`) — through the very entry points
/// the fuzzer runs: each must end in a valid result or a typed error with a message.
@Suite struct CorpusReplayTests {
    static let fuzzDirectory = URL(fileURLWithPath: #filePath)
        .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        .appendingPathComponent("Fuzz")

    static func seeds(_ folder: String, _ target: FuzzTarget) -> [URL] {
        let dir = fuzzDirectory.appendingPathComponent(folder).appendingPathComponent(target.rawValue)
        let names = (try? FileManager.default.contentsOfDirectory(atPath: dir.path)) ?? []
        return names.filter { !$0.hasPrefix(".") }.sorted().map { dir.appendingPathComponent($0) }
    }

    @Test(arguments: FuzzTarget.allCases)
    func corpusSeeds(_ target: FuzzTarget) throws {
        let files = Self.seeds("corpus", target)
        #expect(files.count >= 1, "Fuzz/corpus/\(target.rawValue) has no seeds")
        for file in files {
            let outcome = target.run([UInt8](try Data(contentsOf: file)))
            if case .invalid(let message) = outcome { Issue.record("\(target.rawValue)/\(file.lastPathComponent): \(message)") }
        }
    }

    @Test(arguments: FuzzTarget.allCases)
    func regressionSeeds(_ target: FuzzTarget) throws {
        for file in Self.seeds("regressions", target) {
            let outcome = target.run([UInt8](try Data(contentsOf: file)))
            if case .invalid(let message) = outcome { Issue.record("\(target.rawValue)/\(file.lastPathComponent): \(message)") }
        }
    }

    /// The `algo-csv` seeds reach the programs: each is accepted (parsed and run by every
    /// implementation), one seed per program, with and without a cotangent.
    @Test func algoCSVSeedsRunEveryProgram() throws {
        let dir = Self.fuzzDirectory.appendingPathComponent("corpus/algo-csv")
        for name in ["bubble-sort", "bubble-sort-cotangent", "shortest-path", "shortest-path-cotangent", "edit-distance", "counter"] {
            let outcome = FuzzTarget.algoCSV.run([UInt8](try Data(contentsOf: dir.appendingPathComponent(name))))
            #expect(outcome == .accepted, "\(name): \(outcome)")
        }
    }

    /// The seeds that stand for the issue's reproducers give the typed error they should.
    @Test func reproducerSeedsAreRefused() throws {
        let zeroRows = try Data(contentsOf: Self.fuzzDirectory.appendingPathComponent("corpus/npy/zero-rows-huge"))
        guard case .rejected(let m) = FuzzTarget.npy.run([UInt8](zeroRows)) else { Issue.record("shape (0, 10^14) accepted"); return }
        #expect(m.contains("--max-elements"))
        let gate = try Data(contentsOf: Self.fuzzDirectory.appendingPathComponent("corpus/logic-model/gate-2.0.json"))
        guard case .rejected(let g) = FuzzTarget.logicModel.run([UInt8](gate)) else { Issue.record("gate id 2.0 accepted"); return }
        #expect(g.contains("must be an integer"))
    }
}
