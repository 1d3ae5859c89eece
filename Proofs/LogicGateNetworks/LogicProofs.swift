import ExactArithmetic
import LogicGateNetworks

/// The exact field the proofs run in: GMP rationals, so every identity is checked without rounding.
/// (The proofs are generic; the tests also run them on `Double`, where the dyadic points chosen
/// happen to be exact too.)
public typealias LogicExactField = Rational

/// The registry of named logic-gate-network proofs for `relax prove` / `relax verify`.
public enum LogicProofs {
    public static var exactFieldName: String { String(describing: LogicExactField.self) }

    public static let all: [LogicProof] = [
        LogicProof(name: "logic.truth-tables", claim: "gate truth tables, id identity, complements", run: { GateProofs<LogicExactField>.truthTables() }),
        LogicProof(name: "logic.multilinear-extension", claim: "each relaxation is the multilinear extension of its table, range [0,1]", run: { GateProofs<LogicExactField>.multilinearAndRange() }),
        LogicProof(name: "logic.gate-partials", claim: "gate partial derivatives exact, signs", run: { GateProofs<LogicExactField>.partials() }),
        LogicProof(name: "logic.mixture-forms", claim: "16-term, coefficient and corner forms agree; gradients", run: { NetworkProofs<LogicExactField>.mixtureForms() }),
        LogicProof(name: "logic.one-hot-equals-hard", claim: "relaxed = hard at one-hot gates and Boolean inputs", run: { NetworkProofs<LogicExactField>.oneHotEqualsHard() }),
    ]

    public static func named(_ name: String) -> LogicProof? { all.first { $0.name == name } }
}
