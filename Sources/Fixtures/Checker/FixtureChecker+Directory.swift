import Foundation

extension FixtureChecker {
    /// Checks every fixture file under `directory` (recursively, `*.json`, sorted by path).
    ///
    /// JSON files that are not fixtures are skipped and listed: a top-level `format` that does
    /// not start with `relaxations-fixture` (e.g. a `logic-gate-network/1` model referenced by a
    /// fixture), or neither `format` nor `cases`, or an unfilled template (``isTemplate(_:)``). A fixture with a wrong contract version
    /// (`relaxations-fixture/2`) is *not* skipped: it fails.
    public func checkDirectory(_ directory: String) -> FixtureSummary {
        var summary = FixtureSummary()
        let root = URL(fileURLWithPath: directory)
        guard let enumerator = FileManager.default.enumerator(atPath: root.path) else {
            summary.malformedFiles += 1
            summary.failures.append("\(directory): cannot list the directory")
            return summary
        }
        var paths: [String] = []
        while let relative = enumerator.nextObject() as? String {
            if relative.hasSuffix(".json") { paths.append(relative) }
        }
        for relative in paths.sorted() {
            let url = root.appendingPathComponent(relative)
            let display = (directory as NSString).appendingPathComponent(relative)
            let location = FixtureLocation(file: display)
            let document: JSONValue
            do {
                document = try JSONValue.parse(try FixtureFiles.read(url, location: location))
            } catch let e as FixtureError {
                summary.merge(FileResult(file: display, method: nil, caseCount: 0, results: [], error: e))
                continue
            } catch let e as JSONParseError {
                summary.merge(FileResult(file: display, method: nil, caseCount: 0, results: [], error: .malformedJSON(location, e)))
                continue
            } catch {
                continue
            }
            guard Self.isFixtureDocument(document) else {
                summary.skippedFiles.append(display)
                continue
            }
            summary.merge(check(document: document, file: display, directory: url.deletingLastPathComponent()))
        }
        return summary
    }

    /// Whether a document is an unfilled `relax fixtures template` (a `template` key and no case
    /// with `expected`): directory checks skip it, a single-file check reports it.
    public static func isTemplate(_ document: JSONValue) -> Bool {
        guard document["template"] != nil, let cases = document["cases"]?.arrayValue else { return false }
        return cases.allSatisfy { $0["expected"] == nil }
    }

    /// Whether a parsed JSON document is meant as a fixture (see ``checkDirectory(_:)``).
    public static func isFixtureDocument(_ document: JSONValue) -> Bool {
        guard let top = document.objectValue else { return false }
        if isTemplate(document) { return false }
        if let format = top["format"] {
            guard let s = format.stringValue else { return true }
            return s.hasPrefix("relaxations-fixture")
        }
        return top["cases"] != nil
    }
}

extension FileResult {
    /// Human-readable report: one line per case and implementation with the max abs/rel error
    /// per compared key and PASS/FAIL, and every error with its file/case/key.
    public func reportLines() -> [String] {
        var lines: [String] = []
        let header = "\(file)" + (method.map { " (method \($0), \(caseCount) case\(caseCount == 1 ? "" : "s"))" } ?? "")
        lines.append(header)
        if let error {
            lines.append("  FAIL \(error)")
            return lines
        }
        let nameWidth = min(40, results.map(\.caseName.count).max() ?? 0)
        let implWidth = results.map(\.implementation.count).max() ?? 0
        for r in results {
            let name = r.caseName.padding(toLength: max(nameWidth, r.caseName.count), withPad: " ", startingAt: 0)
            let impl = r.implementation.padding(toLength: implWidth, withPad: " ", startingAt: 0)
            var line = "  \(r.passed ? "PASS" : "FAIL") \(name)  \(impl)"
            for k in r.comparisons {
                if k.exact {
                    line += "  \(k.key): \(k.passed ? "exact" : "\(k.mismatches) differ")"
                } else {
                    line += "  \(k.key): abs \(Self.format(k.maxAbsError)) rel \(Self.format(k.maxRelError))"
                }
            }
            if !r.notCompared.isEmpty { line += "  (not compared: \(r.notCompared.joined(separator: ", ")))" }
            lines.append(line)
            if let e = r.error { lines.append("       \(e)") }
            for k in r.comparisons where !k.passed {
                lines.append("       key \(k.key): \(k.mismatchDescription) (tolerance abs \(Self.format(r.tolerance.abs)), rel \(Self.format(r.tolerance.rel)))")
            }
        }
        return lines
    }

    static func format(_ x: Double) -> String {
        x.isFinite ? String(format: "%.2e", x) : "\(x)"
    }
}
