/// The ordinary (unrelaxed) algorithms behind the shipped programs: what each program must
/// return in hard mode. Written as plain Swift, independent of the language and interpreters.
public enum PlainAlgorithms {
    /// Bubble sort with passes over a shrinking prefix; returns the sorted row and the number
    /// of swaps (the `loss_sum` of the relaxed program).
    public static func bubbleSort(_ x: [Double]) -> (sorted: [Double], swaps: Int) {
        var a = x
        var swaps = 0
        var k = a.count - 1
        var swapped = true
        while swapped {
            swapped = false
            for i in stride(from: 0, to: max(k, 0), by: 1) where a[i] > a[i + 1] {
                a.swapAt(i, i + 1)
                swapped = true
                swaps += 1
            }
            k -= 1
        }
        return (a, swaps)
    }

    /// Bellman–Ford on the 8-connected grid (`iterations` synchronous sweeps over the
    /// `infinity`-padded distance map, the start held at 0, the first minimal neighbour in
    /// direction order as predecessor), then `iterations` traceback steps from the target
    /// along the predecessors; returns the 0/1 map of visited cells (row-major `H × W`).
    public static func shortestPath(cost: [Double], H: Int, W: Int, iterations: Int, infinity: Double) -> [Double] {
        let Wp = W + 2
        var d = [Double](repeating: infinity, count: (H + 2) * Wp)
        d[Wp + 1] = 0
        var pred = [Int](repeating: 0, count: H * W)
        for _ in 0..<iterations {
            var next = d
            for i in 0..<H {
                for j in 0..<W {
                    var best = 0
                    var bestValue = d[(1 + i + gridDirections[0].dr) * Wp + 1 + j + gridDirections[0].dc]
                    for (k, (dr, dc)) in gridDirections.enumerated().dropFirst() {
                        let v = d[(1 + i + dr) * Wp + 1 + j + dc]
                        if v < bestValue { best = k; bestValue = v }
                    }
                    pred[i * W + j] = best
                    next[(1 + i) * Wp + 1 + j] = bestValue + cost[i * W + j]
                }
            }
            d = next
            d[Wp + 1] = 0
        }
        if iterations == 0 { return [Double](repeating: 0, count: H * W) }
        var path = [Double](repeating: 0, count: H * W)
        var at: (Int, Int)? = (H - 1, W - 1)
        for _ in 0..<iterations {
            guard let (i, j) = at else { break }
            path[i * W + j] = 1
            let (dr, dc) = gridDirections[pred[i * W + j]]
            let (r, c) = (i + dr, j + dc)
            at = r >= 0 && r < H && c >= 0 && c < W ? (r, c) : nil
        }
        return path
    }

    /// The Levenshtein distance between two strings (of any equatable symbols).
    public static func levenshtein<S: Equatable>(_ a: [S], _ b: [S]) -> Int {
        var previous = Array(0...b.count)
        for i in 1...max(a.count, 1) where !a.isEmpty {
            var row = [i] + [Int](repeating: 0, count: b.count)
            for j in stride(from: 1, through: b.count, by: 1) {
                row[j] = min(previous[j] + 1, row[j - 1] + 1, previous[j - 1] + (a[i - 1] == b[j - 1] ? 0 : 1))
            }
            previous = row
        }
        return previous[b.count]
    }

    /// `x ← start; while x < limit { x += 1 }`.
    public static func counter(start: Double, limit: Double) -> Double {
        var x = start
        while x < limit { x += 1 }
        return x
    }
}
