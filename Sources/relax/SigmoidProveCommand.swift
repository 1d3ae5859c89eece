import ArgumentParser
import Fixtures
import Foundation
import SortingNetworks
import SortingNetworksProofs

/// `relax prove sigmoid --piece "RANGE: f [| f′]" …` or `relax prove sigmoid --family-file F.json`:
/// the exact prover for a user-given piecewise rational sigmoid (`CustomSigmoidProofs`).
enum SigmoidProve {
    /// The family from `--piece` arguments or a `relaxations-sigmoid/1` file (exactly one source).
    static func family(pieces: [String], file: String?, name: String?) throws -> PiecewiseRationalSigmoid {
        switch (pieces.isEmpty, file) {
        case (false, nil): return try PiecewiseRationalSigmoid(name: name ?? "custom", parsing: pieces)
        case (true, let path?):
            let family = try SigmoidFamilyFile.load(path)
            guard let name else { return family }
            return try PiecewiseRationalSigmoid(name: name, pieces: family.pieces.map(\.source))
        case (false, _?): throw ValidationError("give either --piece … or --family-file, not both")
        case (true, nil):
            throw ValidationError("""
                give the family: --piece "RANGE: f" (repeat per piece; optional "| f′") or --family-file F.json, e.g.
                  relax prove sigmoid --piece "u < -1/4: -1/(16u)" --piece "-1/4 <= u <= 1/4: u + 1/2" --piece "u > 1/4: 1 - 1/(16u)"
                """)
        }
    }

    /// Prints the family and its three certificates; exits 1 unless all three are proved.
    static func run(pieces: [String], file: String?, name: String?, writeFile: String?) throws {
        let family = try family(pieces: pieces, file: file, name: name)
        print("family \(family.name):")
        print(family.description.split(separator: "\n").map { "  " + $0 }.joined(separator: "\n"))
        let report = CustomSigmoidProofs.certify(family)
        for certificate in report.certificates { print("\n" + certificate.description) }
        print("\nsummary: " + report.certificates.map { "\($0.name) \($0.verdict.rawValue.uppercased())" }.joined(separator: ", "))
        if let writeFile {
            guard FileManager.default.createFile(atPath: writeFile, contents: Data(SigmoidFamilyFile.text(family).utf8)) else {
                throw ValidationError("cannot write '\(writeFile)'")
            }
            print("wrote \(writeFile) (use it with: relax sort --family-file \(writeFile))")
        }
        if report.certificates.contains(where: { $0.verdict != .proved }) { throw ExitCode(1) }
    }

    /// For `relax sort --family-file`: the family, refused unless it is a proved sigmoid.
    static func sortFamily(_ path: String) throws -> PiecewiseRationalSigmoid {
        let family = try SigmoidFamilyFile.load(path)
        let report = CustomSigmoidProofs.certify(family)
        guard report.sigmoid.verdict == .proved else {
            throw ValidationError("\(path): \(family.name) is not a proved sigmoid (\(report.sigmoid.verdict.rawValue); \(report.sigmoid.figure)); run `relax prove sigmoid --family-file \(path)`")
        }
        if report.monotonicity.verdict != .proved {
            FileHandle.standardError.write(Data("note: \(family.name) is a sigmoid but its swap is not proved monotonic (\(report.monotonicity.verdict.rawValue))\n".utf8))
        }
        return family
    }
}
