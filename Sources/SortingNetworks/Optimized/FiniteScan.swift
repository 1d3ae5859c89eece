/// The index of the first non-finite entry, or nil. Cotangents on P hold batch·n² entries
/// (a million per sample at n = 1024), and the generic `firstIndex(where: { !$0.isFinite })` of
/// the validation ran unspecialised at about 4 % of a whole sorter call; Float and Double are
/// scanned here in blocks with a branch-free, vectorisable count of all-ones exponents, and only
/// a block that holds one is searched for its index.
func firstNonFiniteIndex<T: SortScalar>(_ values: [T]) -> Int? {
    if T.self == Double.self {
        return unsafeBitCast(values, to: [Double].self).withUnsafeBufferPointer { b in
            firstNonFinite(b.count, { b[$0].bitPattern & 0x7FF0_0000_0000_0000 == 0x7FF0_0000_0000_0000 })
        }
    }
    if T.self == Float.self {
        return unsafeBitCast(values, to: [Float].self).withUnsafeBufferPointer { b in
            firstNonFinite(b.count, { b[$0].bitPattern & 0x7F80_0000 == 0x7F80_0000 })
        }
    }
    return values.firstIndex(where: { !$0.isFinite })
}

@inline(__always)
private func firstNonFinite(_ count: Int, _ isNonFinite: (Int) -> Bool) -> Int? {
    var start = 0
    while start < count {
        let end = min(count, start + 4096)
        var found = 0
        for i in start..<end { found &+= isNonFinite(i) ? 1 : 0 }
        if found > 0 { return (start..<end).first(where: isNonFinite) }
        start = end
    }
    return nil
}
