import Fixtures
import Foundation
import Testing

/// The built `relax` tool as a user runs it: exit statuses of `prove sigmoid` and
/// `fixtures template`. The tool is the `relax` product next to the test binary (`swift test`
/// builds every product); its absence fails the tests.
@Suite(.timeLimit(.minutes(2))) struct ToolExitCodeTests {
    /// `relax` next to the running test binary.
    static var tool: URL {
        URL(fileURLWithPath: CommandLine.arguments[0]).resolvingSymlinksInPath().deletingLastPathComponent().appendingPathComponent("relax")
    }

    /// Runs `relax arguments…` in `directory` (default: a fresh temporary directory, so nothing
    /// depends on the working directory being the repository).
    static func relax(_ arguments: [String], in directory: URL? = nil) throws -> (status: Int32, output: String) {
        guard FileManager.default.isExecutableFile(atPath: tool.path) else {
            Issue.record("the relax tool was not found at \(tool.path); build it with `swift build`")
            return (-1, "")
        }
        let cwd = try directory ?? temporaryDirectory()
        let process = Process()
        process.executableURL = tool
        process.arguments = arguments
        process.currentDirectoryURL = cwd
        let pipe = Pipe()
        process.standardOutput = pipe
        process.standardError = pipe
        try process.run()
        let data = pipe.fileHandleForReading.readDataToEndOfFile()
        process.waitUntilExit()
        return (process.terminationStatus, String(decoding: data, as: UTF8.self))
    }

    static func temporaryDirectory() throws -> URL {
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("relax-tool-\(UUID().uuidString)")
        try FileManager.default.createDirectory(at: url, withIntermediateDirectories: true)
        return url
    }

    @Test func proveSigmoidExitsZeroOnlyWhenEveryCertificateIsProved() throws {
        let proved = try Self.relax(["prove", "sigmoid", "--piece", "u < 0: 1/(2 - u)", "--piece", "u >= 0: 1 - 1/(2 + u)"])
        #expect(proved.status == 0, "\(proved.output)")
        #expect(proved.output.contains("custom.sigmoid.custom PROVED"), "\(proved.output)")
        // The reciprocal family with its denominator squared: not a sigmoid (refuted).
        let refuted = try Self.relax(["prove", "sigmoid", "--piece", "u < 0: (u/(2 - u)^2 + 1)/2", "--piece", "u >= 0: (u/(2 + u)^2 + 1)/2"])
        #expect(refuted.status == 1, "\(refuted.output)")
        #expect(refuted.output.contains("custom.sigmoid.custom REFUTED"), "\(refuted.output)")
        let malformed = try Self.relax(["prove", "sigmoid", "--piece", "u < 0: 1/(2 - "])
        #expect(malformed.status != 0 && malformed.output.contains("syntax error"), "\(malformed.output)")
        let noFamily = try Self.relax(["prove", "sigmoid"])
        #expect(noFamily.status != 0, "\(noFamily.output)")
    }

    @Test func fixturesTemplateExitStatusAndContent() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let bad = try Self.relax(["fixtures", "template", "--method", "no-such-method", "--out", directory.path])
        #expect(bad.status != 0 && bad.output.contains("unknown method"), "\(bad.output)")
        let good = try Self.relax(["fixtures", "template", "--method", "sort", "--seed", "5", "--out", directory.path])
        #expect(good.status == 0, "\(good.output)")
        // The file the tool wrote is exactly the library's template for the same options (the
        // conformance-kit tests fill that template and check it with every implementation).
        let written = try JSONValue.parse(Array(Data(contentsOf: directory.appendingPathComponent("sort-template.json"))))
        let library = try FixtureTemplates.document(method: "sort", options: TemplateOptions(seed: 5))
        #expect(written == library)
        #expect((written["cases"]?.arrayValue?.count ?? 0) > 0)
        // An unfilled template is not a fixture: `relax check` says so and exits non-zero.
        let check = try Self.relax(["check", directory.appendingPathComponent("sort-template.json").path])
        #expect(check.status != 0 && check.output.contains("template without expected values"), "\(check.output)")
    }

    /// The bundled datasets are package resources: the training commands work from a directory
    /// that is not the repository (a fresh temporary one).
    @Test func trainingCommandsFindTheBundledDatasetsFromAnyDirectory() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        let logic = try Self.relax(["logic", "train", "--width", "100", "--depth", "1", "--steps", "2", "--output", "model.json"], in: directory)
        #expect(logic.status == 0 && logic.output.contains("dataset digits: 1347 train / 450 test, 192 input bits"), "\(logic.output)")
        #expect(FileManager.default.fileExists(atPath: directory.appendingPathComponent("model.json").path))
        let sort = try Self.relax(["algo", "train-sort", "--steps", "2", "--batch", "2", "--test-sets", "5"], in: directory)
        #expect(sort.status == 0 && sort.output.contains("digits, 1347 train / 450 test images"), "\(sort.output)")
        let unknown = try Self.relax(["logic", "train", "--dataset", "no-such-data", "--steps", "1"], in: directory)
        #expect(unknown.status != 0, "\(unknown.output)")
    }

    /// `relax algo run --csv --cotangent array=FILE` prints the gradient; a bad cotangent file is a
    /// non-zero exit naming the file and the line.
    @Test func algoRunTakesCotangentsWithCSVInput() throws {
        let directory = try Self.temporaryDirectory()
        defer { try? FileManager.default.removeItem(at: directory) }
        try "3,1,2\n".write(to: directory.appendingPathComponent("in.csv"), atomically: true, encoding: .utf8)
        try "1,0,0\n".write(to: directory.appendingPathComponent("ct.csv"), atomically: true, encoding: .utf8)
        try "1,x,0\n".write(to: directory.appendingPathComponent("bad.csv"), atomically: true, encoding: .utf8)
        let good = try Self.relax(["algo", "run", "--program", "bubble_sort", "--csv", "--cotangent", "array=ct.csv", "in.csv"], in: directory)
        #expect(good.status == 0 && good.output.contains("\"grad_array\""), "\(good.output)")
        let without = try Self.relax(["algo", "run", "--program", "bubble_sort", "--csv", "in.csv"], in: directory)
        #expect(without.status == 0 && !without.output.contains("grad_array"), "\(without.output)")
        let bad = try Self.relax(["algo", "run", "--program", "bubble_sort", "--csv", "--cotangent", "array=bad.csv", "in.csv"], in: directory)
        #expect(bad.status != 0 && bad.output.contains("bad.csv") && bad.output.contains("line 1, column 2"), "\(bad.output)")
        let unknown = try Self.relax(["algo", "run", "--program", "bubble_sort", "--csv", "--cotangent", "sorted=ct.csv", "in.csv"], in: directory)
        #expect(unknown.status != 0 && unknown.output.contains("not an output"), "\(unknown.output)")
        // The input limits of every reading command apply: file size, batch.
        let big = try Self.relax(["algo", "run", "--program", "bubble_sort", "--csv", "--max-decompressed-bytes", "4", "in.csv"], in: directory)
        #expect(big.status != 0 && big.output.contains("in.csv"), "\(big.output)")
        try "3,1,2\n1,2,3\n".write(to: directory.appendingPathComponent("two.csv"), atomically: true, encoding: .utf8)
        let batch = try Self.relax(["algo", "run", "--program", "bubble_sort", "--csv", "--max-batch", "1", "two.csv"], in: directory)
        #expect(batch.status != 0 && batch.output.contains("--max-batch"), "\(batch.output)")
    }
}
