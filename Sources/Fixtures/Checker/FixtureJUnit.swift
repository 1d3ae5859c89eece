import Foundation

/// JUnit XML for `relax check --junit FILE`: one `<testsuite>` per fixture file and one
/// `<testcase>` per fixture case × implementation, so that another project's CI shows the numeric
/// equivalence checks in its test view. A malformed file is one failing test case.
extension FixtureSummary {
    public func junitXML(suiteName: String = "relax check") -> String {
        func escape(_ s: String) -> String {
            var out = ""
            for c in s.unicodeScalars {
                switch c {
                case "&": out += "&amp;"
                case "<": out += "&lt;"
                case ">": out += "&gt;"
                case "\"": out += "&quot;"
                case "'": out += "&apos;"
                case _ where c.value < 0x20 && c != "\n" && c != "\t": out += " "
                default: out.unicodeScalars.append(c)
                }
            }
            return out
        }
        var suites: [String] = []
        var totalTests = 0, totalFailures = 0
        for file in results {
            var cases: [String] = []
            var failures = 0
            let className = escape(file.method.map { "\($0).\(file.file)" } ?? file.file)
            if let error = file.error {
                failures += 1
                cases.append("""
                    <testcase classname="\(className)" name="file"><failure message="\(escape("\(error)"))">\(escape("\(error)"))</failure></testcase>
                """)
            }
            for r in file.results {
                let name = escape("\(r.caseName) [\(r.implementation)]")
                if r.passed {
                    cases.append("    <testcase classname=\"\(className)\" name=\"\(name)\"/>")
                } else {
                    failures += 1
                    var details = r.comparisons.filter { !$0.passed }.map { "key \($0.key): \($0.mismatchDescription)" }
                    if let e = r.error { details.insert("\(e)", at: 0) }
                    if r.comparisons.isEmpty && r.error == nil { details.append("no key compared") }
                    let message = escape(details.first ?? "failed")
                    cases.append("    <testcase classname=\"\(className)\" name=\"\(name)\"><failure message=\"\(message)\">\(escape(details.joined(separator: "\n")))</failure></testcase>")
                }
            }
            totalTests += cases.count
            totalFailures += failures
            suites.append("  <testsuite name=\"\(escape(file.file))\" tests=\"\(cases.count)\" failures=\"\(failures)\">\n" + cases.joined(separator: "\n") + "\n  </testsuite>")
        }
        return "<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n<testsuites name=\"\(escape(suiteName))\" tests=\"\(totalTests)\" failures=\"\(totalFailures)\">\n"
            + suites.joined(separator: "\n") + "\n</testsuites>\n"
    }
}
