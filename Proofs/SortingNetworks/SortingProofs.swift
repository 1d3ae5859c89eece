import SortingNetworks

/// The sorting-network entries of the proof catalogue (`relax prove NAME`, `relax verify`).
/// Names: `sorting.<topic>.<variant>`.
public enum SortingProofs {
    static let monotonicClaim = "the relaxed conditional swap is monotonic: g(u) = f(u) + u·f′(u) ∈ [0, 1]"

    public static let catalogue = Catalogue(zeroOne + monotonicity + errorBounds + network + agreement + CustomSigmoidEntries.entries)

    static let zeroOne: [CatalogueEntry] = [
        CatalogueEntry("sorting.zero-one.odd-even", claim: "the odd-even transposition network sorts",
                       domain: "every n in 2…max-n (24 in relax verify, 20 in swift test), every input (0-1 principle)",
                       expected: .proved) { scale, progress in
            ZeroOneProofs.run(.oddEven, .valid, expectedFailures: [], scale: scale, progress: progress)
        },
        CatalogueEntry("sorting.zero-one.bitonic-valid", claim: "the valid (flip) bitonic network sorts",
                       domain: "every n in 2…max-n, every input (0-1 principle)", expected: .proved) { scale, progress in
            ZeroOneProofs.run(.bitonic, .valid, expectedFailures: [], scale: scale, progress: progress)
        },
        CatalogueEntry("sorting.zero-one.bitonic-authors",
                       claim: "the authors' bitonic wiring sorts for exactly the n other than 22 and 38",
                       domain: "every n in 2…max-n, every input (0-1 principle)", expected: .proved) { scale, progress in
            ZeroOneProofs.run(.bitonic, .authors, expectedFailures: ZeroOneProofs.authorsFailingSizes, scale: scale, progress: progress)
        },
        CatalogueEntry("sorting.zero-one.bitonic-authors-large",
                       claim: "the authors' bitonic wiring is not a sorting network at n = 38, 300 and 700",
                       domain: "n ∈ {38, 300, 700}: one exact 0-1 counterexample each", expected: .proved) { _, _ in
            ZeroOneProofs.authorsLargeFailures()
        },
    ]

    static let monotonicity: [CatalogueEntry] = [
        CatalogueEntry("sorting.monotonicity.reciprocal", claim: "reciprocal: " + monotonicClaim, domain: "every real u", expected: .proved) { _, _ in
            MonotonicityProofs.rational(.reciprocal)
        },
        CatalogueEntry("sorting.monotonicity.optimal", claim: "optimal (no guard): " + monotonicClaim, domain: "every real u", expected: .proved) { _, _ in
            MonotonicityProofs.rational(.optimal)
        },
        CatalogueEntry("sorting.monotonicity.cauchy", claim: "cauchy: " + monotonicClaim, domain: "every real u", expected: .proved) { _, _ in
            MonotonicityProofs.cauchy()
        },
        CatalogueEntry("sorting.monotonicity.logistic", claim: "logistic: " + monotonicClaim, domain: "every real u", expected: .refuted) { _, _ in
            MonotonicityProofs.logistic()
        },
        CatalogueEntry("sorting.monotonicity.logistic_phi", claim: "logistic_phi (λ = ¼, ε = 1e−10 as the code adds it): " + monotonicClaim,
                       domain: "every real d", expected: .refuted) { _, _ in
            MonotonicityProofs.logisticPhi()
        },
        CatalogueEntry("sorting.monotonicity.gaussian", claim: "gaussian: " + monotonicClaim, domain: "every real u", expected: .refuted) { _, _ in
            MonotonicityProofs.gaussian()
        },
        CatalogueEntry("sorting.monotonicity.optimal-guarded",
                       claim: "optimal as the authors evaluate it (|u| + 1e−10 in the tails) gives a monotonic soft minimum",
                       domain: "every real x (soft min of (x, 0), s = 1)", expected: .refuted) { _, _ in
            MonotonicityProofs.optimalGuarded()
        },
    ]

    static let errorBounds: [CatalogueEntry] = [
        CatalogueEntry("sorting.error-bound.reciprocal", claim: "reciprocal: sup_{d>0} d·f(−s·d) = 1/s (approached as d → ∞)",
                       domain: "every real d > 0, every steepness s > 0", expected: .proved) { _, _ in ErrorBoundProofs.rational(.reciprocal) },
        CatalogueEntry("sorting.error-bound.optimal", claim: "optimal: sup_{d>0} d·f(−s·d) = 1/(16 s), attained at d = 1/(4s)",
                       domain: "every real d > 0, every steepness s > 0", expected: .proved) { _, _ in ErrorBoundProofs.rational(.optimal) },
        CatalogueEntry("sorting.error-bound.cauchy", claim: "cauchy: sup_{d>0} d·f(−s·d) = 1/(π s)",
                       domain: "d > 0 via v = s·d; checked on a grid of v", expected: .tested) { _, _ in ErrorBoundProofs.cauchy() },
        CatalogueEntry("sorting.error-bound.logistic", claim: "logistic: sup_{d>0} d·f(−s·d) = 0.2784645428/s",
                       domain: "d > 0 via v = s·d; checked on a grid of v", expected: .tested) { _, _ in ErrorBoundProofs.logistic() },
        CatalogueEntry("sorting.error-bound.gaussian", claim: "gaussian: sup_{d>0} d·f(−s·d) = 0.1699712/s",
                       domain: "d > 0 via v = s·d; checked on a grid of v", expected: .tested) { _, _ in ErrorBoundProofs.gaussian() },
        CatalogueEntry("sorting.error-bound.logistic_phi", claim: "logistic_phi (λ = ¼, ε = 0): sup_{d>0} d·σ(−s·d^¾) = 0.3143564·s^(−4/3)",
                       domain: "d > 0 via t = s·d^¾; checked on a grid of t", expected: .tested) { _, _ in ErrorBoundProofs.logisticPhi() },
    ]

    static let network: [CatalogueEntry] = NetworkMonotonicityProofs.families.map { family in
        CatalogueEntry("sorting.monotonicity.network.\(family.rawValue)",
                       claim: "\(family.rawValue): every entry of the relaxed network's Jacobian ∂y_i/∂x_j is ≥ 0",
                       domain: "every n, every comparator network, every x ∈ ℝⁿ, every steepness s > 0", expected: .proved) { _, _ in
            NetworkMonotonicityProofs.run(family)
        }
    } + [
        CatalogueEntry("sorting.doubly-stochastic.every-n",
                       claim: "the relaxed permutation matrix P is doubly stochastic (entries in [0, 1], rows and columns sum to 1)",
                       domain: "every n, every comparator network, every input; families reciprocal and optimal (no guard), every s > 0",
                       expected: .proved) { _, _ in
            DoublyStochasticTheorem.run()
        },
    ] + RationalSigmoidFamily.allCases.map { family in
        CatalogueEntry("sorting.jacobian.sampled.\(family.rawValue)",
                       claim: "\(family.rawValue): the reference backward pass over exact rationals gives ∂y_i/∂x_j ≥ 0 and rows summing to 1",
                       domain: "one seeded input per network: bitonic n ≤ 8, odd-even n ≤ 6, both constructions", expected: .tested) { scale, progress in
            JacobianSignProofs.run(family, scale: scale, progress: progress)
        }
    } + DoublyStochasticProofs.settings.map { setting in
        CatalogueEntry(setting.name,
                       claim: "\(setting.family.rawValue)\(setting.guarded ? " (guard 1e−10)" : ""): the reference relaxed sort over exact rationals gives a doubly-stochastic P, Σy = Σx, y = xᵀP"
                           + (setting.compareDouble ? "; every Double implementation is within \(Int(DoublyStochasticProofs.doubleAgreementBoundPerLayer)) ε per layer of it" : ""),
                       domain: "one seeded input per (network, construction, n), sizes in the evidence", expected: .tested) { scale, progress in
            DoublyStochasticProofs.run(setting, scale: scale, progress: progress)
        }
    }

    static let agreement: [CatalogueEntry] = [
        CatalogueEntry("sorting.agreement.optimized",
                       claim: "optimized = reference: y bit-identical; P and ∂x within SIMDRelaxedSorter.agreementBound ulps per layer",
                       domain: "seeded inputs: every family × network × construction, n ∈ {2, 3, 7, 16, 22, 37, 64}", expected: .tested) { _, _ in
            AgreementProofs.optimizedAgreesWithReference()
        },
    ]
}
