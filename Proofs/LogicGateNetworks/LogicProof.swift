@_exported import ProofSupport

/// The logic proofs' shorthand over the shared ``ProofLog``: every `check` is an exact identity
/// at an exact point, so a failing one is a certified counterexample (the verdict is `refuted`).
extension ProofLog {
    init(_ name: String, _ claim: String) { self.init(name: name, claim: claim) }

    mutating func check(_ ok: Bool, _ what: @autoclosure () -> String) {
        if !ok, counterexamples.count < 10 { counterexample(what()) } else if !ok { counterexample("…") }
    }

    func certificate(figure: String) -> Certificate { finish(figure: figure) }
}
