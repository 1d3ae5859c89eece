import SortingNetworks
import TopK

/// Checker of the contract method `topk-loss` (fixtures/README.md, "`topk-loss` — differentiable top-k
/// cross-entropy"; the authors' `TopKCrossEntropyLoss`).
///
/// * params: `method` (`bitonic` — also `bitonic__non_sparse` —, `splitter_selection`,
///   `odd_even`, `neuralsort`, `softsort`; required), `construction` (`authors` default | `valid`,
///   bitonic only; a project extension), `distribution` (default `cauchy`), `steepness` (the
///   inverse temperature, default 10), `art_lambda` (default 0.25), `p_k` (required list),
///   `m` (integer or null), `top1_mode` (`sort` | `sm` | `smce`, default `sm`).
/// * input: `logits` `[B][n]`, `labels` `[B]` (integers).
/// * expected: `loss` (scalar), `grad_logits` `[B][n]`, `topk_probabilities` `[B][n'][K]` with
///   `n' = m` under top-m pre-selection (true class first), else `n`.
///
/// Evaluated in Double with every top-k `TopKImplementation`; the optimized one runs the
/// pruned network (the authors' package never prunes), so the fixtures also check pruning.
public enum TopKLossFixtures: FixtureMethod {
    public static let name = "topk-loss"
    public static var implementations: [String] { TopKImplementation.allCases.map(\.rawValue) }
    public static let outputKeys: Set<String> = ["loss", "grad_logits", "topk_probabilities"]

    public static func configuration(_ c: FixtureCase) throws -> TopKConfiguration {
        let methodName = try c.stringParam("method")
        guard let method = TopKMethod(authorsName: methodName) else {
            throw FixtureError.invalidValue(c.location("params.method"),
                                            reason: "unknown method \"\(methodName)\"; known: \(TopKMethod.allCases.map(\.rawValue)) and bitonic__non_sparse")
        }
        let pK = try c.tensorParam("p_k", shape: [nil]).values
        let distribution: TopKDistribution
        do { distribution = try TopKDistribution(pK) } catch {
            throw FixtureError.invalidValue(c.location("params.p_k"), reason: "\(error)")
        }
        return TopKConfiguration(
            method: method,
            construction: try c.enumParam("construction", default: SortingNetwork.Construction.authors),
            family: try c.enumParam("distribution", default: SigmoidFamily.cauchy),
            steepness: try c.doubleParam("steepness", default: 10),
            artLambda: try c.doubleParam("art_lambda", default: 0.25),
            distribution: distribution,
            m: try c.optionalIntParam("m"),
            top1Mode: try c.enumParam("top1_mode", default: Top1Mode.sm))
    }

    public static func evaluate(_ c: FixtureCase, implementation: String) throws -> [String: FixtureTensor] {
        guard let impl = TopKImplementation(rawValue: implementation) else {
            throw FixtureError.unknownImplementation(c.location(), implementation: implementation, known: implementations)
        }
        let cfg = try configuration(c)
        let logits = try c.input("logits", shape: [nil, nil])
        let (batch, n) = (logits.shape[0], logits.shape[1])
        try c.checkLimits(n: n, batch: batch, estimatedBytes: cfg.estimatedWorkingBytes(n: n, batch: batch), key: "input.logits")
        let labels = try c.integerInput("labels", shape: [batch])
        let loss = try impl.makeLoss(n: n, configuration: cfg)
        let wantA = c.wants("topk_probabilities")
        let result: TopKLossResult<Double> = try loss.evaluate(logits: logits.values, labels: labels, computeProbabilities: wantA)
        var out: [String: FixtureTensor] = [:]
        out["loss"] = FixtureTensor(scalar: result.loss)
        out["grad_logits"] = FixtureTensor(result.gradLogits, shape: [batch, n])
        if wantA, let A = result.probabilities {
            out["topk_probabilities"] = FixtureTensor(A, shape: [batch, result.sorterSize, cfg.k])
        }
        return out
    }
}
