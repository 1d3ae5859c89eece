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
