import Testing
import SortingNetworks
import SortingNetworksProofs

/// Network wiring against the counts and checksums of arXiv 2105.04019, and the 0-1
/// principle (exhaustive, bit-sliced) for every construction and every n ≤ 24.
@Suite("Network constructions")
struct NetworkConstructionTests {
    /// (n, OE layers, OE comparators, OE identity, BIT layers, BIT comparators, BIT identity, sorts?)
    static let table: [(Int, Int, Int, Int, Int, Int, Int, Bool)] = [
        (2, 2, 1, 2, 1, 1, 0, true), (3, 3, 3, 3, 3, 3, 3, true), (5, 5, 10, 5, 6, 11, 8, true),
        (7, 7, 21, 7, 6, 18, 6, true), (9, 9, 36, 9, 10, 37, 16, true), (13, 13, 78, 13, 10, 57, 16, true),
        (22, 22, 231, 22, 15, 147, 36, false), (33, 33, 528, 33, 21, 321, 51, true),
        (38, 38, 703, 38, 21, 362, 74, false), (100, 100, 4950, 100, 28, 1334, 132, true),
        (300, 300, 44850, 300, 45, 6438, 624, false), (1000, 1000, 499500, 1000, 55, 27268, 464, true),
        (1024, 1024, 523776, 1024, 55, 28160, 0, true),
    ]

    @Test("Layer, comparator and identity counts (counts from the authors' code)", arguments: table)
    func counts(row: (Int, Int, Int, Int, Int, Int, Int, Bool)) throws {
        let (n, oeL, oeC, oeI, bL, bC, bI, _) = row
        let oe = try SortingNetwork(kind: .oddEven, n: n)
        #expect(oe.layers.count == oeL && oe.comparatorCount == oeC && oe.identityCount == oeI)
        let authors = try SortingNetwork(kind: .bitonic, n: n, construction: .authors)
        #expect(authors.layers.count == bL && authors.comparatorCount == bC && authors.identityCount == bI)
        let valid = try SortingNetwork(kind: .bitonic, n: n, construction: .valid)
        #expect(valid.layers.count == bL && valid.comparatorCount == bC)
    }

    /// The table's last column, beyond the exhaustive range: where the authors' wiring is listed as
    /// not sorting, a seeded search finds a 0-1 input it leaves unsorted (an exact counterexample);
    /// where it is listed as sorting, 200 seeded random 0-1 inputs come out sorted (a sample).
    @Test("Authors' bitonic: the table's sorts/does-not-sort column for n > 24", arguments: table.filter { $0.0 > 24 })
    func authorsSortsColumn(row: (Int, Int, Int, Int, Int, Int, Int, Bool)) throws {
        let (n, _, _, _, _, _, _, sorts) = row
        let network = try SortingNetwork(kind: .bitonic, n: n, construction: .authors)
        var rng = SplitMix64(seed: UInt64(n))
        var unsorted = 0
        for _ in 0..<200 {
            let ones = Int.random(in: 1..<n, using: &rng)
            let input = (0..<n).map { $0 < ones ? UInt8(1) : 0 }.shuffled(using: &rng)
            let output = network.hardSorted(input)
            if zip(output, output.dropFirst()).contains(where: { $0 > $1 }) { unsorted += 1 }
        }
        if sorts {
            #expect(unsorted == 0, "n = \(n): \(unsorted) of 200 random 0-1 inputs left unsorted")
        } else {
            #expect(unsorted > 0, "n = \(n): no unsorted 0-1 input among 200 seeded ones")
        }
    }

    @Test("Checksums over n = 2…1024 (counts from the authors' code)")
    func checksums() throws {
        var oe = (0, 0, 0), authors = (0, 0, 0), valid = (0, 0)
        for n in 2...1024 {
            let o = try SortingNetwork(kind: .oddEven, n: n)
            oe.0 += o.layers.count; oe.1 += o.comparatorCount; oe.2 += o.identityCount
            let a = try SortingNetwork(kind: .bitonic, n: n, construction: .authors)
            authors.0 += a.layers.count; authors.1 += a.comparatorCount; authors.2 += a.identityCount
            let v = try SortingNetwork(kind: .bitonic, n: n, construction: .valid)
            valid.0 += v.layers.count; valid.1 += v.comparatorCount
        }
        #expect(oe == (524_799, 178_956_800, 524_799))
        #expect(authors == (47_103, 13_238_556, 692_907))
        #expect(valid == (47_103, 13_238_556))
    }

    @Test("Every layer touches disjoint wires", arguments: [5, 22, 37, 64, 100])
    func disjoint(n: Int) throws {
        for kind in SortingNetwork.Kind.allCases {
            for construction in SortingNetwork.Construction.allCases {
                let net = try SortingNetwork(kind: kind, n: n, construction: construction)
                for layer in net.layers {
                    let wires = layer.flatMap { [$0.lo, $0.hi] }
                    #expect(Set(wires).count == wires.count)
                    #expect(wires.allSatisfy { (0..<n).contains($0) })
                }
            }
        }
    }

    @Test("0-1 principle: odd-even and the valid bitonic sort every n ≤ 24; the authors' fails only at 22",
          arguments: Array(2...24))
    func zeroOne(n: Int) throws {
        let oddEven = ZeroOnePrinciple.check(try SortingNetwork(kind: .oddEven, n: n))
        #expect(oddEven.sorts && oddEven.inputsChecked == 1 << n)
        let valid = ZeroOnePrinciple.check(try SortingNetwork(kind: .bitonic, n: n, construction: .valid))
        #expect(valid.sorts && valid.inputsChecked == 1 << n)
        let authorsNet = try SortingNetwork(kind: .bitonic, n: n, construction: .authors)
        let authors = ZeroOnePrinciple.check(authorsNet)
        #expect(authors.sorts == (n != 22))
        if let bad = authors.counterexample {
            // The counterexample is real: the hard network leaves it unsorted.
            let out = authorsNet.hardSorted(bad)
            #expect(out != out.sorted())
        }
    }

    @Test("The n = 22 permutation found with the authors' code: unsorted by the authors' wiring, sorted by the valid one")
    func n22Permutation() throws {
        let x = [9, 17, 16, 3, 11, 13, 7, 5, 2, 0, 4, 19, 15, 14, 6, 8, 10, 21, 18, 1, 12, 20]
        let authors = try SortingNetwork(kind: .bitonic, n: 22, construction: .authors).hardSorted(x)
        #expect(authors == [0, 1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12, 14, 13, 16, 15, 17, 18, 19, 20, 21])
        #expect(try SortingNetwork(kind: .bitonic, n: 22, construction: .valid).hardSorted(x) == Array(0..<22))
    }

    @Test("Authors' wiring for n = 3")
    func authorsN3() throws {
        let net = try SortingNetwork(kind: .bitonic, n: 3, construction: .authors)
        #expect(net.layers == [[.init(1, 2, descending: true)], [.init(0, 2)], [.init(1, 2)]])
    }

    @Test("n = 0 is a typed error; n = 1 has no comparators")
    func degenerate() throws {
        #expect(throws: SortingNetworkError.invalidSize(0)) { try SortingNetwork(kind: .bitonic, n: 0) }
        #expect(try SortingNetwork(kind: .oddEven, n: 1).comparatorCount == 0)
        #expect(try SortingNetwork(kind: .bitonic, n: 1).layers.isEmpty)
    }

    @Test("Custom networks from outside are validated with typed errors")
    func customNetworks() throws {
        #expect(throws: SortingNetworkError.invalidComparator(lo: 3, hi: 3)) { try SortingNetwork.Comparator(checking: 3, 3) }
        #expect(throws: SortingNetworkError.invalidComparator(lo: -1, hi: 2)) { try SortingNetwork.Comparator(checking: -1, 2) }
        #expect(throws: SortingNetworkError.comparatorOutOfRange(layer: 1, lo: 2, hi: 4, n: 4)) {
            try SortingNetwork(validating: [[.init(0, 1)], [.init(2, 4)]], n: 4)
        }
        #expect(throws: SortingNetworkError.overlappingWires(layer: 0)) {
            try SortingNetwork(validating: [[.init(0, 1), .init(1, 2)]], n: 3)
        }
        // A valid custom network (the odd-even network for n = 3) sorts.
        let custom = try SortingNetwork(validating: [[.init(0, 1)], [.init(1, 2)], [.init(0, 1)]], n: 3)
        #expect(custom.hardSorted([3, 1, 2]) == [1, 2, 3])
        #expect(custom.identityEntries == [1, 1, 1])
    }
}
