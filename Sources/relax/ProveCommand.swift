import ArgumentParser
import Foundation
import ProofCatalogue

/// `relax prove NAME` — runs one catalogue entry and prints its certificate; exits non-zero when
/// the verdict is `failed` or not the entry's expected verdict.
struct ProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Run one catalogue entry and print its certificate (no name: list the catalogue).",
        discussion: "Exhaustive 0-1 proofs take --max-n (2ⁿ inputs per size; n = 28 takes minutes). Exit status 1 on a failed or unexpected verdict.")

    @Argument(help: "The entry's name (e.g. sorting.monotonicity.cauchy); omit to list every entry.")
    var name: String?

    @Option(help: "Largest n for exhaustive 0-1 proofs.")
    var maxN: Int = 24

    @Option(help: "Random rational inputs per configuration (top-k sampled pruning).")
    var samples: Int = 3

    @Option(parsing: .unconditionalSingleValue, help: "For `prove sigmoid`: one piece \"RANGE: f\" or \"RANGE: f | f′\" of your own family (repeat).")
    var piece: [String] = []

    @Option(name: .customLong("family-file"), help: "For `prove sigmoid`: a relaxations-sigmoid/1 JSON family file.")
    var familyFile: String?

    @Option(name: .customLong("family-name"), help: "For `prove sigmoid`: the family's name in the certificates.")
    var familyName: String?

    @Option(name: .customLong("write-family"), help: "For `prove sigmoid`: also write the family as a JSON file.")
    var writeFamily: String?

    func run() async throws {
        if name == "sigmoid" {
            try SigmoidProve.run(pieces: piece, file: familyFile, name: familyName, writeFile: writeFamily)
            return
        }
        guard let name else {
            print("Catalogue (relax prove NAME):")
            print("  \("sigmoid".padding(toLength: 44, withPad: " ", startingAt: 0)) your own piecewise rational family: --piece … or --family-file F.json")
            for entry in ProofCatalogue.catalogue().entries {
                print("  \(entry.name.padding(toLength: 44, withPad: " ", startingAt: 0)) [expected \(entry.expected.rawValue)] \(entry.claim) — \(entry.domain)")
            }
            return
        }
        let scale = ProofScale(maxExhaustiveN: maxN, rationalSamples: samples)
        let progress = ProofProgress { line in FileHandle.standardError.write(Data((line + "\n").utf8)) }
        guard let (text, status) = ProofCatalogue.prove(name, scale: scale, progress: progress) else {
            throw ValidationError("no catalogue entry named '\(name)'; run `relax prove` to list them")
        }
        print(text)
        if status != 0 { throw ExitCode(status) }
    }
}
