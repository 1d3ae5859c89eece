extension SIMDShortestPath {
    /// Reverse of the Bellman–Ford sweeps: `∂/∂cost`, given `∂/∂pred` of the last sweep
    /// (padded layout `[P][8][G]`, from the traceback).
    ///
    /// With `d′_c = m_c + cost_c`, `m_c = Σ_k pred_k v_k`, `pred = softmax(−β v)`:
    /// `∂m_c/∂v_k = pred_k (1 − β (v_k − m_c))`. For a shared-exponential cell
    /// (`pred_k = E[n_k]/Z_c`) the term is `E[n_k]·a_c·(1 + β (m_c − d[n_k]))` with
    /// `a_c = ḡ_c/Z_c`, so each map entry n gathers `E[n]·Σ_c a_c (1 + β (m_c − d[n]))` over
    /// the cells c that read it (the directions being symmetric, the same neighbour offsets as
    /// the sweep). `m_c − d[n]` is taken per edge, as the reference does: expanding it into
    /// `(1 + β m_c)·E − β·E·d` cancels (measured: 1.4e-12 absolute error at β = 60, outside
    /// `simdAgreementBound`). Explicit cells scatter their eight terms.
    func sweepBackward(_ s: Sweeps, scratch: Scratch, gradLastPred gPred: UnsafeMutablePointer<Lane>) -> [Lane] {
        let G = lanes.groups, HW = cells, T = iterations, P = padded
        let nb = Neighbours(paddedWidth: Wp, groups: G)
        let b = Lane(repeating: beta), inf = Lane(repeating: infinity)
        var gCost = [Lane](repeating: .zero, count: HW * G)
        var gD = scratch.take(P * G), gPrev = scratch.take(P * G)
        let a = scratch.take(P * G), m = scratch.take(P * G)            // a_c = ḡ_c/Z_c, m_c (near band; 0 elsewhere)
        let aFar = scratch.take(P * G), mFar = scratch.take(P * G)      // far band: m_c − infinity (zeroed when used)
        let start = (Wp + 1) * G
        for t in stride(from: T - 1, through: 0, by: -1) {
            for g in 0..<G { gD[start + g] = .zero }   // d[1,1] ← 0 after the sweep
            gPrev.update(repeating: .zero, count: P * G)
            let usesFar = s.eFar[t] != nil
            if usesFar { aFar.update(repeating: .zero, count: P * G); mFar.update(repeating: .zero, count: P * G) }
            let d = s.d + t * P * G
            let e = s.e + t * P * G, ev = s.ev + t * P * G
            for cell in 0..<HW {
                let c = ((1 + cell / W) * Wp + 1 + cell % W) * G
                for g in 0..<G {
                    let i = c + g
                    let gNew = gD[i]
                    gCost[cell * G + g] += gNew
                    a[i] = .zero
                    switch s.band[(t * HW + cell) * G + g] {
                    case Band.near.rawValue:
                        let invZ = 1 / nb.sum(e, i)
                        m[i] = nb.sum(ev, i) * invZ
                        a[i] = gNew * invZ
                    case Band.far.rawValue:
                        let (eF, evF) = (s.eFar[t]!.base, s.evFar[t]!.base)
                        let invZ = 1 / nb.sum(eF, i)
                        mFar[i] = nb.sum(evF, i) * invZ
                        aFar[i] = gNew * invZ
                    default:
                        let w = s.explicitWeights!.base + ((t * HW + cell) * 8 * G + g)
                        if hard {
                            nb.forEach { k in gPrev[i &+ nb[k]] += gNew * w[k &* G] }
                        } else {
                            var mc = Lane.zero
                            nb.forEach { k in mc += w[k &* G] * d[i &+ nb[k]] }
                            nb.forEach { k in gPrev[i &+ nb[k]] += gNew * w[k &* G] * (1 - b * (d[i &+ nb[k]] - mc)) }
                        }
                    }
                    if t == T - 1 && !hard {
                        // ∂pred/∂v of the softmax: −β pred_k (ḡ_k − Σ_j ḡ_j pred_j).
                        let p = s.lastPred + (c / G) * 8 * G + g, gp = gPred + (c / G) * 8 * G + g
                        var dot = Lane.zero
                        nb.forEach { k in dot += gp[k &* G] * p[k &* G] }
                        nb.forEach { k in gPrev[i &+ nb[k]] += -b * p[k &* G] * (gp[k &* G] - dot) }
                    }
                }
            }
            if !hard {
                for cell in 0..<HW {
                    let c = ((1 + cell / W) * Wp + 1 + cell % W) * G
                    for g in 0..<G {
                        let i = c + g
                        let dn = d[i]
                        var sum = Lane.zero
                        nb.forEach { k in sum += a[i &+ nb[k]] * (1 + b * (m[i &+ nb[k]] - dn)) }
                        gPrev[i] += e[i] * sum
                        if usesFar {
                            // A reached cell's far exponential is huge but finite, and every a
                            // around it is 0 (no far-band cell reads it): the product is 0.
                            let dFar = dn - inf
                            var sumFar = Lane.zero
                            nb.forEach { k in sumFar += aFar[i &+ nb[k]] * (1 + b * (mFar[i &+ nb[k]] - dFar)) }
                            gPrev[i] += s.eFar[t]!.base[i] * sumFar
                        }
                    }
                }
            }
            swap(&gD, &gPrev)
        }
        return gCost
    }
}
