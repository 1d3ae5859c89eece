import Foundation
import Testing
@testable import Fixtures

/// Gzip reading (FixtureFiles), against gzip streams built by hand in TestSupport.
@Suite struct GzipTests {
    @Test func gunzipsAStreamWrittenIndependently() throws {
        // > 64 KiB so the reader loops over several output chunks and stored blocks.
        let payload = (0..<200_000).map { UInt8(truncatingIfNeeded: $0 &* 31 &+ $0 >> 7) }
        #expect(try FixtureFiles.gunzip(storedGzip(payload)) == payload)
        #expect(try FixtureFiles.gunzip(storedGzip([])) == [])
    }

    @Test func concatenatedMembersAreJoined() throws {
        let a = Array("hello ".utf8), b = Array("world".utf8)
        #expect(try FixtureFiles.gunzip(storedGzip(a) + storedGzip(b)) == a + b)
    }

    @Test func corruptAndTruncatedStreamsAreErrors() {
        var corrupt = storedGzip(Array("some model text".utf8))
        corrupt[corrupt.count - 6] ^= 0xFF  // CRC
        #expect(throws: FixtureFiles.GzipError.self) { try FixtureFiles.gunzip(corrupt) }
        let truncated = Array(storedGzip(Array(repeating: 7, count: 1000)).prefix(500))
        #expect(throws: FixtureFiles.GzipError.self) { try FixtureFiles.gunzip(truncated) }
    }

    @Test func readJSONHandlesPlainAndGzippedFiles() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let text = #"{"format": "logic-gate-network/1", "input_bits": 2}"#
        let plain = try write(text, to: "m.json", in: dir)
        let gz = try write(bytes: storedGzip(Array(text.utf8)), to: "m.json.gz", in: dir)
        let loc = FixtureLocation(file: "test")
        let a = try FixtureFiles.readJSON(URL(fileURLWithPath: plain), location: loc)
        let b = try FixtureFiles.readJSON(URL(fileURLWithPath: gz), location: loc)
        #expect(a == b)
        #expect(a["input_bits"] == .integer(2))
        try write(bytes: Array(storedGzip(Array(text.utf8)).prefix(20)), to: "bad.json.gz", in: dir)
        #expect(throws: FixtureError.self) {
            try FixtureFiles.readJSON(dir.appendingPathComponent("bad.json.gz"), location: loc)
        }
        #expect(throws: FixtureError.self) {
            try FixtureFiles.readJSON(dir.appendingPathComponent("missing.json.gz"), location: loc)
        }
    }

    @Test func gzippedFixtureFileIsChecked() throws {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        let path = try write(bytes: storedGzip(Array(IndependentFixtureTests.tv1.utf8)), to: "tv1.json.gz", in: dir)
        let r = FixtureChecker().check(file: path)
        #expect(r.passed, "\(r.reportLines())")
    }
}
