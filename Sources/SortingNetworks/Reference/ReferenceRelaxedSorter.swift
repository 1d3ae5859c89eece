import RealModule

/// The teaching implementation of ``RelaxedSorter``: one row at a time through
/// ``RelaxedSortingNetwork``, nested arrays, no SIMD, no caches.
public struct ReferenceRelaxedSorter: RelaxedSorter {
    public let n: Int
    public let configuration: SortConfiguration
    public let network: SortingNetwork

    public init(n: Int, configuration: SortConfiguration) throws(RelaxedSortError) {
        network = try configuration.makeNetwork(n: n)
        self.n = n
        self.configuration = configuration
    }

    func swap<T: SortScalar>(_: T.Type) -> ConditionalSwap<T> {
        if let custom = configuration.customFamily { return custom.conditionalSwap(steepness: T(configuration.steepness)) }
        return configuration.family.conditionalSwap(steepness: T(configuration.steepness), artLambda: T(configuration.artLambda))
    }

    public func sort<T: SortScalar>(_ x: [T], computeP: Bool) throws(RelaxedSortError) -> SortOutput<T> {
        let batch = try validatedBatch(x)
        let swap = swap(T.self)
        var y: [T] = []
        var p: [T] = []
        for row in 0..<batch {
            let trace = RelaxedSortingNetwork.forward(
                x: Array(x[row * n..<(row + 1) * n]), network: network, swap: swap, tracksPermutation: computeP)
            y += trace.y
            if computeP { p += trace.P.flatMap { $0 } }
        }
        return SortOutput(n: n, batch: batch, y: y, p: computeP ? p : nil)
    }

    public func gradient<T: SortScalar>(
        _ x: [T], cotangentY: [T]?, cotangentP: [T]?, computeP: Bool
    ) throws(RelaxedSortError) -> SortGradient<T> {
        let batch = try validatedBatch(x, cotangentY: cotangentY, cotangentP: cotangentP, forGradient: true)
        let swap = swap(T.self)
        let withP = computeP || cotangentP != nil
        var y: [T] = [], p: [T] = [], gradX: [T] = []
        for row in 0..<batch {
            let trace = RelaxedSortingNetwork.forward(
                x: Array(x[row * n..<(row + 1) * n]), network: network, swap: swap, tracksPermutation: withP)
            let cy = cotangentY.map { Array($0[row * n..<(row + 1) * n]) }
            let cp = cotangentP.map { c in (0..<n).map { j in Array(c[(row * n + j) * n..<(row * n + j + 1) * n]) } }
            gradX += RelaxedSortingNetwork.vectorJacobianProduct(
                trace: trace, network: network, swap: swap, cotangentY: cy, cotangentP: cp)
            y += trace.y
            if withP { p += trace.P.flatMap { $0 } }
        }
        return SortGradient(output: SortOutput(n: n, batch: batch, y: y, p: withP ? p : nil), gradX: gradX)
    }
}
