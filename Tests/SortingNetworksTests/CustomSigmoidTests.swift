import Fixtures
import Foundation
import SortingNetworks
import SortingNetworksProofs
import Testing
import ExactArithmetic

/// The user-facing side of a custom sigmoid: parsing with typed errors, the family files in
/// `examples/sigmoids/`, and the family running in every sorter implementation.
@Suite(.timeLimit(.minutes(5))) struct CustomSigmoidTests {
    static let examples = URL(fileURLWithPath: #filePath).deletingLastPathComponent()
        .appendingPathComponent("../../examples/sigmoids").standardizedFileURL

    static func load(_ name: String) throws -> PiecewiseRationalSigmoid {
        try SigmoidFamilyFile.load(examples.appendingPathComponent(name + ".json").path)
    }

    @Test func parsesPiecesAndDerivesTheDerivative() throws {
        let family = try PiecewiseRationalSigmoid(parsing: ["u > 1/4: 1 - 1/(16u)", "u < -1/4: -1/(16u) | 1/(16u^2)", "-0.25 <= u <= .25: u + 1/2"])
        #expect(family.breakpoints.map(\.description) == ["-1/4", "1/4"])
        #expect(family.pieces.map(\.derivativeGiven) == [true, false, false])
        let (f, df) = family.evaluate(0.5)
        #expect(f == 1 - 1 / 8.0 && df == 1 / 4.0)
        #expect(family.evaluate(-0.25).f == 0.25 && family.evaluate(0.25).f == 0.75)
        #expect(family.evaluate(Float(-1)).df == Float(1) / 16)
        // Juxtaposition multiplies left to right: 1/16u is u/16.
        let juxtaposed = try PiecewiseRationalSigmoid(parsing: ["all: 1/16u"])
        #expect(juxtaposed.evaluate(2.0).f == 0.125)
        // Parsed text prints back to an equivalent expression.
        for piece in family.pieces {
            let again = try PiecewiseRationalSigmoid(parsing: ["all: \(piece.f)"])
            #expect(again.evaluate(0.7).f == piece.f.evaluate(0.7) { $0.doubleValue })
        }
    }

    @Test(arguments: [
        (["u < 0: (u/(2 - u) + 1/2"], "piece 1: syntax error"),
        (["u < 0: exp(u)", "u >= 0: 1"], "'exp' in"),
        (["u < 0: u^0.5", "u >= 0: 1"], "non-integer exponent"),
        (["u < 0: abs(u)", "u >= 0: 1"], "'abs' in"),
        (["u < 0: u^100", "u >= 0: 1"], "exponent 100"),
        (["u < 0: 123456789012345678901234", "u >= 0: 1"], "does not fit"),
        (["u < 0: 0", "u > 0: 1"], "no piece contains u = 0"),
        (["u < 0: 0", "u >= 1: 1"], "no piece covers (0, 1)"),
        (["u <= 0: 0", "u >= 0: 1"], "pieces 1 and 2 both contain u = 0"),
        (["u < 1: 0", "u >= 0: 1"], "overlap on (0, 1)"),
        (["u < 0: 0"], "no piece covers (0, +inf)"),
        (["x < 0: 0", "u >= 0: 1"], "range 'x < 0'"),
        (["1 < u < 0: 0", "all: 1"], "lower end must be below"),
        (["u < 0 0", "u >= 0: 1"], "expected 'RANGE: f'"),
        (["u < 0: 2x", "u >= 0: 1"], "the variable is u"),
        ([String](), "at least one piece"),
    ] as [([String], String)])
    func malformedPiecesGiveTypedErrors(_ pieces: [String], _ message: String) {
        do {
            _ = try PiecewiseRationalSigmoid(parsing: pieces)
            Issue.record("accepted \(pieces)")
        } catch {
            #expect(error.description.contains(message), "\(error)")
        }
    }

    @Test(arguments: [
        ("{\"format\": \"relaxations-sigmoid/1\", \"pieces\": [{\"range\": \"all\"}]}", "pieces[0].f must be a string"),
        ("{\"format\": \"relaxations-sigmoid/2\", \"pieces\": []}", "\"format\" must be"),
        ("{\"format\": \"relaxations-sigmoid/1\", \"pieces\": [{\"range\": \"all\", \"f\": \"1/2\", \"df\": 0}]}", "df must be a string"),
        ("{\"format\": \"relaxations-sigmoid/1\", \"pieces\": {}}", "\"pieces\" must be an array"),
        ("{\"format\": \"relaxations-sigmoid/1\", \"name\": \"a b\", \"pieces\": []}", "\"name\" may hold"),
        ("[1, 2", "invalid JSON"),
        ("{\"format\": \"relaxations-sigmoid/1\", \"pieces\": [{\"range\": \"u < 0\", \"f\": \"sqrt(u)\"}, {\"range\": \"u >= 0\", \"f\": \"1\"}]}", "'sqrt'"),
    ])
    func malformedFamilyFilesGiveTypedErrors(_ text: String, _ message: String) {
        #expect {
            _ = try SigmoidFamilyFile.parse(Array(text.utf8))
        } throws: { error in
            (error as? CustomSigmoidError).map { $0.description.contains(message) } ?? false
        }
    }

    @Test func shippedFamilyFilesReproduceTheirCertificates() throws {
        let reciprocal = CustomSigmoidProofs.certify(try Self.load("reciprocal"))
        #expect(reciprocal.certificates.allSatisfy { $0.verdict == .proved }, "\(reciprocal.certificates)")
        #expect(reciprocal.monotonicity.figure == "0 ≤ g ≤ 1 on ℝ" && reciprocal.errorBoundConstant == 1)
        let optimal = CustomSigmoidProofs.certify(try Self.load("optimal"))
        #expect(optimal.certificates.allSatisfy { $0.verdict == .proved })
        #expect(optimal.monotonicity.figure.contains("weak") && optimal.errorBoundConstant == Rational(1, 16))
        // The library's constants for the same families.
        #expect(SigmoidFamily.reciprocal.errorBoundConstant == 1 && SigmoidFamily.optimal.errorBoundConstant == 1.0 / 16)
        // The example files that must fail do, with their points.
        let guarded = CustomSigmoidProofs.certify(try Self.load("optimal-guarded"))
        #expect(guarded.sigmoid.verdict == .refuted && guarded.monotonicity.verdict == .refuted)
        let smoothstep = CustomSigmoidProofs.certify(try Self.load("cubic-smoothstep"))
        #expect(smoothstep.sigmoid.verdict == .proved && smoothstep.monotonicity.verdict == .refuted)
        let squared = CustomSigmoidProofs.certify(try Self.load("not-a-sigmoid"))
        #expect(squared.sigmoid.verdict == .refuted)
        // Round trip through the writer.
        let written = try SigmoidFamilyFile.parse(Array(SigmoidFamilyFile.text(try Self.load("optimal")).utf8))
        #expect(written == (try Self.load("optimal")))
    }

    /// The reciprocal family given as a file runs bit for bit like the built-in one (the same
    /// formula: 2 + |u| = 2 − u exactly for u < 0), in both implementations and both precisions.
    @Test(arguments: SortingImplementation.allCases)
    func customFamilyRunsInEverySorter(_ implementation: SortingImplementation) throws {
        var custom = SortConfiguration(family: .cauchy, steepness: 3)
        custom.customFamily = try Self.load("reciprocal")
        let builtIn = SortConfiguration(family: .reciprocal, steepness: 3)
        var rng = SplitMix64(seed: 11)
        for (kind, construction) in allNetworks {
            for n in [1, 2, 5, 8, 13] {
                var a = custom, b = builtIn
                (a.network, a.construction, b.network, b.construction) = (kind, construction, kind, construction)
                let x = rng.uniform(3 * n)
                let cy = rng.uniform(3 * n)
                let mine = try implementation.makeSorter(n: n, configuration: a).gradient(x, cotangentY: cy, cotangentP: nil, computeP: true)
                let theirs = try implementation.makeSorter(n: n, configuration: b).gradient(x, cotangentY: cy, cotangentP: nil, computeP: true)
                #expect(mine.output.y == theirs.output.y && mine.output.p == theirs.output.p && mine.gradX == theirs.gradX)
                let xf = x.map(Float.init)
                let mineF = try implementation.makeSorter(n: n, configuration: a).sort(xf, computeP: true)
                let theirsF = try implementation.makeSorter(n: n, configuration: b).sort(xf, computeP: true)
                #expect(mineF.y == theirsF.y && mineF.p == theirsF.p)
            }
        }
    }

    /// A custom family is part of the configuration's identity and survives Codable.
    @Test func configurationCodableRoundTrip() throws {
        var configuration = SortConfiguration()
        configuration.customFamily = try Self.load("optimal")
        let data = try JSONEncoder().encode(configuration)
        let back = try JSONDecoder().decode(SortConfiguration.self, from: data)
        #expect(back == configuration && back != SortConfiguration())
    }
}
