import ExactArithmetic
import Foundation
import SortingNetworks


/// Doubly-stochastic `P` on a sample (arXiv 2105.04019, §3): the library's *reference* generic
/// code `RelaxedSortingNetwork.sort`, instantiated with GMP `Rational`, on one seeded random
/// rational input per network and size; then every Double `SortingImplementation` against the exact
/// result. A *tested* cross-check: the statement for every n is `DoublyStochasticTheorem`.
public enum DoublyStochasticProofs {
    /// Agreement bound of the Double implementations with the exact rational result, in units of
    /// `Double.ulpOfOne` per layer of the network (scaled by `max|x|` for `y`, by 1 for `P`).
    public static let doubleAgreementBoundPerLayer: Double = 8

    /// Agreement bound of the Double VJPs with the exact VJP, in units of `Double.ulpOfOne` per
    /// layer, relative to `n·max(1, max|∂x|)`.
    public static let doubleGradientAgreementBoundPerLayer: Double = 8


    /// One family setting: the rational family and the guard added to `|u|` in optimal's tails.
    public struct Setting: Sendable {
        public var family: RationalSigmoidFamily
        /// `nil`: no guard (the mathematical family); otherwise the code's `1e−10`, exactly.
        public var guarded: Bool
        public var steepness: Rational
        /// Sizes per network kind (exact rationals grow with depth, so the sizes are bounded).
        public var sizes: [SortingNetwork.Kind: [Int]]
        /// Whether the Double implementations compute the same function (they always use the guard).
        public var compareDouble: Bool
        /// Largest n at which the backward pass is also compared with the exact VJP (which, with
        /// a cotangent on P, costs about twice the exact forward pass).
        public var gradientMaxN: Int = 0

        public var name: String {
            "sorting.doubly-stochastic.sampled.\(family.rawValue)" + (family == .optimal ? (guarded ? "-guarded" : "") : "")
        }
    }

    public static let settings: [Setting] = [
        Setting(family: .reciprocal, guarded: false, steepness: 1,
                sizes: [.bitonic: Array(2...12), .oddEven: Array(2...8)], compareDouble: true, gradientMaxN: 8),
        Setting(family: .optimal, guarded: false, steepness: 1,
                sizes: [.bitonic: Array(2...17) + [24, 32], .oddEven: Array(2...20)], compareDouble: false),
        Setting(family: .optimal, guarded: true, steepness: 1,
                sizes: [.bitonic: Array(2...8), .oddEven: Array(2...7)], compareDouble: true, gradientMaxN: 5),
    ]

    /// Random dyadic inputs `k/16`, `|k| ≤ 160`: exactly representable in Double, so the Double
    /// implementations see the very same input.
    static func input(n: Int, rng: inout SplitMix64) -> [Rational] {
        (0..<n).map { _ in Rational(Int.random(in: -160...160, using: &rng), 16) }
    }

    static func run(_ setting: Setting, scale: ProofScale = .test, progress: ProofProgress) -> Certificate {
        var log = ProofLog(
            name: setting.name,
            claim: "\(setting.family.rawValue)\(setting.guarded ? " (guard 1e−10)" : ""): the reference relaxed sort over exact rationals gives a doubly-stochastic P (entries in [0, 1], row and column sums exactly 1), Σy = Σx and y = xᵀP exactly"
                + (setting.compareDouble ? "; every Double implementation (y, P, values-only y, VJP) is within \(Int(doubleAgreementBoundPerLayer)) ε per layer of it" : ""))
        let epsilon: Rational = setting.guarded ? Rational(exactly: sigmoidGuardEpsilon)! : 0
        var rng = SplitMix64(seed: 0x5EED_2105_0401_9)
        var cases = 0, worstY = 0.0, worstP = 0.0, worstRatio = 0.0, worstGradient = 0.0, gradientCases = 0
        var exactFailures: [String] = [], doubleFailures: [String] = []
        let family = SigmoidFamily(rawValue: setting.family.rawValue)!
        let budgetStart = Date(), operandBudget = scale.maxOperandBits
        let deadline = budgetStart.addingTimeInterval(scale.maxSeconds)
        var exhausted: String? = nil
        cases: for kind in SortingNetwork.Kind.allCases {
            for construction in SortingNetwork.Construction.allCases {
                for n in setting.sizes[kind] ?? [] {
                    if Date().timeIntervalSince(budgetStart) > scale.maxSeconds {
                        exhausted = "time budget of \(scale.maxSeconds) s exhausted before \(kind.rawValue) n=\(n)"
                        break cases
                    }
                    guard let network = try? SortingNetwork(kind: kind, n: n, construction: construction) else {
                        exactFailures.append("cannot build \(kind) n=\(n)")
                        continue
                    }
                    let x = input(n: n, rng: &rng)
                    let started = Date()
                    let label = "\(kind.rawValue)(\(construction.rawValue)) n=\(n)"
                    // The exact sort runs on budgeted rationals: an operand beyond the budget stops it.
                    let budgetedSwap = setting.family.conditionalSwap(
                        steepness: BudgetedRational(setting.steepness), guardEpsilon: BudgetedRational(epsilon))
                    let (sorted, exhaustedHere) = BudgetedRational.withBudget(operandBudget, deadline: deadline) {
                        RelaxedSortingNetwork.sort(x: x.map(BudgetedRational.init), network: network, swap: budgetedSwap)
                    }
                    if let exhaustedHere {
                        exhausted = "\(label): \(exhaustedHere)"
                        break cases
                    }
                    let y = sorted.y.map(\.value), P = sorted.P.map { $0.map(\.value) }
                    let seconds = Date().timeIntervalSince(started)
                    progress("\(setting.name): \(kind.rawValue)(\(construction.rawValue)) n = \(n): exact sort \(format(seconds)) s, largest entry of P \(P.joined().map { $0.numerator.bitWidth + $0.denominator.bitWidth }.max() ?? 0) bits")
                    cases += 1
                    let rowsOK = P.allSatisfy { $0.reduce(0, +) == 1 }
                    let columnsOK = (0..<n).allSatisfy { i in P.reduce(Rational(0)) { $0 + $1[i] } == 1 }
                    let entriesOK = P.allSatisfy { $0.allSatisfy { $0 >= 0 && $0 <= 1 } }
                    let sumOK = y.reduce(0, +) == x.reduce(0, +)
                    let productOK = (0..<n).allSatisfy { i in y[i] == (0..<n).reduce(Rational(0)) { $0 + x[$1] * P[$1][i] } }
                    if !(rowsOK && columnsOK && entriesOK && sumOK && productOK) {
                        log.counterexample("x = \(x), \(label): P is not doubly stochastic or y ≠ xᵀP (exact)")
                        exactFailures.append("\(label): rows \(rowsOK) columns \(columnsOK) entries \(entriesOK) Σ \(sumOK) y=xᵀP \(productOK)")
                    }
                    guard setting.compareDouble else { continue }
                    let scale = x.map { $0.magnitude }.max().map { Swift.max($0, 1) } ?? 1
                    let configuration = SortConfiguration(
                        network: kind, construction: construction, family: family,
                        steepness: setting.steepness.doubleValue, artLambda: 0.25)
                    let allowed = doubleAgreementBoundPerLayer * Double(Swift.max(network.layers.count, 1))
                    // Exact VJP for random dyadic cotangents on y and P (compared below).
                    var exactGradient: [Rational]? = nil
                    var cotangentY: [Rational] = [], cotangentP: [[Rational]] = []
                    if n <= setting.gradientMaxN {
                        cotangentY = (0..<n).map { _ in Rational(Int.random(in: -64...64, using: &rng), 32) }
                        cotangentP = (0..<n).map { _ in (0..<n).map { _ in Rational(Int.random(in: -64...64, using: &rng), 32) } }
                        let (gradient, exhaustedHere) = BudgetedRational.withBudget(operandBudget, deadline: deadline) {
                            let bx = x.map(BudgetedRational.init)
                            let trace = RelaxedSortingNetwork.forward(x: bx, network: network, swap: budgetedSwap)
                            return RelaxedSortingNetwork.vectorJacobianProduct(
                                trace: trace, network: network, swap: budgetedSwap,
                                cotangentY: cotangentY.map(BudgetedRational.init), cotangentP: cotangentP.map { $0.map(BudgetedRational.init) })
                        }
                        if let exhaustedHere {
                            exhausted = "\(label) (VJP): \(exhaustedHere)"
                            break cases
                        }
                        exactGradient = gradient.map(\.value)
                    }
                    for implementation in SortingImplementation.allCases {
                        guard let sorter = try? implementation.makeSorter(n: n, configuration: configuration),
                              let output = try? sorter.sort(x.map { $0.doubleValue }, computeP: true),
                              let pDouble = output.p
                        else {
                            doubleFailures.append("\(implementation) \(label): the sorter threw")
                            continue
                        }
                        let ulp = Rational(exactly: Double.ulpOfOne)!
                        var errorY = Rational(0), errorP = Rational(0)
                        for i in 0..<n {
                            errorY = Swift.max(errorY, (Rational(exactly: output.y[i])! - y[i]).magnitude)
                            for j in 0..<n { errorP = Swift.max(errorP, (Rational(exactly: pDouble[j * n + i])! - P[j][i]).magnitude) }
                        }
                        let ulpsY = (errorY / (scale * ulp)).doubleValue, ulpsP = (errorP / ulp).doubleValue
                        worstY = Swift.max(worstY, ulpsY)
                        worstP = Swift.max(worstP, ulpsP)
                        worstRatio = Swift.max(worstRatio, Swift.max(ulpsY, ulpsP) / allowed)
                        if ulpsY > allowed || ulpsP > allowed {
                            doubleFailures.append("\(implementation) \(label): y off by \(ulpsY) ε·max|x|, P by \(ulpsP) ε (allowed \(allowed))")
                        }
                        // Values-only path: the same y without P.
                        if let valuesOnly = try? sorter.sort(x.map { $0.doubleValue }, computeP: false) {
                            let errorValues = (0..<n).map { (Rational(exactly: valuesOnly.y[$0])! - y[$0]).magnitude }.max() ?? 0
                            let ulpsValues = (errorValues / (scale * ulp)).doubleValue
                            worstY = Swift.max(worstY, ulpsValues)
                            if ulpsValues > allowed { doubleFailures.append("\(implementation) \(label) values-only: y off by \(ulpsValues)") }
                        } else {
                            doubleFailures.append("\(implementation) \(label): values-only sort threw")
                        }
                        if let exactGradient {
                            let flatP = cotangentP.flatMap { $0 }.map(\.doubleValue)
                            guard let result = try? sorter.gradient(
                                x.map(\.doubleValue), cotangentY: cotangentY.map(\.doubleValue), cotangentP: flatP, computeP: true)
                            else {
                                doubleFailures.append("\(implementation) \(label): gradient threw")
                                continue
                            }
                            let gradientScale = Rational(n) * Swift.max(1, exactGradient.map(\.magnitude).max() ?? 1)
                            let errorG = (0..<n).map { (Rational(exactly: result.gradX[$0])! - exactGradient[$0]).magnitude }.max() ?? 0
                            let ulpsG = (errorG / (gradientScale * ulp)).doubleValue
                            let allowedG = doubleGradientAgreementBoundPerLayer * Double(Swift.max(network.layers.count, 1))
                            worstGradient = Swift.max(worstGradient, ulpsG)
                            gradientCases += 1
                            if ulpsG > allowedG {
                                doubleFailures.append("\(implementation) \(label): VJP off by \(ulpsG) ε·n·max|∂x| (allowed \(allowedG))")
                            }
                        }
                    }
                }
            }
        }
        let sizes = setting.sizes.sorted { $0.key.rawValue < $1.key.rawValue }
            .map { "\($0.key.rawValue): n ∈ \(compact($0.value))" }.joined(separator: "; ")
        log.note("steepness \(setting.steepness), guard ε = \(setting.guarded ? "1e−10 (exact binary value)" : "0"), inputs k/16 with |k| ≤ 160 (seeded), both constructions; \(sizes)")
        if let exhausted { log.fail(exhausted) }
        log.sample(cases: cases, seed: "SplitMix64 seed 0x5EED210504019, one input per (network, construction, n)",
                   notCovered: "every other input and size (proved for every n in sorting.doubly-stochastic.every-n); the Double comparison only on these inputs")
        log.require(exactFailures.isEmpty || !log.counterexamples.isEmpty, "\(cases) exact relaxed sorts: every P doubly stochastic with entries in [0, 1], Σy = Σx, y = xᵀP — exactly" + (exactFailures.isEmpty ? "" : ": " + exactFailures.prefix(5).joined(separator: "; ")))
        var figure = "\(cases) exact cases"
        if setting.compareDouble {
            let worst = "max error y \(format(worstY)) ε·max|x|, P \(format(worstP)) ε; worst/bound \(format(worstRatio))"
            log.require(doubleFailures.isEmpty, "SortingImplementation.allCases (\(SortingImplementation.allCases.map(\.rawValue).joined(separator: ", "))) vs exact: \(worst) (bound \(Int(doubleAgreementBoundPerLayer)) ε per layer)" + (doubleFailures.isEmpty ? "" : ": " + doubleFailures.prefix(5).joined(separator: "; ")))
            log.note("exact VJP (random dyadic cotangents on y and P, n ≤ \(setting.gradientMaxN)) vs every Double gradient: \(gradientCases) comparisons, max error \(format(worstGradient)) ε·n·max|∂x| (bound \(Int(doubleGradientAgreementBoundPerLayer)) per layer); values-only path included in the y figure")
            figure += "; Double within \(format(worstP)) ε (P), \(format(worstY)) ε·max|x| (y), \(format(worstGradient)) ε·n·max|∂x| (VJP)"
        } else {
            log.note("no Double comparison: the Double implementations always add the 1e−10 guard (compared in sorting.doubly-stochastic.sampled.optimal-guarded)")
        }
        return log.finish(figure: figure)
    }

    static func format(_ x: Double) -> String {
        let rounded = (x * 100).rounded() / 100
        return "\(rounded)"
    }

    /// `[2, 3, 4, 5, 32]` → `2…5, 32`.
    static func compact(_ values: [Int]) -> String {
        var parts: [String] = []
        var start = values.first, previous = values.first
        for v in values.dropFirst() + [Int.min] {
            if let p = previous, v == p + 1 { previous = v; continue }
            if let s = start, let p = previous { parts.append(s == p ? "\(s)" : "\(s)…\(p)") }
            start = v
            previous = v
        }
        return parts.joined(separator: ", ")
    }
}
