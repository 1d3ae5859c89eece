import CSortingKernels
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

    /// P of one row (`p` points at its n × n block) by the C panel kernel; with a cotangent on P,
    /// also accumulates the P part of ᾱ into `ws.alphaBar`.
    func permutationPanels<T: SortScalar>(_ p: UnsafeMutablePointer<T>, cotangentP cp: UnsafePointer<T>?, _ ws: Workspace<T>) {
        let isa = relax_kernel(rawValue: instructionSet == .avx2FMA ? 1 : 0)
        withUnsafePointer(to: wiring.schedule) { schedule in
            if T.self == Double.self {
                relax_panels_f64(isa, schedule, ws.alpha.cast(Double.self), p.cast(Double.self),
                                 cp.map { $0.cast(Double.self) }, ws.alphaBar.cast(Double.self), ws.panelWorkspace)
            } else if T.self == Float.self {
                relax_panels_f32(isa, schedule, ws.alpha.cast(Float.self), p.cast(Float.self),
                                 cp.map { $0.cast(Float.self) }, ws.alphaBar.cast(Float.self), ws.panelWorkspace)
            } else {
                // Another SortScalar type: run the Double kernel and round the results to T.
                let count = wiring.count, nn = n * n
                let alpha = (0..<count).map { Double(ws.alpha[$0]) }
                var pDouble = [Double](repeating: 0, count: nn), alphaBar = [Double](repeating: 0, count: count)
                let cpDouble = cp.map { cp in (0..<nn).map { Double(cp[$0]) } }
                let bytes = relax_panel_workspace_bytes(n, count, 8)
                let scratch = UnsafeMutableRawPointer.allocate(byteCount: bytes, alignment: 64)
                defer { scratch.deallocate() }
                alpha.withUnsafeBufferPointer { alpha in
                    pDouble.withUnsafeMutableBufferPointer { pd in
                        alphaBar.withUnsafeMutableBufferPointer { ab in
                            if let cpDouble {
                                cpDouble.withUnsafeBufferPointer { cpd in
                                    _ = relax_panels_f64(isa, schedule, alpha.baseAddress, pd.baseAddress, cpd.baseAddress, ab.baseAddress, scratch)
                                }
                            } else {
                                _ = relax_panels_f64(isa, schedule, alpha.baseAddress, pd.baseAddress, nil, ab.baseAddress, scratch)
                            }
                        }
                    }
                }
                for k in 0..<nn { p[k] = T(pDouble[k]) }
                for c in 0..<count { ws.alphaBar[c] += T(alphaBar[c]) }
            }
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

extension UnsafeMutablePointer {
    /// The same address as a pointer to `U` (used only where `U` is `Pointee`, checked by the caller).
    @inline(__always) func cast<U>(_: U.Type) -> UnsafeMutablePointer<U> { UnsafeMutableRawPointer(self).assumingMemoryBound(to: U.self) }
}

extension UnsafePointer {
    @inline(__always) func cast<U>(_: U.Type) -> UnsafePointer<U> { UnsafeRawPointer(self).assumingMemoryBound(to: U.self) }
}
