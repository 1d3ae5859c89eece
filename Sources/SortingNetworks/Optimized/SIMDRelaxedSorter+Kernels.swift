import RealModule

extension SIMDRelaxedSorter {
    /// Values forward of one row; records α, dα/dd and a − b per comparator.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func forwardRow<T: SortScalar>(_ x: UnsafePointer<T>, y: UnsafeMutablePointer<T>, _ ws: Workspace<T>) {
        let alphaOf = SigmoidKernel(family: configuration.family, steepness: T(configuration.steepness),
                                    artLambda: T(configuration.artLambda), custom: configuration.customFamily)
        let v = ws.values, w = wiring
        v.update(from: x, count: n)
        for c in 0..<w.count {
            let a = v[Int(w.lo[c])], b = v[Int(w.hi[c])]
            let (alpha, dAlpha) = alphaOf(b - a)
            ws.alpha[c] = alpha
            ws.dAlpha[c] = dAlpha
            ws.aMinusB[c] = a - b
            // The reference's formula, so values (and hence every α) are bit-identical to it.
            v[Int(w.minWire[c])] = alpha * a + (1 - alpha) * b
            v[Int(w.maxWire[c])] = (1 - alpha) * a + alpha * b
        }
        y.update(from: v, count: n)
    }

    /// P of one row (`p` points at its n × n block), panel by panel; with a cotangent on P, also
    /// accumulates the P part of ᾱ into `ws.alphaBar`.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func permutationPanels<T: SortScalar>(_ p: UnsafeMutablePointer<T>, cotangentP cp: UnsafePointer<T>?, _ ws: Workspace<T>) {
        let w = wiring, S = ws.panel, D = ws.differences, alpha = ws.alpha
        var j0 = 0
        while j0 < n {
            let width = min(8, n - j0)
            // Panel rows j0 ..< j0 + width of P start as rows of the identity.
            S.update(repeating: .zero, count: n)
            for k in 0..<width { S[j0 + k][k] = 1 }
            if cp != nil {
                for c in 0..<w.count {
                    let A = S[Int(w.lo[c])], B = S[Int(w.hi[c])]
                    let diff = A - B
                    D[c] = diff
                    let t = alpha[c] * diff
                    S[Int(w.minWire[c])] = B + t
                    S[Int(w.maxWire[c])] = A - t
                }
            } else {
                for c in 0..<w.count {
                    let A = S[Int(w.lo[c])], B = S[Int(w.hi[c])]
                    let t = alpha[c] * (A - B)
                    S[Int(w.minWire[c])] = B + t
                    S[Int(w.maxWire[c])] = A - t
                }
            }
            // Write the panel out: P[j0 + k][wire] = S[wire][k].
            for wire in 0..<n {
                let v = S[wire]
                for k in 0..<width { p[(j0 + k) * n + wire] = v[k] }
            }
            if let cp { panelBackward(cp, j0: j0, width: width, ws) }
            j0 += 8
        }
    }

    /// Backward of one panel: pushes the panel's rows of P̄ back through every comparator and
    /// adds ⟨A − B, Ḡ_min − Ḡ_max⟩ of these rows to ᾱ.
    @inline(__always)
    func panelBackward<T: SortScalar>(_ cp: UnsafePointer<T>, j0: Int, width: Int, _ ws: Workspace<T>) {
        let w = wiring, G = ws.panelBar, D = ws.differences, alpha = ws.alpha, alphaBar = ws.alphaBar
        if width == 8 {
            // Build each SIMD8 from 8 scalars: lane inserts through memory stall on store forwarding.
            for wire in 0..<n {
                let q = j0 * n + wire
                G[wire] = SIMD8(cp[q], cp[q + n], cp[q + 2 * n], cp[q + 3 * n],
                                cp[q + 4 * n], cp[q + 5 * n], cp[q + 6 * n], cp[q + 7 * n])
            }
        } else {
            for wire in 0..<n {
                var g = SIMD8<T>.zero
                for k in 0..<width { g[k] = cp[(j0 + k) * n + wire] }
                G[wire] = g
            }
        }
        var c = w.count - 1
        while c >= 0 {
            let gMin = G[Int(w.minWire[c])], gMax = G[Int(w.maxWire[c])]
            let delta = gMin - gMax
            alphaBar[c] += horizontalSum(D[c] * delta)
            let t = alpha[c] * delta
            G[Int(w.lo[c])] = gMax + t
            G[Int(w.hi[c])] = gMin - t
            c -= 1
        }
    }

    /// Values backward of one row, adding the value part of ᾱ to the P part already accumulated.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func backwardValues<T: SortScalar>(cotangentY cy: UnsafePointer<T>?, gradX: UnsafeMutablePointer<T>, _ ws: Workspace<T>) {
        let w = wiring, g = ws.values
        if let cy { g.update(from: cy, count: n) } else { g.update(repeating: 0, count: n) }
        var c = w.count - 1
        while c >= 0 {
            let gMin = g[Int(w.minWire[c])], gMax = g[Int(w.maxWire[c])]
            let delta = gMin - gMax
            let dBar = (ws.aMinusB[c] * delta + ws.alphaBar[c]) * ws.dAlpha[c]
            let t = ws.alpha[c] * delta
            g[Int(w.lo[c])] = gMax + t - dBar
            g[Int(w.hi[c])] = gMin - t + dBar
            c -= 1
        }
        gradX.update(from: g, count: n)
    }
}

/// Pairwise (tree) sum of the lanes: two vector adds and one scalar add, where
/// `SIMD8.sum()` adds the lanes one after another (a serial chain of 7 scalar adds).
@inline(__always)
func horizontalSum<T: SortScalar>(_ v: SIMD8<T>) -> T {
    let quarter = v.lowHalf + v.highHalf
    let half = quarter.lowHalf + quarter.highHalf
    return half[0] + half[1]
}
