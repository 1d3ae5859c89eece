import Foundation
import Testing
@testable import Fixtures

@Suite struct JSONParserTests {
    @Test func integersAreExactAndDistinctFromFloats() throws {
        let v = try JSONValue.parse(#"[9007199254740993, -3, 1.0, 1e2, 0.1, -0.0, "NaN", "Infinity", "-Infinity"]"#)
        let a = try #require(v.arrayValue)
        #expect(a[0] == .integer(9_007_199_254_740_993))
        #expect(a[1] == .integer(-3))
        #expect(a[2] == .number(1.0))
        #expect(a[3] == .number(100))
        #expect(a[4] == .number(0.1))
        #expect(a[5].doubleValue?.sign == .minus)
        #expect(a[6].doubleValue?.isNaN == true)
        #expect(a[7].doubleValue == .infinity && a[8].doubleValue == -.infinity)
    }

    @Test func shortestRoundTripDecimalsAreExact() throws {
        for x in [0.1, 1.0 / 3.0, 2.2250738585072014e-308, Double.leastNonzeroMagnitude, 1.7976931348623157e308, -0.30000000000000004] {
            #expect(try JSONValue.parse("\(x)") == .number(x))
        }
    }

    @Test func stringsAndEscapes() throws {
        #expect(try JSONValue.parse(#""a\"b\\c\/\n\u00e9\ud83d\ude00""#) == .string("a\"b\\c/\né😀"))
        #expect(try JSONValue.parse(#"{"k": [true, false, null]}"#) == .object(["k": .array([.bool(true), .bool(false), .null])]))
    }

    @Test(arguments: [
        "", "[1,]", "{\"a\": 1,}", "[01]", "[1.]", "[.5]", "{\"a\" 1}", "[1] x", "{\"a\": 1, \"a\": 2}",
        "\"unterminated", "[\"\\x\"]", "[NaN]", "[Infinity]", "tru", "\"\\ud800\"", "[1e400]", "[-1e999]",
    ])
    func invalidDocumentsAreRejected(text: String) {
        #expect(throws: JSONParseError.self) { try JSONValue.parse(text) }
    }

    @Test func deepNestingIsRejectedNotACrash() {
        let deep = String(repeating: "[", count: 100_000) + String(repeating: "]", count: 100_000)
        #expect(throws: JSONParseError.self) { try JSONValue.parse(deep) }
    }

    @Test func errorPositionIsReported() {
        do {
            _ = try JSONValue.parse("{\n  \"a\": [1, 2,\n  ]\n}")
            Issue.record("accepted")
        } catch {
            #expect(error.line == 3)
        }
    }
}

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
}
