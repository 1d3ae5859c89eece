import ExactArithmetic
import Foundation
import SortingNetworks
@testable import SortingNetworksProofs
import Testing

/// A slow case inside one proof stops at its time budget and reports `failed` naming it, instead
/// of hanging (the operand-size and step budgets are set out of reach here on purpose).
@Suite(.timeLimit(.minutes(5))) struct TimeBudgetTests {
    /// The exact relaxed sort of 256 values (36 layers of comparators) over GMP rationals: the
    /// rationals grow with every layer, so without a budget this runs for hours.
    @Test func slowExactSortStopsAtTheDeadline() throws {
        let network = try SortingNetwork(kind: .bitonic, n: 256, construction: .valid)
        var rng = SplitMix64(seed: 7)
        let x = (0..<256).map { _ in BudgetedRational(Rational(Int.random(in: -1000...1000, using: &rng), 7)) }
        let swap = RationalSigmoidFamily.reciprocal.conditionalSwap(steepness: BudgetedRational(Rational(10)), guardEpsilon: BudgetedRational(0))
        let started = Date()
        let (_, exhausted) = BudgetedRational.withBudget(Int.max, deadline: Date(timeIntervalSinceNow: 1)) {
            RelaxedSortingNetwork.sort(x: x, network: network, swap: swap)
        }
        let seconds = Date().timeIntervalSince(started)
        #expect(exhausted?.contains("time budget exhausted") == true, "\(exhausted ?? "finished")")
        #expect(seconds < 20, "stopped after \(seconds) s")
    }

    /// A piecewise family written by mistake as a runaway (its code squares the piece function
    /// again and again): the symbolic proof stops at the time budget and its certificate is
    /// `failed`, naming the budget.
    @Test func runawaySymbolicProofFailsNamingTheTimeBudget() {
        let budget = ProofBudget(maxDegree: .max, maxCoefficientBits: .max, maxSteps: .max, maxSeconds: 1)
        let started = Date()
        let analysis = PiecewiseSigmoidAnalysis(
            breakpoints: [0], budget: budget,
            symbolic: { u in
                var t = u
                for _ in 0..<40 { t = t * t + 1 }
                return (t, t.derivative)
            },
            exact: { _ in (nil, nil) })
        let certificate = MonotonicityProofs.piecewise(name: "runaway", label: "runaway", analysis)
        let seconds = Date().timeIntervalSince(started)
        #expect(certificate.verdict == .failed)
        #expect(certificate.evidence.contains { $0.contains("time budget exhausted") }, "\(certificate)")
        #expect(seconds < 30, "stopped after \(seconds) s")
    }
}
