import Testing
@testable import LogicGateNetworks

@Suite struct ConnectionTests {
    /// Examples of the `unique` enumeration before the shuffle.
    @Test func uniquePairsMatchSpecExamples() throws {
        let p66 = try Connections.uniquePairsBeforeShuffle(inputs: 6, outputs: 6)
        #expect(Array(zip(p66.a, p66.b)).map { [$0, $1] } == [[0, 1], [2, 3], [4, 5], [1, 2], [3, 4], [0, 2]])
        let p58 = try Connections.uniquePairsBeforeShuffle(inputs: 5, outputs: 8)
        #expect(Array(zip(p58.a, p58.b)).map { [$0, $1] } == [[0, 1], [2, 3], [1, 2], [3, 4], [0, 2], [1, 3], [2, 4], [0, 3]])
        let p63 = try Connections.uniquePairsBeforeShuffle(inputs: 6, outputs: 3)
        #expect(p63.a == [0, 2, 4] && p63.b == [1, 3, 5])
        let p17 = try Connections.uniquePairsBeforeShuffle(inputs: 17, outputs: 24)
        let expected17 = (0..<8).map { [2 * $0, 2 * $0 + 1] } + (0..<8).map { [2 * $0 + 1, 2 * $0 + 2] } + (0..<8).map { [$0, $0 + 2] }
        #expect(Array(zip(p17.a, p17.b)).map { [$0, $1] } == expected17)
        #expect(throws: LogicLayerError.self) { try Connections.uniquePairsBeforeShuffle(inputs: 4, outputs: 8) }
        #expect(throws: LogicLayerError.tooFewNeurons(inputs: 10, outputs: 4)) {
            try Connections.uniquePairsBeforeShuffle(inputs: 10, outputs: 4)
        }
    }

    @Test func uniqueIsAShuffleOfTheEnumerationWithDistinctEnds() throws {
        var rng = SeededGenerator(seed: 7)
        let (a, b) = try Connections.unique(inputs: 400, outputs: 8000, using: &rng)
        let (a0, b0) = try Connections.uniquePairsBeforeShuffle(inputs: 400, outputs: 8000)
        #expect(zip(a, b).allSatisfy { $0 != $1 })
        #expect(Set(zip(a, b).map { [$0, $1] }) == Set(zip(a0, b0).map { [$0, $1] }))
        #expect(zip(a0, b0).map { $1 - $0 }.max() == 21)  // max distance 21 for 400 → 8000
    }

    @Test(arguments: [(400, 8000), (6, 3), (7, 5), (13, 100)])
    func randomUsageIsBalanced(inputs: Int, outputs: Int) throws {
        var rng = SeededGenerator(seed: 3)
        let (a, b) = try Connections.random(inputs: inputs, outputs: outputs, using: &rng)
        var use = [Int](repeating: 0, count: inputs)
        for i in a + b { use[i] += 1 }
        let lo = 2 * outputs / inputs, hi = (2 * outputs + inputs - 1) / inputs
        #expect(use.allSatisfy { $0 >= lo && $0 <= hi })
        if inputs == 400 { #expect(use.allSatisfy { $0 == 40 }) }
    }
}
