@testable import LogicGateNetworks

/// Random networks and inputs for property tests, reproducible from a seed.
enum Random {
    static func hardNetwork(seed: UInt64, inputBits: Int, widths: [Int], classes: Int, sameInputRate: Int = 8) -> HardLogicGateNetwork {
        var rng = SeededGenerator(seed: seed)
        var layers: [HardLogicLayer] = []
        var w = inputBits
        for width in widths {
            var a: [Int] = [], b: [Int] = []
            for _ in 0..<width {
                let i = Int.random(in: 0..<w, using: &rng)
                a.append(i)
                // Sometimes both connections on one input (possible with `random` wiring).
                b.append(Int.random(in: 0..<sameInputRate, using: &rng) == 0 ? i : Int.random(in: 0..<w, using: &rng))
            }
            let gates = (0..<width).map { _ in LogicGate(rawValue: UInt8.random(in: 0...15, using: &rng))! }
            layers.append(HardLogicLayer(a: a, b: b, gates: gates))
            w = width
        }
        return try! HardLogicGateNetwork(inputBits: inputBits, layers: layers, groupSum: try! GroupSum(classes: classes, tau: 1))
    }

    static func bits(seed: UInt64, count: Int) -> [UInt8] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in UInt8(rng.next() & 1) }
    }

    static func unit<T: LogicScalar>(seed: UInt64, count: Int) -> [T] {
        var rng = SeededGenerator(seed: seed)
        return (0..<count).map { _ in T(Double(rng.next() >> 11) * 0x1p-53) }
    }

    static func layer<T: LogicScalar>(seed: UInt64, inputs: Int, outputs: Int, gradFactor: T = 1) -> LogicLayer<T> {
        var rng = SeededGenerator(seed: seed)
        let scheme: ConnectionScheme = seed % 2 == 0 ? .random : .unique
        return try! LogicLayer(inputWidth: inputs, outputWidth: outputs, connections: scheme, gradFactor: gradFactor, using: &rng)
    }
}

func maxAbs<T: LogicScalar>(_ x: [T], _ y: [T]) -> T {
    zip(x, y).reduce(0) { max($0, abs($1.0 - $1.1)) }
}
func scale<T: LogicScalar>(_ x: [T]) -> T { 1 + x.reduce(0) { max($0, abs($1)) } }

import PropertyBased

