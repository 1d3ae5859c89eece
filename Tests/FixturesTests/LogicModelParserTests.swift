import Fixtures
import Foundation
import LogicGateNetworks
import Testing

/// One parser of `logic-gate-network/1` (`HardLogicGateNetwork.parse`) behind the module, the
/// fixture checker and the tool; the checker's messages name the key under `input.model`.
@Suite struct LogicModelParserTests {
    static let tiny = #"{"format": "logic-gate-network/1", "input_bits": 3, "layers": [{"a": [0, 1], "b": [1, 2], "gates": [1, 6]}, {"a": [0, 1], "b": [1, 0], "gates": [7, 8]}], "group_sum": {"classes": 2, "tau": 2.0}}"#

    /// The committed tiny fixture with its model text replaced by `model`; the checker's report.
    static func check(model: String) throws -> String {
        let text = #"{"format": "relaxations-fixture/1", "method": "logic-network", "source": {"package": "numpy", "version": "2.4.6", "generator": "test", "seed": 0}, "cases": [{"name": "one", "input": {"model": "# + model + #", "x": [[0, 0, 0], [1, 1, 1]]}, "expected": {"counts": [[0, 1], [1, 0]], "predictions": [1, 0]}}]}"#
        let url = FileManager.default.temporaryDirectory.appendingPathComponent("logic-model-\(UUID().uuidString).json")
        try Data(text.utf8).write(to: url)
        defer { try? FileManager.default.removeItem(at: url) }
        return FixtureChecker().check(file: url.path).reportLines().joined(separator: "\n")
    }

    @Test func checkerAndModuleShareTheParser() throws {
        let value = try JSONValue.parse(Self.tiny)
        let parsed = try HardLogicGateNetwork.parse(value)
        #expect(try HardLogicGateNetwork(jsonData: Data(Self.tiny.utf8)) == parsed)
        #expect(try HardLogicGateNetwork.parse(parsed.jsonValue) == parsed, "writer and parser round-trip")
        #expect(try Self.check(model: Self.tiny).contains("PASS"))
    }

    @Test func checkerNamesTheKeyUnderInputModel() throws {
        let badA = Self.tiny.replacingOccurrences(of: #""a": [0, 1], "b": [1, 2]"#, with: #""a": [0, "x"], "b": [1, 2]"#)
        let report = try Self.check(model: badA)
        #expect(report.contains("input.model.layers[0].a[1]") && report.contains("an integer"), "\(report)")
        let noA = Self.tiny.replacingOccurrences(of: #""a": [0, 1], "b": [1, 2]"#, with: #""b": [1, 2]"#)
        #expect(try Self.check(model: noA).contains("input.model.layers[0].a"))
        let noTau = Self.tiny.replacingOccurrences(of: #", "tau": 2.0"#, with: "")
        #expect(try Self.check(model: noTau).contains("input.model.group_sum.tau"))
        // The module reports the same key through its own error type.
        #expect(throws: LogicModelFormatError.wrongType(key: "layers[0].a[1]", expected: "an integer", found: "string")) {
            try HardLogicGateNetwork.parse(JSONValue.parse(badA))
        }
        #expect {
            try HardLogicGateNetwork(jsonData: Data(badA.utf8))
        } throws: { error in
            (error as? LogicNetworkError).map { "\($0)".contains("layers[0].a[1]") } ?? false
        }
    }
}
