import SortingNetworks
import TopK

/// The top-k proofs, each returning a `Certificate`; ``all`` is the registry that
/// `relax prove` and `relax verify` run.
public enum TopKProofs {
    public static let all: [NamedProof] = [
        NamedProof(name: "topk-pruning-0-1", claim: "pruned top-k network = full network on every 0-1 input (n ≤ 20)",
                   run: { pruningZeroOne(scale: $0) }),
        NamedProof(name: "topk-splitter-selector", claim: "splitter selection network is a top-K selector (0-1 principle)",
                   run: { splitterIsSelector(scale: $0) }),
        NamedProof(name: "topk-authors-bitonic-22", claim: "authors' bitonic top-5 fails at n = 22; valid constructions pass",
                   run: { authorsBitonicTop5At22(scale: $0) }),
        NamedProof(name: "topk-pruning-exact", claim: "pruning is exact for A and its gradient over exact rationals",
                   run: { pruningExactDefault(scale: $0) }),
        NamedProof(name: "topk-pruning-bitexact-double", claim: "pruned and full networks agree bit for bit in Double",
                   run: { pruningBitExactDouble(scale: $0) }),
        NamedProof(name: "topk-optimized-agrees", claim: "optimized top-k loss = reference within SIMDTopKLoss.agreementBound",
                   run: { optimizedAgreesWithReference(scale: $0) }),
    ]

    public static func proof(named name: String) -> NamedProof? { all.first { $0.name == name } }
}
