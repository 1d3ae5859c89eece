import LogicGateNetworks

/// The exact field the proofs run in. `Rational` (module ExactArithmetic) once it is available;
/// until then `Double`, in which every number these proofs use is a dyadic or small rational
/// whose arithmetic they check is exact only if no rounding occurs — see `exactFieldName`.
public typealias LogicExactField = Double

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
