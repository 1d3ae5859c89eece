// swift-tools-version:6.1
import PackageDescription

/// Hot numeric modules are optimised even in debug builds so that `swift test` (debug) runs the
/// exhaustive proofs and property tests in minutes, not hours. Debug information is kept.
let optimizedInDebug: [SwiftSetting] = [.unsafeFlags(["-O"], .when(configuration: .debug))]

let package = Package(
    name: "Relaxations",
    products: [
        .library(name: "ExactArithmetic", targets: ["ExactArithmetic"]),
        .library(name: "SortingNetworks", targets: ["SortingNetworks"]),
        .library(name: "TopK", targets: ["TopK"]),
        .library(name: "LogicGateNetworks", targets: ["LogicGateNetworks"]),
        .library(name: "Fixtures", targets: ["Fixtures"]),
        .library(name: "Renderer", targets: ["Renderer"]),
        .library(name: "AlgorithmicSupervision", targets: ["AlgorithmicSupervision"]),
        .executable(name: "relax", targets: ["relax"]),
    ],
    dependencies: [
        .package(url: "https://github.com/apple/swift-numerics", from: "1.0.0"),
        .package(url: "https://github.com/apple/swift-argument-parser", from: "1.5.0"),
        .package(url: "https://github.com/x-sheep/swift-property-based", from: "2.0.0"),
        // Documentation only (`swift package generate-documentation`); nothing links against it.
        .package(url: "https://github.com/swiftlang/swift-docc-plugin", from: "1.5.0"),
    ],
    targets: [
        .systemLibrary(name: "CGMP", pkgConfig: "gmp", providers: [.apt(["libgmp-dev"])]),
        .systemLibrary(name: "CZlib", pkgConfig: "zlib", providers: [.apt(["zlib1g-dev"])]),
        .target(
            name: "ExactArithmetic",
            dependencies: ["CGMP", .product(name: "Numerics", package: "swift-numerics")],
            swiftSettings: optimizedInDebug),
        // The P panel kernel of SIMDRelaxedSorter in C: baseline and AVX2 + FMA, chosen at run time.
        // The one run-time CPU feature check (AVX2 + FMA) of the C kernels below.
        .target(name: "CPUFeatures"),
        .target(
            name: "CSortingKernels",
            dependencies: ["CPUFeatures"],
            cSettings: [.unsafeFlags(["-O2"])]),
        .target(
            name: "SortingNetworks",
            dependencies: ["CSortingKernels", "CPUFeatures", .product(name: "Numerics", package: "swift-numerics")],
            swiftSettings: optimizedInDebug),
        .target(
            name: "TopK",
            dependencies: ["SortingNetworks", "CSortingKernels", .product(name: "Numerics", package: "swift-numerics")],
            swiftSettings: optimizedInDebug),
        // Size limits, the capped streaming gzip reader and bounded file reads for outside input.
        .target(name: "InputLimits", dependencies: ["CZlib"], swiftSettings: optimizedInDebug),
        .target(name: "NumPyFiles", dependencies: ["InputLimits"]),
        // The one JSON layer (parser with exact integers, writer), used by the fixture checker,
        // the logic model format and the tool.
        .target(name: "JSON", swiftSettings: optimizedInDebug),
        .target(
            name: "LogicGateNetworks",
            dependencies: ["CLogicKernels", "NumPyFiles", "InputLimits", "JSON", .product(name: "Numerics", package: "swift-numerics")],
            swiftSettings: optimizedInDebug),
        .target(name: "Imaging", dependencies: ["CZlib"]),
        // The bundled datasets (digits, mnist5k) as resources, found through Bundle.module.
        .target(name: "Datasets", resources: [.copy("data")]),
        // The bit-sliced gate interpreter and input packing of BitSlicedLogicNetwork in C (256-bit
        // words): baseline and AVX2, chosen at run time.
        .target(
            name: "CLogicKernels",
            dependencies: ["CPUFeatures"],
            cSettings: [.unsafeFlags(["-O2"])]),
        // The silhouette kernels of SIMDSoftRasterizer in C: baseline and AVX2 + FMA, chosen at run time.
        .target(
            name: "CRendererKernels",
            dependencies: ["CPUFeatures"],
            cSettings: [.unsafeFlags(["-O2"])]),
        .target(
            name: "Renderer",
            dependencies: ["CRendererKernels", .product(name: "Numerics", package: "swift-numerics")],
            swiftSettings: optimizedInDebug),
        .target(
            name: "RendererProofs",
            dependencies: ["Renderer", "SortingNetworks", "ExactArithmetic", "ProofSupport", "SortingNetworksProofs"],
            path: "Proofs/Renderer",
            swiftSettings: optimizedInDebug),
        // The relaxed shortest path of the SIMD algorithm runner in C: baseline and AVX2 + FMA, chosen at run time.
        .target(
            name: "CAlgorithmKernels",
            dependencies: ["CPUFeatures"],
            cSettings: [.unsafeFlags(["-O2"])]),
        .target(
            name: "AlgorithmicSupervision",
            dependencies: ["CAlgorithmKernels", .product(name: "Numerics", package: "swift-numerics")],
            swiftSettings: optimizedInDebug),
        .target(name: "ProofSupport", path: "Proofs/Support"),
        .target(
            name: "SortingNetworksProofs",
            dependencies: ["SortingNetworks", "ExactArithmetic", "ProofSupport"],
            path: "Proofs/SortingNetworks",
            swiftSettings: optimizedInDebug),
        .target(
            name: "LogicGateNetworksProofs",
            dependencies: ["LogicGateNetworks", "ExactArithmetic", "ProofSupport"],
            path: "Proofs/LogicGateNetworks",
            swiftSettings: optimizedInDebug),
        .target(
            name: "TopKProofs",
            dependencies: ["TopK", "SortingNetworks", "ExactArithmetic", "ProofSupport"],
            path: "Proofs/TopK",
            swiftSettings: optimizedInDebug),
        // The one proof catalogue: every method's entries plus the fixture entries (see
        // Proofs/Catalogue/ProofCatalogue.swift for how a new module adds its entries).
        .target(
            name: "ProofCatalogue",
            dependencies: ["ProofSupport", "SortingNetworksProofs", "TopKProofs", "LogicGateNetworksProofs", "RendererProofs", "AlgorithmicSupervisionProofs", "Fixtures"],
            path: "Proofs/Catalogue"),
        .target(
            name: "AlgorithmicSupervisionProofs",
            dependencies: ["AlgorithmicSupervision", "ExactArithmetic", "ProofSupport"],
            path: "Proofs/AlgorithmicSupervision",
            swiftSettings: optimizedInDebug),
        .target(
            name: "Fixtures",
            dependencies: ["SortingNetworks", "TopK", "LogicGateNetworks", "Renderer", "AlgorithmicSupervision", "CZlib", "NumPyFiles", "InputLimits", "JSON"],
            swiftSettings: optimizedInDebug),
        .executableTarget(
            name: "relax",
            dependencies: [
                "SortingNetworks", "TopK", "LogicGateNetworks", "Fixtures", "ExactArithmetic", "Imaging", "InputLimits", "AlgorithmicSupervision", "Datasets",
                "SortingNetworksProofs", "LogicGateNetworksProofs", "TopKProofs", "ProofCatalogue",
                "Renderer",
                .product(name: "ArgumentParser", package: "swift-argument-parser"),
            ]),
        // Every parser and loader as a fuzz target (Fuzz/run.sh links Fuzz/Entry/*.swift against it).
        .target(
            name: "FuzzHarness",
            dependencies: ["Fixtures", "InputLimits", "NumPyFiles", "LogicGateNetworks", "SortingNetworks", "TopK", "Renderer", "AlgorithmicSupervision"],
            path: "Fuzz/Harness"),
        // Seeded property checks shared by the test targets (not a test target itself).
        .target(
            name: "PropertyTesting",
            dependencies: [.product(name: "PropertyBased", package: "swift-property-based")],
            path: "Tests/PropertyTesting"),
        .testTarget(
            name: "ExactArithmeticTests",
            dependencies: ["ExactArithmetic", .product(name: "PropertyBased", package: "swift-property-based"), "PropertyTesting"]),
        .testTarget(
            name: "SortingNetworksTests",
            dependencies: [
                "SortingNetworks", "SortingNetworksProofs", "ExactArithmetic", "Fixtures",
                .product(name: "PropertyBased", package: "swift-property-based"), "PropertyTesting",
            ]),
        .testTarget(
            name: "TopKTests",
            dependencies: [
                "TopK", "TopKProofs", "SortingNetworks", "ExactArithmetic",
                .product(name: "PropertyBased", package: "swift-property-based"), "PropertyTesting",
            ]),
        .testTarget(
            name: "LogicGateNetworksTests",
            dependencies: [
                "LogicGateNetworks", "LogicGateNetworksProofs", "ExactArithmetic",
                .product(name: "PropertyBased", package: "swift-property-based"), "PropertyTesting",
            ]),
        .testTarget(
            name: "HardeningTests",
            dependencies: ["FuzzHarness", "Fixtures", "InputLimits", "NumPyFiles", "LogicGateNetworks", "SortingNetworks", "TopK", "CZlib"]),
        .testTarget(
            name: "RendererTests",
            dependencies: [
                "Renderer", "RendererProofs", "ExactArithmetic", "Fixtures", "SortingNetworks",
                .product(name: "PropertyBased", package: "swift-property-based"), "PropertyTesting",
            ],
            swiftSettings: optimizedInDebug),
        .testTarget(
            name: "AlgorithmicSupervisionTests",
            dependencies: ["AlgorithmicSupervision", "AlgorithmicSupervisionProofs", "ProofSupport", "SortingNetworks", "ExactArithmetic"]),
        .testTarget(
            name: "FixturesTests",
            dependencies: ["Fixtures", "NumPyFiles", "InputLimits", "LogicGateNetworks"]),
        // The catalogue as the command-line tool uses it: verdicts, exit statuses, JSON, JUnit.
        .testTarget(
            name: "ProofCatalogueTests",
            dependencies: ["ProofCatalogue", "Fixtures"]),
    ]
)
