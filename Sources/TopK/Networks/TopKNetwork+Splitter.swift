import SortingNetworks

extension TopKNetwork {
    /// The splitter selection network for the top `k` of `n` (Borgelt; used by arXiv 2206.07290).
    ///
    /// The construction selects the `k` *smallest* values onto lanes `0..<k` by repeated splitter
    /// cascades over the lanes that share a proven minimum rank, then mirrors every comparator
    /// `(a, b) → (n−1−b, n−1−a)` so that the `k` largest values end ascending on `n−k … n−1`.
    /// All comparators are ascending.
    public static func splitterSelection(n: Int, k: Int) -> TopKNetwork {
        let layers = splitterSelectionLayers(n: n, k: k).map { layer in
            layer.map { Comparator(n - 1 - $0.1, n - 1 - $0.0) }
        }
        return TopKNetwork(n: n, k: k, name: "splitter_selection", layers: layers)
    }

    /// One splitter cascade on the ordered lane list `lanes`: `⌈log₂ t⌉` layers; in
    /// layer `i` the section size is `h = 2^(c−i−1)` and lane position `j` is compared with `j + h`
    /// for every block start `o = 0, 2h, …` and `o ≤ j < min(o + h, t − h)`.
    static func splitterCascade(_ lanes: [Int]) -> [[(Int, Int)]] {
        let t = lanes.count
        guard t >= 2 else { return [] }
        var c = 0
        while (1 << c) < t { c += 1 }
        var layers: [[(Int, Int)]] = []
        for i in 0..<c {
            let h = 1 << (c - i - 1)
            var layer: [(Int, Int)] = []
            var o = 0
            while o < t {
                var j = o
                while j < min(o + h, t - h) {
                    layer.append((lanes[j], lanes[j + h]))
                    j += 1
                }
                o += 2 * h
            }
            layers.append(layer)
        }
        return layers
    }

    /// The unmirrored construction: lanes `0..<k` receive the `k` smallest values.
    static func splitterSelectionLayers(n: Int, k: Int) -> [[(Int, Int)]] {
        // Position j of a cascade learns 2^popcount(j) − 1 further elements smaller than it.
        let bonus = (0..<max(n, 1)).map { (1 << $0.nonzeroBitCount) - 1 }
        var minRank = [Int](repeating: 0, count: n)
        var free = [Int](repeating: 0, count: n)
        var layers: [[(Int, Int)]] = []
        var low = -1
        var added = true
        while added {
            added = false
            var r = k - 1
            while r > low {
                let lanes = (0..<n).filter { minRank[$0] == r }
                if lanes.count >= 2 {
                    let cascade = splitterCascade(lanes)
                    let start = lanes.map { free[$0] }.max() ?? 0
                    while layers.count < start + cascade.count { layers.append([]) }
                    for (i, layer) in cascade.enumerated() { layers[start + i] += layer }
                    for (j, lane) in lanes.enumerated() {
                        minRank[lane] += bonus[j]
                        free[lane] = start + cascade.count
                    }
                    added = true
                }
                r -= 1
            }
            low += 1
        }
        return layers
    }
}
