import Foundation
import Testing
@testable import Fixtures

/// Fixtures written by hand against the contract from test vectors computed with the
/// authors' diffsort package (values quoted to 10 significant digits to 10 significant digits, hence the stated
/// tolerances), not from any code of this project. They must pass for every implementation.
@Suite struct IndependentFixtureTests {
    static let tv1 = """
        {"format": "relaxations-fixture/1", "method": "sort",
         "source": {"written": "by hand from the test vectors computed with the authors' diffsort package, TV1"},
         "params": {"network": "bitonic", "construction": "authors", "n": 2,
                    "distribution": "cauchy", "steepness": 1},
         "cases": [
          {"name": "TV1", "input": {"x": [[1, 0]]},
           "expected": {"y": [[0.25, 0.75]], "p": [[[0.25, 0.75], [0.75, 0.25]]]}},
          {"name": "TV1-odd-even", "params": {"network": "odd_even"}, "input": {"x": [[1.0, 0.0]]},
           "expected": {"y": [[0.25, 0.75]], "p": [[[0.25, 0.75], [0.75, 0.25]]]}},
          {"name": "TV1-jacobian-row-0", "tolerance": {"abs": 1e-10, "rel": 0},
           "input": {"x": [[1, 0]], "cotangent_y": [[1, 0]]},
           "expected": {"grad_x": [[0.0908450569, 0.9091549431]]}},
          {"name": "ties", "params": {"distribution": "logistic", "steepness": 1000},
           "input": {"x": [[1, 1], [-3, -3]]},
           "expected": {"y": [[1, 1], [-3, -3]], "p": [[[0.5, 0.5], [0.5, 0.5]], [[0.5, 0.5], [0.5, 0.5]]]}}
         ]}
        """

    static let tv2AndTv3 = """
        {"format": "relaxations-fixture/1", "method": "sort",
         "tolerance": {"abs": 1e-10, "rel": 0},
         "params": {"network": "odd_even", "distribution": "cauchy", "steepness": 10},
         "cases": [
          {"name": "TV2", "params": {"n": 2, "distribution": "logistic", "steepness": 1},
           "input": {"x": [[2, 0]], "cotangent_y": [[0, 1]]},
           "expected": {"y": [[0.2384058440, 1.7615941560]],
                        "p": [[[0.1192029220, 0.8807970780], [0.8807970780, 0.1192029220]]],
                        "grad_x": [[1.0907842488, -0.0907842488]]}},
          {"name": "TV3a-odd-even-cauchy", "params": {"n": 3},
           "input": {"x": [[0.3, 0.1, 0.2]], "cotangent_y": [[1, 0, 0]]},
           "expected": {"y": [[0.1537310082, 0.1972527930, 0.2490161989]],
                        "p": [[[0.1770874503, 0.2301164567, 0.5927960929],
                               [0.6397773684, 0.2575885272, 0.1026341043],
                               [0.1831351812, 0.5122950160, 0.3045698028]]],
                        "grad_x": [[0.0340111151, 0.8774459544, 0.0885429306]]}},
          {"name": "TV3b-bitonic-authors-cauchy", "params": {"n": 3, "network": "bitonic", "construction": "authors"},
           "input": {"x": [[0.3, 0.1, 0.2]], "cotangent_y": [[0, 0, 1]]},
           "expected": {"y": [[0.1539186346, 0.1996314662, 0.2464498992]],
                        "p": [[[0.1652493405, 0.2139970904, 0.6207535690],
                               [0.6260629946, 0.2176824286, 0.1562545768],
                               [0.2086876649, 0.5683204810, 0.2229918541]]],
                        "grad_x": [[0.8772742227, 0.0319284948, 0.0907972825]]}},
          {"name": "TV3c-logistic-odd-even", "params": {"n": 3, "distribution": "logistic"},
           "input": {"x": [[0.3, 0.1, 0.2]]},
           "expected": {"y": [[0.1507634863, 0.1973186598, 0.2519178540]]}},
          {"name": "optimal-guard", "params": {"n": 2, "distribution": "optimal", "steepness": 1},
           "tolerance": {"abs": 0, "rel": 1e-11},
           "input": {"x": [[3, 1]]}, "expected": {"y": [[1.0625, 2.9375]]}}
         ]}
        """

    func check(_ text: String, implementation: String) throws -> FileResult {
        let dir = try makeTemporaryDirectory()
        defer { try? FileManager.default.removeItem(at: dir) }
        return FixtureChecker(implementation: implementation).check(file: try write(text, to: "independent.json", in: dir))
    }

    @Test(arguments: SortFixtures.implementations)
    func testVector1PassesAsAFixture(implementation: String) throws {
        let r = try check(Self.tv1, implementation: implementation)
        #expect(r.passed, "\(r.reportLines().joined(separator: "\n"))")
        #expect(r.results.count == 4)
    }

    @Test(arguments: SortFixtures.implementations)
    func testVectors2And3PassAsAFixture(implementation: String) throws {
        let r = try check(Self.tv2AndTv3, implementation: implementation)
        #expect(r.passed, "\(r.reportLines().joined(separator: "\n"))")
        #expect(r.results.count == 5)
    }

    /// The same TV1 file with one digit changed fails: the fixture is not vacuous.
    @Test(arguments: SortFixtures.implementations)
    func perturbedTestVectorFails(implementation: String) throws {
        let wrong = Self.tv1.replacingOccurrences(of: "0.9091549431", with: "0.9091549531")
        let r = try check(wrong, implementation: implementation)
        #expect(!r.passed)
        #expect(r.results.filter { !$0.passed }.map(\.caseName) == ["TV1-jacobian-row-0"])
    }

    /// TV1 as a float32 fixture: x, y and P are exact in float32, so the Float path must give
    /// them to float32 rounding (the file states float32-appropriate tolerances).
    @Test(arguments: SortFixtures.implementations)
    func testVector1InFloat32(implementation: String) throws {
        let text = """
            {"format": "relaxations-fixture/1", "method": "sort", "dtype": "float32",
             "tolerance": {"abs": 1e-6, "rel": 1e-6},
             "params": {"network": "odd_even", "n": 2, "distribution": "cauchy", "steepness": 1},
             "cases": [{"name": "TV1-f32", "input": {"x": [[1, 0]], "cotangent_y": [[1, 0]]},
                        "expected": {"y": [[0.25, 0.75]], "p": [[[0.25, 0.75], [0.75, 0.25]]],
                                     "grad_x": [[0.0908450569, 0.9091549431]]}},
                       {"name": "TV1-f32-wrong", "input": {"x": [[1, 0]]}, "expected": {"y": [[0.2500100, 0.75]]}}]}
            """
        let r = try check(text, implementation: implementation)
        #expect(r.results.map(\.passed) == [true, false], "\(r.reportLines().joined(separator: "\n"))")
    }
}
