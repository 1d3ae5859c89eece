import ArgumentParser
import Fixtures
import Foundation

/// `relax check FILE…` — evaluates `relaxations-fixture/1` files with the project's
/// implementations and compares with the expected values.
struct CheckCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "check",
        abstract: "Check fixture files of the relaxations-fixture/1 contract against every implementation.",
        discussion: """
            Each FILE is a fixture (JSON) or a directory, searched recursively for *.json fixtures \
            (JSON files that are not fixtures, such as model files, are skipped there). Side files \
            ({"npy": …}, {"file": …}) are resolved relative to the fixture file. Prints, per case \
            and implementation, the max abs / rel error of every compared key and PASS/FAIL; exits \
            non-zero on any mismatch or malformed file.
            Methods: \(FixtureRegistry.methods.map { $0.name }.joined(separator: ", ")).
            """)

    @Argument(help: "Fixture files or directories.")
    var files: [String]

    @Option(help: "reference, optimized or all.")
    var implementation: String = "all"

    @Flag(help: "Print only failing cases and the summary.")
    var quiet = false

    @Option(help: "Also write a JUnit XML report to this file (one test case per fixture case × implementation).")
    var junit: String?

    @OptionGroup var limits: LimitOptions

    func validate() throws {
        if files.isEmpty { throw ValidationError("give at least one fixture file") }
    }

    func run() async throws {
        limits.apply()
        let checker = FixtureChecker(implementation: implementation == "all" ? nil : implementation)
        var summary = FixtureSummary()
        var isDirectory: ObjCBool = false
        for path in files {
            if FileManager.default.fileExists(atPath: path, isDirectory: &isDirectory), isDirectory.boolValue {
                let sub = checker.checkDirectory(path)
                for r in sub.results { print(r, quiet: quiet) }
                summary.merge(sub)
            } else {
                let r = checker.check(file: path)
                print(r, quiet: quiet)
                summary.merge(r)
            }
        }
        let worst = summary.worstToleranceRatio.isFinite
            ? String(format: "%.3g of the tolerance", summary.worstToleranceRatio) : "\(summary.worstToleranceRatio)"
        Swift.print("""
            \(summary.allPassed ? "PASS" : "FAIL"): \(summary.files) file(s), \(summary.cases) case(s); \
            \(summary.passed) case×implementation evaluation(s) passed, \(summary.failed) failed, \
            \(summary.malformedFiles) malformed file(s); worst abs error \(String(format: "%.2e", summary.worstAbsError)), \
            worst rel error \(String(format: "%.2e", summary.worstRelError)), worst use \(worst)
            """)
        if let junit {
            do {
                try summary.junitXML().write(toFile: junit, atomically: true, encoding: .utf8)
            } catch {
                throw ValidationError("cannot write the JUnit report to \(junit): \(error)")
            }
        }
        guard summary.allPassed else { throw ExitCode(1) }
    }

    private func print(_ r: FileResult, quiet: Bool) {
        let lines = r.reportLines()
        if !quiet || r.passed == false {
            for line in lines where !quiet || !line.hasPrefix("  PASS") { Swift.print(line) }
        }
    }
}
