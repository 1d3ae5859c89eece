import ArgumentParser
import Foundation
import LogicGateNetworksProofs
import SortingNetworks
import SortingNetworksProofs
import TopKProofs

/// `relax prove NAME` — runs one named proof and prints its certificate.
struct ProveCommand: AsyncParsableCommand {
    static let configuration = CommandConfiguration(
        commandName: "prove",
        abstract: "Run one named proof and print its certificate (no name: list them).",
        discussion: "Exhaustive proofs take --max-n (2ⁿ inputs per size; n = 28 takes minutes).")

    @Argument(help: "The proof's name; omit to list every proof.")
    var name: String?

    @Option(help: "Largest n for exhaustive 0-1 proofs.")
    var maxN: Int = 24

    @Option(help: "Random rational inputs per configuration (top-k exact pruning).")
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
        let catalogue = ProofCatalogue(maxN: maxN, samples: samples)
        guard let name else {
            print("Proofs (relax prove NAME):")
            print("  \("sigmoid".padding(toLength: 34, withPad: " ", startingAt: 0)) your own piecewise rational family: --piece … or --family-file F.json")
            for (name, claim) in catalogue.names { print("  \(name.padding(toLength: 34, withPad: " ", startingAt: 0)) \(claim)") }
            return
        }
        guard let certificate = catalogue.run(name) else {
            throw ValidationError("no proof named '\(name)'; run `relax prove` to list them")
        }
        print(certificate.text)
        if !certificate.holds { throw ExitCode(1) }
    }
}

/// Every named proof of every method, with a uniform printable result.
struct ProofCatalogue {
    var maxN: Int
    var samples: Int

    struct Result {
        var text: String
        var holds: Bool
    }

    static let zeroOne: [(String, SortingNetwork.Kind, SortingNetwork.Construction, String)] = [
        ("zero-one-odd-even", .oddEven, .valid, "odd-even transposition sorts every n ≤ max-n (0-1 principle)"),
        ("zero-one-bitonic-valid", .bitonic, .valid, "the valid (flip) bitonic network sorts every n ≤ max-n"),
        ("zero-one-bitonic-authors", .bitonic, .authors, "the authors' bitonic wiring: which n ≤ max-n it fails to sort"),
    ]

    var names: [(String, String)] {
        Self.zeroOne.map { ($0.0, $0.3) } + SortingProofs.all.map { ($0.name, "expected: \($0.expected.rawValue)") } + TopKProofs.all.map { ($0.name, $0.claim) } + LogicProofs.all.map { ($0.name, $0.claim) }
    }

    func run(_ name: String) -> Result? {
        if let (_, kind, construction, claim) = Self.zeroOne.first(where: { $0.0 == name }) {
            var lines = ["\(name): \(claim)"]
            var failures: [Int] = []
            let start = Date()
            for n in 2...max(2, maxN) {
                guard let network = try? SortingNetwork(kind: kind, n: n, construction: construction) else { continue }
                let r = ZeroOnePrinciple.check(network) { fraction in
                    if n >= 26 { FileHandle.standardError.write(Data(String(format: "\r  n = %d: %3.0f%%", n, 100 * fraction).utf8)) }
                }
                if n >= 26 { FileHandle.standardError.write(Data("\r".utf8)) }
                if let bad = r.counterexample {
                    failures.append(n)
                    let out = network.hardSorted(bad)
                    lines.append("  n = \(n): FAILS — input \(bad.map(String.init).joined()) → \(out.map(String.init).joined()) (checked \(r.inputsChecked) inputs)")
                } else {
                    lines.append("  n = \(n): sorts all \(r.inputsChecked) 0-1 inputs (\(network.comparatorCount) comparators, \(network.layers.count) layers)")
                }
            }
            let holds = construction == .authors ? true : failures.isEmpty
            lines.append(String(format: "verdict: %@ (%.2f s)", failures.isEmpty ? "PROVED for every n" : "fails at n = \(failures)", Date().timeIntervalSince(start)))
            return Result(text: lines.joined(separator: "\n"), holds: holds)
        }
        if let proof = SortingProofs.named(name) {
            let c = proof.run(progress: ProofProgress { line in FileHandle.standardError.write(Data((line + "\n").utf8)) })
            return Result(text: c.description, holds: c.verdict == proof.expected)
        }
        if let proof = TopKProofs.proof(named: name) {
            let c = proof.run(ProofScale(maxExhaustiveN: maxN, rationalSamples: samples))
            return Result(text: c.description, holds: c.verdict == .proved)
        }
        if let proof = LogicProofs.named(name) {
            let c = proof.run()
            return Result(text: c.description, holds: c.holds)
        }
        return nil
    }
}
