extension SortingNetwork {
    /// Applies the network with hard comparators (exact min/max), in place.
    ///
    /// This is the `s → ∞` limit of the relaxed sort for distinct inputs. Works for any
    /// `Comparable` element, so it is also the evaluator the 0-1 principle proofs use.
    public func hardSort<T: Comparable>(_ values: inout [T]) {
        precondition(values.count == n, "expected \(n) values, got \(values.count)")
        layers.applyHard(to: &values)
    }

    /// Returns the hard-sorted copy of `values`.
    public func hardSorted<T: Comparable>(_ values: [T]) -> [T] {
        var v = values
        hardSort(&v)
        return v
    }

    /// Bit-sliced hard evaluation on 0-1 inputs: bit `k` of `wires[w]` is the value of wire `w`
    /// in the `k`-th of 64 independent inputs. A comparator is `min = a & b`, `max = a | b`.
    public func hardSortBitSliced(_ wires: inout [UInt64]) {
        precondition(wires.count == n)
        layers.applyHardBitSliced(to: &wires)
    }
}

extension Sequence where Element == [SortingNetwork.Comparator] {
    /// Applies these layers with hard comparators (exact min/max), in place. Shared by every
    /// network type built from ``SortingNetwork/Comparator`` (sorting and selection networks).
    @inlinable
    public func applyHard<T: Comparable>(to values: inout [T]) {
        for layer in self {
            for c in layer {
                let a = values[c.lo], b = values[c.hi]
                let (small, large) = a <= b ? (a, b) : (b, a)
                values[c.minWire] = small
                values[c.maxWire] = large
            }
        }
    }

    /// The same on 64 bit-sliced 0-1 inputs: `min = a & b`, `max = a | b`.
    @inlinable
    public func applyHardBitSliced(to wires: inout [UInt64]) {
        wires.withUnsafeMutableBufferPointer { w in
            for layer in self {
                for c in layer {
                    let a = w[c.lo], b = w[c.hi]
                    w[c.minWire] = a & b
                    w[c.maxWire] = a | b
                }
            }
        }
    }
}
