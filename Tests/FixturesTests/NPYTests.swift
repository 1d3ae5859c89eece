import Foundation
import Testing
@testable import Fixtures

@Suite struct NPYTests {
    @Test(arguments: [UInt8(1), 2, 3])
    func float64EveryHeaderVersion(version: UInt8) throws {
        let values = [1.5, -0.0, .pi, -1e300, Double.leastNonzeroMagnitude, 0.1]
        let t = try NPY.decode(npyBytes(descr: "<f8", shape: [2, 3], data: littleEndianBytes(values), version: version))
        #expect(t.shape == [2, 3])
        #expect(t.values.map(\.bitPattern) == values.map(\.bitPattern))
        #expect(!t.isInteger)
    }

    @Test func otherDTypes() throws {
        let f: [Float] = [0.1, -2.5]
        let f4 = f.flatMap { v in (0..<4).map { UInt8((v.bitPattern >> (8 * UInt32($0))) & 0xFF) } }
        let t4 = try NPY.decode(npyBytes(descr: "<f4", shape: [2], data: f4))
        #expect(t4.values == f.map(Double.init))
        let i4: [UInt8] = [0xFF, 0xFF, 0xFF, 0xFF, 7, 0, 0, 0]  // -1, 7
        let ti4 = try NPY.decode(npyBytes(descr: "<i4", shape: [2], data: i4))
        #expect(ti4.values == [-1, 7] && ti4.isInteger)
        let i8: [UInt8] = [0xFE] + [UInt8](repeating: 0xFF, count: 7) + [0, 1, 0, 0, 0, 0, 0, 0]  // -2, 256
        let ti8 = try NPY.decode(npyBytes(descr: "<i8", shape: [2, 1], data: i8))
        #expect(ti8.values == [-2, 256] && ti8.shape == [2, 1])
        let tu1 = try NPY.decode(npyBytes(descr: "|u1", shape: [3], data: [0, 1, 255]))
        #expect(tu1.values == [0, 1, 255] && tu1.isInteger)
        let scalar = try NPY.decode(npyBytes(descr: "<f8", shape: [], data: littleEndianBytes([2.0])))
        #expect(scalar.shape == [] && scalar.values == [2])
    }

    @Test func fortranOrderIsRejected() {
        #expect(throws: NPY.FormatError.self) {
            try NPY.decode(npyBytes(descr: "<f8", fortran: true, shape: [2, 2], data: littleEndianBytes([1, 2, 3, 4])))
        }
        do {
            _ = try NPY.decode(npyBytes(descr: "<f8", fortran: true, shape: [1], data: littleEndianBytes([1])))
        } catch { #expect(error.reason.contains("Fortran")) }
    }

    @Test(arguments: [">f8", "<f2", "<c16", "|b1", "<u4", "|S3"])
    func otherDTypesAreRejected(descr: String) throws {
        do {
            _ = try NPY.decode(npyBytes(descr: descr, shape: [1], data: littleEndianBytes([1])))
            Issue.record("dtype \(descr) was accepted")
        } catch { #expect(error.reason.contains("unsupported dtype")) }
    }

    @Test func badMagicTruncatedDataAndBadVersion() {
        #expect(throws: NPY.FormatError.self) { try NPY.decode(Array("not numpy at all".utf8)) }
        #expect(throws: NPY.FormatError.self) {
            try NPY.decode(npyBytes(descr: "<f8", shape: [3], data: littleEndianBytes([1, 2])))
        }
        #expect(throws: NPY.FormatError.self) {
            try NPY.decode(npyBytes(descr: "<f8", shape: [1], data: littleEndianBytes([1]), version: 9))
        }
        #expect(throws: NPY.FormatError.self) {
            try NPY.decode(npyBytes(descr: "<f8", shape: [Int.max / 2, 4], data: []))
        }
    }

    // MARK: In fixtures

    static let tv1WithNPY = """
        {"format": "relaxations-fixture/1", "method": "sort",
         "params": {"network": "bitonic", "n": 2, "distribution": "cauchy", "steepness": 1},
         "cases": [{"name": "tv1-npy", "input": {"x": {"npy": "side/x.npy"}},
                    "expected": {"y": [{"npy": "side/y0.npy"}], "p": {"npy": "side/p.npy"}}}]}
        """

    func tv1Side(x: [UInt8]? = nil) -> [(String, [UInt8])] {
        var files = [
            ("side/y0.npy", npyBytes(descr: "<f8", shape: [2], data: littleEndianBytes([0.25, 0.75]), version: 2)),
            ("side/p.npy", npyBytes(descr: "<f8", shape: [1, 2, 2], data: littleEndianBytes([0.25, 0.75, 0.75, 0.25]), version: 3)),
        ]
        files.append(("side/x.npy", x ?? npyBytes(descr: "<i8", shape: [1, 2], data: [1, 0, 0, 0, 0, 0, 0, 0] + [UInt8](repeating: 0, count: 8))))
        return files
    }

    func check(_ text: String, side: [(String, [UInt8])]) throws -> FileResult {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        for (name, bytes) in side { try write(bytes: bytes, to: name, in: dir) }
        return FixtureChecker().check(file: try write(text, to: "tv1.json", in: dir))
    }

    @Test func npySideFilesResolveRelativeToTheFixture() throws {
        let r = try check(Self.tv1WithNPY, side: tv1Side())
        #expect(r.passed, "\(r.reportLines())")
        #expect(r.results.allSatisfy { Set($0.comparisons.map(\.key)) == ["y", "p"] })
    }

    @Test func missingNPYFileIsNamed() throws {
        let r = try check(Self.tv1WithNPY, side: Array(tv1Side().prefix(2)))
        guard case .npy(let l, let path, let reason) = r.errors.first else { Issue.record("\(r.errors)"); return }
        #expect(l.key == "input.x" && l.caseName == "tv1-npy")
        #expect(path == "side/x.npy")
        #expect(reason.contains("no such file"))
    }

    @Test func badNPYHeaderInAFixtureIsNamed() throws {
        let bad = npyBytes(descr: "<f8", fortran: true, shape: [1, 2], data: littleEndianBytes([1, 0]))
        let r = try check(Self.tv1WithNPY, side: tv1Side(x: bad))
        guard case .npy(let l, _, let reason) = r.errors.first else { Issue.record("\(r.errors)"); return }
        #expect(l.key == "input.x")
        #expect(reason.contains("Fortran"))
        let garbage = try check(Self.tv1WithNPY, side: tv1Side(x: Array("{\"x\": 1}".utf8)))
        guard case .npy(_, _, let reason2) = garbage.errors.first else { Issue.record("\(garbage.errors)"); return }
        #expect(reason2.contains("magic"))
    }
}
