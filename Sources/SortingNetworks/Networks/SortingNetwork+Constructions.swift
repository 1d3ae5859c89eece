extension SortingNetwork {
    /// Odd-even transposition sort: `n` layers, layer `t` compares `(i, i+1)` for `i ≡ t (mod 2)`
    /// (arXiv 2105.04019).
    static func oddEvenTransposition(n: Int, construction: Construction) -> SortingNetwork {
        var layers: [[Comparator]] = []
        var identities: [Int] = []
        if n >= 2 {
            for t in 0..<n {
                var layer: [Comparator] = []
                var i = t % 2
                while i + 1 < n {
                    layer.append(Comparator(i, i + 1))
                    i += 2
                }
                layers.append(layer)
                identities.append(n - 2 * layer.count)
            }
        }
        return SortingNetwork(n: n, kind: .oddEven, construction: construction, layers: layers, identityEntries: identities)
    }

    /// `L = ⌈log₂ n⌉`.
    static func ceilLog2(_ n: Int) -> Int {
        var l = 0
        while (1 << l) < n { l += 1 }
        return l
    }

    /// The authors' bitonic wiring (arXiv 2105.04019): alternating-direction bitonic
    /// sorter on `N = 2^L` virtual wires with the `p = N − n` padding wires at the lowest virtual
    /// indices; a comparator that touches exactly one padding wire becomes an identity entry.
    static func authorsBitonic(n: Int) -> SortingNetwork {
        let L = ceilLog2(n)
        let N = 1 << L
        let p = N - n
        var layers: [[Comparator]] = []
        var identities: [Int] = []
        for block in 0..<L {
            for step in 0...block {
                let m = 1 << (block - step)
                var layer: [Comparator] = []
                var identity = 0
                for i in 0..<N where (i % (2 * m)) < m {
                    let descending = ((i >> (block + 1)) & 1) == 1
                    if i >= p {
                        layer.append(Comparator(i - p, i + m - p, descending: descending))
                    } else if i + m >= p {
                        identity += 1
                    }
                }
                layers.append(layer)
                identities.append(identity)
            }
        }
        return SortingNetwork(n: n, kind: .bitonic, construction: .authors, layers: layers, identityEntries: identities)
    }

    /// The single-direction ("flip") bitonic sorter with padding at the high end
    /// (arXiv 2105.04019): every comparator is ascending and kept iff its upper wire is real.
    /// A sorting network for every `n`.
    static func flipBitonic(n: Int) -> SortingNetwork {
        let L = ceilLog2(n)
        let N = 1 << L
        var layers: [[Comparator]] = []
        var identities: [Int] = []
        func append(_ layer: [Comparator]) {
            layers.append(layer)
            identities.append(n - 2 * layer.count)
        }
        for block in 0..<L {
            let S = 1 << (block + 1)
            var first: [Comparator] = []
            for start in stride(from: 0, to: N, by: S) {
                for t in 0..<(S / 2) where start + S - 1 - t < n {
                    first.append(Comparator(start + t, start + S - 1 - t))
                }
            }
            append(first.sorted { $0.lo < $1.lo })
            if block >= 1 {
                for j in 1...block {
                    let m = 1 << (block - j)
                    var layer: [Comparator] = []
                    for i in 0..<N where (i % (2 * m)) < m && i + m < n {
                        layer.append(Comparator(i, i + m))
                    }
                    append(layer)
                }
            }
        }
        return SortingNetwork(n: n, kind: .bitonic, construction: .valid, layers: layers, identityEntries: identities)
    }
}
