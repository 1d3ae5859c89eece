import RealModule

extension SIMDRelaxedSorter {
    /// `α = f(s·d)` and `dα/dd` for the configured family (scalar; one per comparator).
    @inline(__always)
    func alphaAndDerivative<T: SortScalar>(_ d: T, steepness s: T, lambda: T) -> (T, T) {
        switch configuration.family {
        case .cauchy:
            let u = s * d
            return (T(1) / 2 + T.atan(u) / T.pi, s / (T.pi * (1 + u * u)))
        case .reciprocal:
            let u = s * d
            let denominator = 2 + abs(u)
            return ((u / denominator + 1) / 2, s / (denominator * denominator))
        case .optimal:
            let (f, df) = Sigmoid.optimal(s * d, guardEpsilon: T(sigmoidGuardEpsilon))
            return (f, s * df)
        case .logistic:
            let (f, df) = Sigmoid.logistic(s * d)
            return (f, s * df)
        case .gaussian:
            let (f, df) = Sigmoid.gaussian(s * d)
            return (f, s * df)
        case .logisticPhi:
            return Sigmoid.logisticPhi(d: d, steepness: s, lambda: lambda)
        }
    }

    /// Values forward of one row; records α, dα/dd and a − b per comparator.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func forwardRow<T: SortScalar>(_ x: [T], row: Int, y: inout [T], workspace: inout Workspace<T>) {
        let s = T(configuration.steepness), lambda = T(configuration.artLambda)
        let n = self.n, count = self.count
        x.withUnsafeBufferPointer { xb in
            workspace.values.withUnsafeMutableBufferPointer { v in
                for w in 0..<n { v[w] = xb[row * n + w] }
                workspace.alpha.withUnsafeMutableBufferPointer { alpha in
                    workspace.dAlpha.withUnsafeMutableBufferPointer { dAlpha in
                        workspace.aMinusB.withUnsafeMutableBufferPointer { amb in
                            lo.withUnsafeBufferPointer { lo in
                                hi.withUnsafeBufferPointer { hi in
                                    minWire.withUnsafeBufferPointer { mnW in
                                        maxWire.withUnsafeBufferPointer { mxW in
                                            for c in 0..<count {
                                                let a = v[Int(lo[c])], b = v[Int(hi[c])]
                                                let (al, dal) = alphaAndDerivative(b - a, steepness: s, lambda: lambda)
                                                alpha[c] = al
                                                dAlpha[c] = dal
                                                amb[c] = a - b
                                                // The reference's formula, so values (and hence
                                                // every α) are bit-identical to the reference.
                                                v[Int(mnW[c])] = al * a + (1 - al) * b
                                                v[Int(mxW[c])] = (1 - al) * a + al * b
                                            }
                                        }
                                    }
                                }
                            }
                        }
                    }
                }
                y.withUnsafeMutableBufferPointer { yb in
                    for w in 0..<n { yb[row * n + w] = v[w] }
                }
            }
        }
    }

    /// P of one row, panel by panel; with a cotangent on P, also accumulates the P part of ᾱ.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func permutationPanels<T: SortScalar>(
        row: Int, p: UnsafeMutableBufferPointer<T>, cotangentP: UnsafeBufferPointer<T>?,
        workspace: inout Workspace<T>
    ) {
        let n = self.n, count = self.count
        let base = row * n * n
        let storeDifferences = cotangentP != nil
        workspace.panel.withUnsafeMutableBufferPointer { S in
        workspace.panelBar.withUnsafeMutableBufferPointer { G in
        workspace.differences.withUnsafeMutableBufferPointer { D in
        workspace.alpha.withUnsafeBufferPointer { alpha in
        workspace.alphaBar.withUnsafeMutableBufferPointer { alphaBar in
        lo.withUnsafeBufferPointer { lo in
        hi.withUnsafeBufferPointer { hi in
        minWire.withUnsafeBufferPointer { mnW in
        maxWire.withUnsafeBufferPointer { mxW in
            var j0 = 0
            while j0 < n {
                let width = min(8, n - j0)
                // Panel rows j0 ..< j0 + width of P start as rows of the identity.
                for w in 0..<n { S[w] = .zero }
                for k in 0..<width { S[j0 + k][k] = 1 }
                if storeDifferences {
                    for c in 0..<count {
                        let A = S[Int(lo[c])], B = S[Int(hi[c])]
                        let diff = A - B
                        D[c] = diff
                        let t = alpha[c] * diff
                        S[Int(mnW[c])] = B + t
                        S[Int(mxW[c])] = A - t
                    }
                } else {
                    for c in 0..<count {
                        let A = S[Int(lo[c])], B = S[Int(hi[c])]
                        let t = alpha[c] * (A - B)
                        S[Int(mnW[c])] = B + t
                        S[Int(mxW[c])] = A - t
                    }
                }
                // Write the panel out: P[j0 + k][w] = S[w][k].
                for w in 0..<n {
                    let v = S[w]
                    for k in 0..<width { p[base + (j0 + k) * n + w] = v[k] }
                }
                if let cp = cotangentP {
                    if width == 8 {
                        // Gather one value from each of the 8 rows without lane inserts through
                        // memory (those stall on store forwarding).
                        let r = base + j0 * n
                        for w in 0..<n {
                            let q = r + w
                            G[w] = SIMD8(cp[q], cp[q + n], cp[q + 2 * n], cp[q + 3 * n],
                                         cp[q + 4 * n], cp[q + 5 * n], cp[q + 6 * n], cp[q + 7 * n])
                        }
                    } else {
                        for w in 0..<n {
                            var g = SIMD8<T>.zero
                            for k in 0..<width { g[k] = cp[base + (j0 + k) * n + w] }
                            G[w] = g
                        }
                    }
                    var c = count - 1
                    while c >= 0 {
                        let l = Int(lo[c]), h = Int(hi[c])
                        let gMin = G[Int(mnW[c])], gMax = G[Int(mxW[c])]
                        let delta = gMin - gMax
                        alphaBar[c] += horizontalSum(D[c] * delta)
                        let t = alpha[c] * delta
                        G[l] = gMax + t
                        G[h] = gMin - t
                        c -= 1
                    }
                }
                j0 += 8
            }
        }}}}}}}}}
    }

    /// Values backward of one row, adding the value part of ᾱ to the P part already accumulated.
    @_specialize(where T == Double)
    @_specialize(where T == Float)
    func backwardValues<T: SortScalar>(row: Int, cotangentY: [T]?, gradX: inout [T], workspace: inout Workspace<T>) {
        let n = self.n, count = self.count
        workspace.values.withUnsafeMutableBufferPointer { g in
            if let cy = cotangentY {
                for w in 0..<n { g[w] = cy[row * n + w] }
            } else {
                for w in 0..<n { g[w] = 0 }
            }
            workspace.alpha.withUnsafeBufferPointer { alpha in
            workspace.dAlpha.withUnsafeBufferPointer { dAlpha in
            workspace.aMinusB.withUnsafeBufferPointer { amb in
            workspace.alphaBar.withUnsafeBufferPointer { alphaBar in
            lo.withUnsafeBufferPointer { lo in
            hi.withUnsafeBufferPointer { hi in
            minWire.withUnsafeBufferPointer { mnW in
            maxWire.withUnsafeBufferPointer { mxW in
                var c = count - 1
                while c >= 0 {
                    let gMin = g[Int(mnW[c])], gMax = g[Int(mxW[c])]
                    let delta = gMin - gMax
                    let aBar = amb[c] * delta + alphaBar[c]
                    let dBar = aBar * dAlpha[c]
                    let t = alpha[c] * delta
                    g[Int(lo[c])] = gMax + t - dBar
                    g[Int(hi[c])] = gMin - t + dBar
                    c -= 1
                }
            }}}}}}}}
            gradX.withUnsafeMutableBufferPointer { gx in
                for w in 0..<n { gx[row * n + w] = g[w] }
            }
        }
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
