// swift-tools-version:6.1
// Benchmarks live in their own package so the root build (and CI) stays lean.
// Run from this folder:  swift package benchmark
import PackageDescription

let package = Package(
    name: "RelaxationsBenchmarks",
    dependencies: [
        .package(name: "Relaxations", path: ".."),
        .package(url: "https://github.com/ordo-one/benchmark", from: "1.38.0", traits: ["MallocInterposer"]),
    ],
    targets: [
        .executableTarget(
            name: "RelaxationsBenchmarks",
            dependencies: [
                .product(name: "Benchmark", package: "benchmark"),
                .product(name: "SortingNetworks", package: "Relaxations"),
                .product(name: "TopK", package: "Relaxations"),
                .product(name: "LogicGateNetworks", package: "Relaxations"),
                .product(name: "Renderer", package: "Relaxations"),
                .product(name: "AlgorithmicSupervision", package: "Relaxations"),
            ],
            path: "Benchmarks/RelaxationsBenchmarks",
            plugins: [.plugin(name: "BenchmarkPlugin", package: "benchmark")]
        ),
    ]
)
