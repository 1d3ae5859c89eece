// SIMD relaxed edit distance — `RelaxedPrograms.editDistance` compiled by hand: the dynamic
// programme with a soft minimum of three moves, lanes of four rows, the table kept for a
// closed-form backward (cells in reverse order). Agreement bound: `simdAgreementBound`.

struct SIMDEditDistance {
    let n: Int, m: Int, K: Int
    let lanes: Lanes
    let beta: Double, hard: Bool

    /// Soft-min weights of three lanes (hard: one-hot of the first minimum).
    @inline(__always) func weights(_ x: (Lane, Lane, Lane)) -> (Lane, Lane, Lane) {
        if hard {
            let first = (x.0 .<= x.1) .& (x.0 .<= x.2)
            let second = .!first .& (x.1 .<= x.2)
            let third = .!first .& .!second
            return (Lane.zero.replacing(with: 1, where: first), Lane.zero.replacing(with: 1, where: second),
                    Lane.zero.replacing(with: 1, where: third))
        }
        let b = Lane(repeating: -beta)
        let z = (b * x.0, b * x.1, b * x.2)
        var mx = z.0
        mx.replace(with: z.1, where: z.1 .> mx)
        mx.replace(with: z.2, where: z.2 .> mx)
        let e = (exp(z.0 - mx), exp(z.1 - mx), exp(z.2 - mx))
        let total = e.0 + e.1 + e.2
        return (e.0 / total, e.1 / total, e.2 / total)
    }

    /// The three candidates of cell `(i, j)`: delete, insert, substitute.
    @inline(__always) func candidates(_ D: [Lane], _ a: [Lane], _ bb: [Lane], _ i: Int, _ j: Int, _ g: Int) -> (Lane, Lane, Lane) {
        let G = lanes.groups, cols = m + 1
        var same = Lane.zero
        for k in 0..<K {
            let ak: Lane = a[(i * K + k) * G + g]
            let bk: Lane = bb[(j * K + k) * G + g]
            same += ak * bk
        }
        return (D[(i * cols + j + 1) * G + g] + 1, D[((i + 1) * cols + j) * G + g] + 1, (D[(i * cols + j) * G + g] + 1) - same)
    }

    func run(_ a: [Lane], _ bb: [Lane], gradDistance gOut: [Lane]?) -> (distance: [Lane], gradA: [Lane]?, gradB: [Lane]?) {
        let G = lanes.groups, cols = m + 1
        var D = [Lane](repeating: .zero, count: (n + 1) * cols * G)
        for i in 0...n { for g in 0..<G { D[(i * cols) * G + g] = Lane(repeating: Double(i)) } }
        for j in 0...m { for g in 0..<G { D[j * G + g] = Lane(repeating: Double(j)) } }
        for i in 0..<n {
            for j in 0..<m {
                for g in 0..<G {
                    let x = candidates(D, a, bb, i, j, g)
                    let w = weights(x)
                    D[((i + 1) * cols + j + 1) * G + g] = (w.0 * x.0 + w.1 * x.1) + w.2 * x.2
                }
            }
        }
        let distance = (0..<G).map { D[(n * cols + m) * G + $0] }
        guard let gOut else { return (distance, nil, nil) }
        var gD = [Lane](repeating: .zero, count: D.count)
        var gA = [Lane](repeating: .zero, count: a.count), gB = [Lane](repeating: .zero, count: bb.count)
        for g in 0..<G { gD[(n * cols + m) * G + g] = gOut[g] }
        let b = Lane(repeating: beta)
        for i in stride(from: n - 1, through: 0, by: -1) {
            for j in stride(from: m - 1, through: 0, by: -1) {
                for g in 0..<G {
                    let out = ((i + 1) * cols + j + 1) * G + g
                    let gy = gD[out]
                    gD[out] = .zero
                    let x = candidates(D, a, bb, i, j, g)
                    let w = weights(x)
                    let y = D[out]
                    func grad(_ wk: Lane, _ xk: Lane) -> Lane { hard ? gy * wk : gy * wk * (1 - b * (xk - y)) }
                    let g0 = grad(w.0, x.0), g1 = grad(w.1, x.1), g2 = grad(w.2, x.2)
                    gD[(i * cols + j + 1) * G + g] += g0
                    gD[((i + 1) * cols + j) * G + g] += g1
                    gD[(i * cols + j) * G + g] += g2
                    for k in 0..<K {
                        gA[(i * K + k) * G + g] -= g2 * bb[(j * K + k) * G + g]
                        gB[(j * K + k) * G + g] -= g2 * a[(i * K + k) * G + g]
                    }
                }
            }
        }
        return (distance, gA, gB)
    }
}
