import SortingNetworks
import TopK

/// The top-k entries of the proof catalogue (`relax prove NAME`, `relax verify`).
/// Names: `topk.<topic>.<variant>`.
public enum TopKProofs {
    public static let catalogue = Catalogue([
        CatalogueEntry("topk.pruning.cone",
                       claim: "cone pruning leaves the top-K outputs, the attribution A and every gradient unchanged",
                       domain: "every input and family; networks bitonic (authors, valid), odd-even, splitter; n = 2…64 and 15 sizes up to 1024; K ∈ {1, 2, 3, 5, 10, 16}",
                       expected: .proved) { scale, _ in pruningCone(scale: scale) },
        CatalogueEntry("topk.pruning.zero-one",
                       claim: "the pruned network returns the full network's top-K outputs (hard comparators)",
                       domain: "every 0-1 input, n = 2…max-n, K ≤ min(n, 5), the four networks", expected: .proved) { scale, _ in
            pruningZeroOne(scale: scale)
        },
        CatalogueEntry("topk.selector.splitter", claim: "the splitter selection network selects the top K (0-1 principle)",
                       domain: "every input, n = 2…max-n, K ≤ min(n, 8)", expected: .proved) { scale, _ in splitterIsSelector(scale: scale) },
        CatalogueEntry("topk.selector.authors-bitonic-22",
                       claim: "the authors' bitonic top-5 fails at n = 22; valid bitonic, odd-even and splitter select the top 5 there",
                       domain: "every input at n = 22, K = 5 (0-1 principle)", expected: .proved) { scale, _ in
            authorsBitonicTop5At22(scale: scale)
        },
        CatalogueEntry("topk.pruning.sampled-rational",
                       claim: "pruning leaves A and its gradient exactly unchanged over GMP rationals; columns of A sum to 1",
                       domain: "seeded random rational inputs, n ∈ {3, 5, 6, 8}, rational families", expected: .tested) { scale, _ in
            pruningExactDefault(scale: scale)
        },
        CatalogueEntry("topk.pruning.sampled-double",
                       claim: "pruned and full networks agree bit for bit in Double",
                       domain: "seeded random inputs, n ∈ {3, 5, 6, 8}, rational families", expected: .tested) { scale, _ in
            pruningBitExactDouble(scale: scale)
        },
        CatalogueEntry("topk.agreement.optimized",
                       claim: "optimized top-k loss = reference within SIMDTopKLoss.agreementBound (loss, gradient, probabilities)",
                       domain: "seeded logits: every method × family × mode, n ∈ {6, 17, 33}, Double and Float", expected: .tested) { scale, _ in
            optimizedAgreesWithReference(scale: scale)
        },
    ])
}
