import Foundation

extension FixtureChecker {
    /// The project's `fixtures/` directory, for `relax verify` on built-in defaults: the first
    /// `fixtures/` beside a `Package.swift` in the current directory or one of its parents, else
    /// the one of the source tree this module was built from (found from `#filePath`), else `nil`.
    public static func projectFixturesDirectory(
        startingAt start: String = FileManager.default.currentDirectoryPath
    ) -> String? {
        var isDirectory: ObjCBool = false
        func candidate(_ root: URL) -> String? {
            let fixtures = root.appendingPathComponent("fixtures")
            guard FileManager.default.fileExists(atPath: root.appendingPathComponent("Package.swift").path),
                  FileManager.default.fileExists(atPath: fixtures.path, isDirectory: &isDirectory),
                  isDirectory.boolValue else { return nil }
            return fixtures.path
        }
        var url = URL(fileURLWithPath: start).standardizedFileURL
        while true {
            if let found = candidate(url) { return found }
            let parent = url.deletingLastPathComponent()
            if parent.path == url.path { break }
            url = parent
        }
        // Sources/Fixtures/Checker/<this file> → repository root.
        let root = URL(fileURLWithPath: #filePath)
            .deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent().deletingLastPathComponent()
        return candidate(root)
    }

    /// Checks the project's fixtures (``projectFixturesDirectory(startingAt:)``) with every
    /// implementation; the summary is empty (and `allPassed` false) if none is found.
    public static func checkProjectFixtures(implementation: String? = nil) -> FixtureSummary {
        guard let directory = projectFixturesDirectory() else {
            var summary = FixtureSummary()
            summary.malformedFiles = 1
            summary.failures = ["no fixtures/ directory found (run from the repository, or pass the files to relax check)"]
            return summary
        }
        return FixtureChecker(implementation: implementation).checkDirectory(directory)
    }
}
